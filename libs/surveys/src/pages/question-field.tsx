import type { QuestionView } from '@polity/contracts';
import type { Translator } from '@polity/web';
import { OTHER } from '../responses/check-answers';
import { fieldName } from './survey-form';

type Answer = unknown;

/** The option keys an answer holds, whichever shape it came in (the form's or the stored one). */
function chosenKeys(answer: Answer): string[] {
  if (typeof answer === 'string') return [answer];
  if (Array.isArray(answer)) return answer.filter((key): key is string => typeof key === 'string');
  if (answer && typeof answer === 'object') {
    const shaped = answer as { choice?: unknown; choices?: unknown; other?: unknown };
    const keys = typeof shaped.choice === 'string' ? [shaped.choice] : Array.isArray(shaped.choices) ? (shaped.choices as string[]) : [];
    return shaped.other !== undefined ? [...keys, OTHER] : keys;
  }
  return [];
}
const otherText = (answer: Answer): string =>
  answer && typeof answer === 'object' && typeof (answer as { other?: unknown }).other === 'string'
    ? (answer as { other: string }).other
    : '';

export interface QuestionFieldProps {
  t: Translator;
  question: QuestionView;
  answer: Answer;
  error?: string;
}

/**
 * One question as a form control of its type, its title as the label or legend, its error beside
 * it. `id="q-<key>"` is where the error summary's link lands.
 */
export function QuestionField({ t, question, answer, error }: QuestionFieldProps) {
  const id = `q-${question.key}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const hints = hintsOf(t, question);
  const describedBy = [hints.length > 0 || question.description ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const title = (
    <>
      {question.title} <span class="polity-meta">{t.t(question.required ? 'surveys.answer.required' : 'surveys.answer.optional')}</span>
    </>
  );
  const help = (
    <>
      {(question.description || hints.length > 0) && (
        <p class="polity-field__hint" id={hintId}>
          {[question.description, ...hints].filter(Boolean).join(' ')}
        </p>
      )}
      {error && (
        <p class="polity-field__error" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
  const wrapper = `polity-question${error ? ' polity-field--invalid' : ''}`;
  const name = fieldName(question);
  switch (question.type) {
    case 'short_text':
    case 'number':
      return (
        <div class={`utrecht-form-field polity-field ${wrapper}`}>
          <label class="utrecht-form-label" for={id}>
            {title}
          </label>
          {help}
          <input
            class="utrecht-textbox"
            id={id}
            name={name}
            type="text"
            inputMode={question.type === 'number' ? 'decimal' : undefined}
            maxLength={question.maxLength ?? undefined}
            value={typeof answer === 'string' || typeof answer === 'number' ? String(answer) : ''}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy}
          />
        </div>
      );
    case 'long_text':
      return (
        <div class={`utrecht-form-field polity-field ${wrapper}`}>
          <label class="utrecht-form-label" for={id}>
            {title}
          </label>
          {help}
          <textarea
            id={id}
            name={name}
            rows={5}
            maxLength={question.maxLength ?? undefined}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy}
          >
            {typeof answer === 'string' ? answer : ''}
          </textarea>
        </div>
      );
    case 'single_choice':
    case 'multiple_choice':
    case 'scale': {
      const multiple = question.type === 'multiple_choice';
      const options =
        question.type === 'scale'
          ? Array.from({ length: question.scalePoints ?? 5 }, (_, index) => ({ key: String(index + 1), label: String(index + 1) }))
          : [...(question.options ?? []), ...(question.allowOther ? [{ key: OTHER, label: t.t('surveys.answer.other') }] : [])];
      const chosen =
        question.type === 'scale' ? [typeof answer === 'number' || typeof answer === 'string' ? String(answer) : ''] : chosenKeys(answer);
      return (
        <fieldset class={`utrecht-form-fieldset polity-field ${wrapper}`} aria-describedby={describedBy}>
          <legend class="utrecht-form-label">{title}</legend>
          {help}
          <div class={question.type === 'scale' ? 'polity-scale' : undefined}>
            {options.map((option, index) => {
              const optionId = index === 0 ? id : `${id}-${option.key}`;
              return (
                <div class="polity-choice" key={option.key}>
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    id={optionId}
                    name={name}
                    value={option.key}
                    checked={chosen.includes(option.key)}
                  />
                  <label for={optionId}>{option.label}</label>
                </div>
              );
            })}
          </div>
          {question.allowOther && (
            <div class="polity-field polity-other">
              <label class="utrecht-form-label" for={`${id}-other-text`}>
                {t.t('surveys.answer.otherSay')}
              </label>
              <input
                class="utrecht-textbox"
                id={`${id}-other-text`}
                name={fieldName(question, 'other')}
                type="text"
                maxLength={500}
                value={otherText(answer)}
              />
            </div>
          )}
        </fieldset>
      );
    }
    case 'ranking': {
      const ranked = chosenKeys(answer);
      const places = question.rankCount ?? (question.options ?? []).length;
      return (
        <fieldset class={`utrecht-form-fieldset polity-field ${wrapper}`} aria-describedby={describedBy}>
          <legend class="utrecht-form-label">{title}</legend>
          {help}
          {(question.options ?? []).map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.key}`;
            const rank = ranked.indexOf(option.key) + 1;
            return (
              <div class="polity-rank" key={option.key}>
                <label for={optionId}>{t.t('surveys.answer.rankOf', { option: option.label })}</label>
                <select id={optionId} name={fieldName(question, option.key)}>
                  <option value="">{t.t('surveys.answer.unranked')}</option>
                  {Array.from({ length: places }, (_, place) => place + 1).map((place) => (
                    <option key={place} value={String(place)} selected={place === rank}>
                      {place}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
      );
    }
    case 'matrix': {
      const chosen = answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as Record<string, string>) : {};
      return (
        <fieldset class={`utrecht-form-fieldset polity-field ${wrapper}`} aria-describedby={describedBy}>
          <legend class="utrecht-form-label">{title}</legend>
          {help}
          <div class="polity-table-scroll">
            <table class="polity-table polity-matrix">
              <thead>
                <tr>
                  <td />
                  {(question.options ?? []).map((column) => (
                    <th scope="col" key={column.key} id={`${id}-col-${column.key}`}>
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(question.rows ?? []).map((row, rowIndex) => (
                  <tr key={row.key}>
                    <th scope="row" id={`${id}-row-${row.key}`}>
                      {row.label}
                    </th>
                    {(question.options ?? []).map((column, columnIndex) => (
                      <td key={column.key}>
                        <input
                          type="radio"
                          id={rowIndex === 0 && columnIndex === 0 ? id : `${id}-${row.key}-${column.key}`}
                          name={fieldName(question, row.key)}
                          value={column.key}
                          checked={chosen[row.key] === column.key}
                          aria-labelledby={`${id}-row-${row.key} ${id}-col-${column.key}`}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
      );
    }
    case 'section':
      return null;
  }
}

/** What the resident needs to know to answer well: the limits of choices, numbers and rankings, a scale's ends. */
function hintsOf(t: Translator, question: QuestionView): string[] {
  const hints: string[] = [];
  const { minChoices: min, maxChoices: max } = question;
  if (question.type === 'multiple_choice') {
    if (min && max) hints.push(t.t('surveys.answer.chooseBetween', { min, max }));
    else if (min) hints.push(t.t('surveys.answer.chooseAtLeast', { min }));
    else if (max) hints.push(t.t('surveys.answer.chooseAtMost', { max }));
  }
  if (
    question.type === 'number' &&
    question.min !== null &&
    question.min !== undefined &&
    question.max !== null &&
    question.max !== undefined
  )
    hints.push(t.t('surveys.answer.between', { min: question.min, max: question.max }));
  if (question.type === 'scale') {
    if (question.lowLabel) hints.push(t.t('surveys.answer.scaleFrom', { label: question.lowLabel }));
    if (question.highLabel) hints.push(t.t('surveys.answer.scaleTo', { points: question.scalePoints ?? 5, label: question.highLabel }));
  }
  if (question.type === 'ranking')
    hints.push(question.rankCount ? t.t('surveys.answer.rankHint', { count: question.rankCount }) : t.t('surveys.answer.rankAll'));
  return hints;
}
