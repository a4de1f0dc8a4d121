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
}: {
  web: WebRequest;
  action: string;
  children: ComponentChildren;
  class?: string;
  /** With JavaScript, sent without leaving the page: the answer's live parts replace the page's. */
  live?: boolean;
}) {
  return (
    <form method="post" action={action} class={className} noValidate data-live-submit={live || undefined}>
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
  label: string;
  type?: 'text' | 'email' | 'password' | 'search';
  value?: string;
  autocomplete?: string;
  error?: string;
  required?: boolean;
}) {
  const errorId = `${props.name}-error`;
  return (
    <div class={`utrecht-form-field polity-field${props.error ? ' polity-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={props.name}>
        {props.label}
      </label>
      {props.error && (
        <p class="polity-field__error" id={errorId}>
          {props.error}
        </p>
      )}
      <input
        class="utrecht-textbox"
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autoComplete={props.autocomplete}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId : undefined}
      />
    </div>
  );
}

/** A labelled choice among options; `value` is the one selected. */
export function SelectField(props: {
  name: string;
  label: string;
  options: { value: string; label: string; lang?: string }[];
  value?: string;
}) {
  return (
    <div class="utrecht-form-field polity-field">
      <label class="utrecht-form-label" for={props.name}>
        {props.label}
      </label>
      <select id={props.name} name={props.name}>
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
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  rows?: number;
  preview?: string;
}) {
  const describedBy = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`utrecht-form-field polity-field${props.error ? ' polity-field--invalid' : ''}`}>
      <label class="utrecht-form-label" for={props.name}>
        {props.label}
      </label>
      {props.hint && (
        <p class="polity-field__hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="polity-field__error" id={`${props.name}-error`}>
          {props.error}
        </p>
      )}
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 5}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        data-preview={props.preview ? `${props.name}-preview` : undefined}
      >
        {props.value ?? ''}
      </textarea>
      {props.preview && (
        // Hidden until the live client fills it; not a live region, so typing is not read back.
        <section class="polity-preview" id={`${props.name}-preview`} aria-label={props.preview} hidden>
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
  legend: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
}) {
  const errorId = `${props.name}-error`;
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
            id={index === 0 ? props.name : `${props.name}-${option.value}`}
            name={props.name}
            value={option.value}
            checked={option.value === props.value}
          />
          <label for={index === 0 ? props.name : `${props.name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
