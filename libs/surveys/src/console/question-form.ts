import { CONDITION_OPERATORS, QUESTION_TYPES, type QuestionView } from '@polity/contracts';
import { type FieldError, formText, type Translator } from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { QuestionDto } from '../surveys/survey-questions.dto';

/** The question editor's fields as typed (or as the question has them). */
export type QuestionDraft = Record<string, string>;

const NUMBER_FIELDS = ['minChoices', 'maxChoices', 'rankCount', 'minLength', 'maxLength', 'min', 'max', 'scalePoints'] as const;
const TEXT_FIELDS = [
  'key',
  'type',
  'title',
  'description',
  'options',
  'rows',
  'lowLabel',
  'highLabel',
  'conditionQuestion',
  'operator',
  'conditionValue',
  'conditionMin',
  'conditionMax',
];
const FLAGS = ['required', 'allowOther', 'integer'] as const;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;

const choiceLines = (choices: { key: string; label: string }[] | undefined): string =>
  (choices ?? []).map((choice) => `${choice.key}: ${choice.label}`).join('\n');

/** A question as its editor shows it. */
export function questionDraftOf(question: QuestionView): QuestionDraft {
  const condition = question.condition;
  return {
    key: question.key,
    type: question.type,
    title: question.title,
    description: question.description ?? '',
    required: question.required ? 'on' : '',
    options: choiceLines(question.options),
    rows: choiceLines(question.rows),
    allowOther: question.allowOther ? 'on' : '',
    integer: question.integer ? 'on' : '',
    lowLabel: question.lowLabel ?? '',
    highLabel: question.highLabel ?? '',
    ...Object.fromEntries(
      NUMBER_FIELDS.map((field) => [field, question[field] === null || question[field] === undefined ? '' : String(question[field])]),
    ),
    conditionQuestion: condition?.question ?? '',
    operator: condition?.operator ?? 'equals',
    conditionValue: condition?.value === undefined ? '' : String(condition.value),
    conditionMin: condition?.min === undefined ? '' : String(condition.min),
    conditionMax: condition?.max === undefined ? '' : String(condition.max),
  };
}

export const newQuestionDraft = (): QuestionDraft => ({ type: 'single_choice', operator: 'equals', scalePoints: '5' });

/** `key: label` per line, or a label alone (its key made from it); the number of the first line whose key is not one. */
function readChoices(text: string): { choices: { key: string; label: string }[]; badLine: number | null } {
  const choices: { key: string; label: string }[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const separated = /^([^:]{1,40}):\s*(.+)$/.exec(line);
    const made = line
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40);
    const key = separated ? separated[1].trim() : /^[a-z]/.test(made) ? made : `option_${choices.length + 1}`;
    if (!KEY.test(key)) return { choices, badLine: index + 1 };
    choices.push({ key, label: separated ? separated[2].trim() : line });
  }
  return { choices, badLine: null };
}

const numberOf = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value.trim().replace(',', '.')));

/** Reads the editor's form into the api's question, checked by its DTO; field errors keyed by the editor's field ids. */
export async function readQuestionForm(
  t: Translator,
  form: Record<string, unknown>,
): Promise<{ input: QuestionDto; draft: QuestionDraft; errors: FieldError[] }> {
  const texts: [string, string][] = [...TEXT_FIELDS, ...NUMBER_FIELDS].map((field) => [
    field,
    formText(form[field], field === 'options' || field === 'rows' ? 10_000 : 2000),
  ]);
  const flags: [string, string][] = FLAGS.map((flag) => [flag, form[flag] === 'on' ? 'on' : '']);
  const draft: QuestionDraft = Object.fromEntries([...texts, ...flags]);
  const errors: FieldError[] = [];
  const options = readChoices(draft.options);
  const rows = readChoices(draft.rows);
  if (options.badLine !== null) errors.push({ field: 'options', message: t.t('sc.invalid.options', { line: options.badLine }) });
  if (rows.badLine !== null) errors.push({ field: 'rows', message: t.t('sc.invalid.options', { line: rows.badLine }) });
  const type = (QUESTION_TYPES as readonly string[]).includes(draft.type) ? draft.type : 'short_text';
  const operator = (CONDITION_OPERATORS as readonly string[]).includes(draft.operator) ? draft.operator : 'equals';
  const conditionValue = draft.conditionValue.trim();
  const input = plainToInstance(QuestionDto, {
    key: draft.key.trim(),
    type,
    title: draft.title,
    description: draft.description.trim() || null,
    required: draft.required === 'on',
    ...(options.choices.length > 0 && { options: options.choices }),
    ...(rows.choices.length > 0 && { rows: rows.choices }),
    allowOther: draft.allowOther === 'on',
    integer: draft.integer === 'on',
    lowLabel: draft.lowLabel.trim() || null,
    highLabel: draft.highLabel.trim() || null,
    ...Object.fromEntries(
      NUMBER_FIELDS.flatMap((field) => (numberOf(draft[field]) === undefined ? [] : [[field, numberOf(draft[field])]])),
    ),
    condition: draft.conditionQuestion
      ? {
          question: draft.conditionQuestion,
          operator,
          ...(operator === 'in_range'
            ? {
                ...(numberOf(draft.conditionMin) !== undefined && { min: numberOf(draft.conditionMin) }),
                ...(numberOf(draft.conditionMax) !== undefined && { max: numberOf(draft.conditionMax) }),
              }
            : { value: /^-?\d+(\.\d+)?$/.test(conditionValue) ? Number(conditionValue) : conditionValue }),
        }
      : null,
  });
  const flat = (problems: ValidationError[]): string[] =>
    problems.flatMap((problem) => [problem.property, ...flat(problem.children ?? [])]);
  const invalid = new Set(flat(await validate(input)));
  for (const field of ['key', 'title', 'description', ...NUMBER_FIELDS, 'lowLabel', 'highLabel'])
    if (invalid.has(field) && !errors.some((error) => error.field === field)) errors.push({ field, message: t.t('sc.invalid') });
  if (invalid.has('condition')) errors.push({ field: 'conditionQuestion', message: t.t('sc.invalid') });
  return { input, draft, errors };
}

/** A condition in words, for the builder's list and the preview. */
export function conditionText(t: Translator, question: QuestionView, all: readonly QuestionView[]): string | null {
  const condition = question.condition;
  if (!condition) return null;
  const referred = all.find((other) => other.key === condition.question);
  const on = referred?.title ?? condition.question;
  const operator = t.t(`sc.operator.${condition.operator}`);
  // An option's key reads as its label.
  const value = referred?.options?.find((option) => option.key === condition.value)?.label ?? String(condition.value ?? '');
  const what = condition.operator === 'in_range' ? `${condition.min ?? '…'}–${condition.max ?? '…'}` : `“${value}”`;
  return `“${on}” ${operator} ${what}`;
}
