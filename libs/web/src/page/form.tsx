import type { ComponentChildren } from 'preact';
import type { Translator } from '../i18n/translator';
import type { WebRequest } from './web-request';

/** A field's problem, as a page shows it beside the field and in the summary. */
export interface FieldError {
  field: string;
  message: string;
}

/** A form that changes something: posted, with this request's CSRF token. */
export function PostForm({
  web,
  action,
  children,
  class: className,
  live = false,
  id,
}: {
  web: WebRequest;
  action: string;
  /** For fields elsewhere on the page that belong to this form through their `form` attribute. */
  id?: string;
  children: ComponentChildren;
  class?: string;
  /** With JavaScript, sent without leaving the page: the answer's live parts replace the page's. */
  live?: boolean;
}) {
  return (
    <form method="post" action={action} id={id} class={className} noValidate data-live-submit={live || undefined}>
      <input type="hidden" name="_csrf" value={web.csrfToken} />
      {children}
    </form>
  );
}

/** The summary at the top of a form sent back with problems: a heading and a link to each field. */
export function ErrorSummary({ t, errors }: { t: Translator; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="polity-error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 class="utrecht-heading-2" id="error-summary-title">
        {t.t('form.errorSummary', { count: errors.length })}
      </h2>
      <ul>
        {errors.map((error) => (
          <li key={error.field}>
            <a class="utrecht-link" href={`#${error.field}`}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled text input with its error beside it, tied by aria-describedby. */
export function TextField(props: {
  name: string;
  /** The element's id when several forms on a page have this field (defaults to the name). */
  id?: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'datetime-local' | 'number' | 'url';
  value?: string;
  autocomplete?: string;
  error?: string;
  required?: boolean;
  hint?: string;
  /** The input's own class (a short number, say). */
  inputClass?: string;
}) {
  const id = props.id ?? props.name;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div class={`utrecht-form-field polity-field${props.error ? ' polity-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <p class="polity-field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="polity-field__error" id={errorId}>
          {props.error}
        </p>
      )}
      <input
        class={`utrecht-textbox${props.inputClass ? ` ${props.inputClass}` : ''}`}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autoComplete={props.autocomplete}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

/** A labelled choice among options; `value` is the one selected. */
export function SelectField(props: {
  name: string;
  id?: string;
  label: string;
  options: { value: string; label: string; lang?: string }[];
  value?: string;
  error?: string;
}) {
  const id = props.id ?? props.name;
  return (
    <div class={`utrecht-form-field polity-field${props.error ? ' polity-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {props.label}
      </label>
      {props.error && (
        <p class="polity-field__error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <select
        id={id}
        name={props.name}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === (props.value ?? '')} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A labelled multi-line text with a hint and its error beside it. With `preview` (its heading), the
 * live client shows the Markdown as it will be published below the field while the person writes.
 */
export function TextAreaField(props: {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  rows?: number;
  preview?: string;
}) {
  const id = props.id ?? props.name;
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`utrecht-form-field polity-field${props.error ? ' polity-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <p class="polity-field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="polity-field__error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        data-preview={props.preview ? `${id}-preview` : undefined}
      >
        {props.value ?? ''}
      </textarea>
      {props.preview && (
        // Hidden until the live client fills it; not a live region, so typing is not read back.
        <section class="polity-preview" id={`${id}-preview`} aria-label={props.preview} hidden>
          <p class="polity-preview__title">{props.preview}</p>
          <div class="polity-body" />
        </section>
      )}
    </div>
  );
}

/** A required choice among a few options, as radio buttons in a fieldset whose legend asks the question. */
export function RadioField(props: {
  name: string;
  id?: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
}) {
  const id = props.id ?? props.name;
  const errorId = `${id}-error`;
  return (
    <fieldset
      class={`utrecht-form-fieldset polity-field${props.error ? ' polity-field--invalid' : ''}`}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend class="utrecht-form-label">{props.legend}</legend>
      {props.error && (
        <p class="polity-field__error" id={errorId}>
          {props.error}
        </p>
      )}
      {props.options.map((option, index) => (
        <div class="polity-choice" key={option.value}>
          {/* The first radio carries the field's name as its id, so the error summary's link reaches the group. */}
          <input
            type="radio"
            id={index === 0 ? id : `${id}-${option.value}`}
            name={props.name}
            value={option.value}
            checked={option.value === props.value}
          />
          <label for={index === 0 ? id : `${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A single labelled checkbox that sends `on` when ticked (a setting, a flag). */
export function CheckboxField({ name, id, label, checked }: { name: string; id?: string; label: string; checked: boolean }) {
  return (
    <div class="polity-choice">
      <input type="checkbox" id={id ?? name} name={name} checked={checked} />
      <label for={id ?? name}>{label}</label>
    </div>
  );
}
