import { type FieldError, formText, TextAreaField, TextField, type Translator } from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { ScreeningSettings } from '../screening/screening-settings';
import { ScreeningSettingsDto } from '../settings/moderation-settings.dto';

/** Each rule's numeric settings, in the order the form shows them; `words.terms` is a list of its own. */
const RULES = {
  words: ['score'],
  links: ['max', 'score'],
  repeats: ['minLength', 'sameAuthor', 'acrossAccounts', 'windowHours', 'score'],
  rate: ['perMinute', 'perHour', 'score'],
  shouting: ['minLetters', 'ratio', 'score'],
} as const;

export type ScreeningDraft = Record<string, string>;

/** A field's id and form name: `links-max` for links.max. */
const idOf = (rule: string, setting: string): string => `${rule}-${setting}`;

export function screeningDraftOf(settings: ScreeningSettings): ScreeningDraft {
  const draft: ScreeningDraft = { holdScore: String(settings.holdScore), terms: settings.words.terms.join('\n') };
  for (const [rule, fields] of Object.entries(RULES))
    for (const field of fields) draft[idOf(rule, field)] = String((settings[rule as keyof typeof RULES] as Record<string, number>)[field]);
  return draft;
}

export async function readScreeningForm(
  t: Translator,
  form: Record<string, unknown>,
): Promise<{ input: ScreeningSettingsDto; draft: ScreeningDraft; errors: FieldError[] }> {
  const draft: ScreeningDraft = { holdScore: formText(form.holdScore, 20), terms: formText(form.terms, 200_000) };
  for (const [rule, fields] of Object.entries(RULES))
    for (const field of fields) draft[idOf(rule, field)] = formText(form[idOf(rule, field)], 20);
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value.trim().replace(',', '.')));
  const rules = Object.fromEntries(
    Object.entries(RULES).map(([rule, fields]) => [
      rule,
      Object.fromEntries(fields.map((field) => [field, number(draft[idOf(rule, field)])])),
    ]),
  );
  const terms = [
    ...new Set(
      draft.terms
        .split(/\r?\n/)
        .map((term) => term.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const input = plainToInstance(ScreeningSettingsDto, { holdScore: number(draft.holdScore), ...rules, words: { ...rules.words, terms } });
  const paths = (problems: ValidationError[], prefix = ''): string[] =>
    problems.flatMap((problem) =>
      problem.children?.length ? paths(problem.children, `${prefix}${problem.property}.`) : [`${prefix}${problem.property}`],
    );
  const errors = [...new Set(paths(await validate(input)))].map((path) => {
    const field = path === 'words.terms' ? 'terms' : path.replace('.', '-');
    return { field, message: t.t(path === 'words.terms' ? 'modc.screening.invalid.terms' : 'modc.screening.invalid') };
  });
  return { input, draft, errors };
}

/** The screening rules as a form: the hold score, the words, then each rule's thresholds and score. */
export function ScreeningFields({ t, draft, errors }: { t: Translator; draft: ScreeningDraft; errors: FieldError[] }) {
  const error = (field: string) => errors.find((problem) => problem.field === field)?.message;
  return (
    <>
      <TextField
        name="holdScore"
        type="number"
        inputClass="polity-number"
        label={t.t('modc.screening.holdScore')}
        hint={t.t('modc.screening.holdScoreHint')}
        value={draft.holdScore}
        error={error('holdScore')}
      />
      <TextAreaField
        name="terms"
        label={t.t('modc.screening.terms')}
        hint={t.t('modc.screening.termsHint')}
        rows={6}
        value={draft.terms}
        error={error('terms')}
      />
      {Object.entries(RULES).map(([rule, fields]) => (
        <fieldset key={rule} class="utrecht-form-fieldset polity-field">
          <legend class="utrecht-form-label">{t.t(`modc.screening.rule.${rule}`)}</legend>
          <div class="polity-inline-fields">
            {fields.map((field) => (
              <TextField
                key={field}
                name={idOf(rule, field)}
                type="number"
                inputClass="polity-number"
                label={t.t(`modc.screening.field.${field}`)}
                value={draft[idOf(rule, field)]}
                error={error(idOf(rule, field))}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}
