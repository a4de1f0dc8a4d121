import type { ChoiceView, DisplayConditionView, QuestionType, QuestionView } from '@polity/contracts';
import type { FieldProblem } from '@polity/platform';

/** What an official sends for one question: a {@link QuestionView} where all but key, type and title may be left out. */
export type QuestionInput = Pick<QuestionView, 'key' | 'type' | 'title'> & Partial<Omit<QuestionView, 'key' | 'type' | 'title'>>;

/** A limit that was given: neither left out nor null. */
export const isSet = (value: number | null | undefined): value is number => value !== undefined && value !== null;

export type CheckedQuestion = { ok: true; question: QuestionView } | { ok: false; problems: FieldProblem[] };

const TEXT_LIMITS = { short_text: 200, long_text: 5000 } as const;
const CHOICE_TYPES: QuestionType[] = ['single_choice', 'multiple_choice', 'ranking', 'matrix'];

/** Types a condition may test, and how. */
const CONDITION_SUPPORT: Record<DisplayConditionView['operator'], QuestionType[]> = {
  equals: ['single_choice', 'scale', 'number', 'short_text'],
  includes: ['single_choice', 'multiple_choice', 'ranking'],
  in_range: ['scale', 'number'],
};

function uniqueKeys(list: ChoiceView[], field: string, problems: FieldProblem[]): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.key)) problems.push({ field: `${field}[${index}].key`, rule: 'unique', message: `“${item.key}” is used twice` });
    seen.add(item.key);
  });
}

function checkChoices(input: QuestionInput, problems: FieldProblem[]): void {
  const options = input.options ?? [];
  if (options.length < 2) problems.push({ field: 'options', rule: 'min_options', message: 'give at least two options' });
  uniqueKeys(options, 'options', problems);
  if (input.type === 'matrix') {
    const rows = input.rows ?? [];
    if (rows.length === 0) problems.push({ field: 'rows', rule: 'min_rows', message: 'give at least one row' });
    uniqueKeys(rows, 'rows', problems);
  }
  if (input.allowOther && !['single_choice', 'multiple_choice'].includes(input.type)) {
    problems.push({ field: 'allowOther', rule: 'choice_only', message: '“other, please say” is for single and multiple choice' });
  }
  const choosable = options.length + (input.allowOther ? 1 : 0);
  if (input.type === 'multiple_choice') {
    const min = input.minChoices ?? null;
    const max = input.maxChoices ?? null;
    if (min !== null && max !== null && min > max)
      problems.push({ field: 'minChoices', rule: 'min_le_max', message: 'must not exceed maxChoices' });
    if (min !== null && min > choosable) problems.push({ field: 'minChoices', rule: 'max', message: `at most ${choosable}` });
  }
  if (input.type === 'ranking' && isSet(input.rankCount) && input.rankCount > options.length) {
    problems.push({ field: 'rankCount', rule: 'max', message: `at most the ${options.length} options` });
  }
}

function checkCondition(condition: DisplayConditionView, earlier: QuestionView[], problems: FieldProblem[]): void {
  const target = earlier.find((q) => q.key === condition.question && q.type !== 'section');
  if (!target) {
    problems.push({ field: 'condition.question', rule: 'earlier_question', message: 'must name an earlier question' });
    return;
  }
  if (!CONDITION_SUPPORT[condition.operator].includes(target.type)) {
    const fits = CONDITION_SUPPORT[condition.operator].join(', ');
    problems.push({ field: 'condition.operator', rule: 'operator_type', message: `“${condition.operator}” tests ${fits} questions` });
    return;
  }
  if (condition.operator === 'in_range') {
    if (condition.min === undefined && condition.max === undefined)
      problems.push({ field: 'condition.min', rule: 'required', message: 'give min, max or both' });
    else if (condition.min !== undefined && condition.max !== undefined && condition.min > condition.max)
      problems.push({ field: 'condition.min', rule: 'min_le_max', message: 'must not exceed max' });
    return;
  }
  const { value } = condition;
  if (value === undefined) {
    problems.push({ field: 'condition.value', rule: 'required', message: 'give the value to compare with' });
  } else if (target.options && ['single_choice', 'multiple_choice', 'ranking'].includes(target.type)) {
    if (!target.options.some((o) => o.key === value) && !(target.allowOther && value === '_other'))
      problems.push({ field: 'condition.value', rule: 'option', message: `not an option of “${target.key}”` });
  } else if ((target.type === 'number' || target.type === 'scale') && typeof value !== 'number') {
    problems.push({ field: 'condition.value', rule: 'number', message: 'must be a number' });
  }
}

/** The fields a question of this type keeps; the rest of the input is dropped. */
function normalise(input: QuestionInput): QuestionView {
  const base: QuestionView = {
    key: input.key,
    type: input.type,
    title: input.title,
    description: input.description ?? null,
    required: input.type === 'section' ? false : (input.required ?? false),
    condition: input.condition ?? null,
  };
  switch (input.type) {
    case 'single_choice':
      return { ...base, options: input.options, allowOther: input.allowOther ?? false };
    case 'multiple_choice':
      return {
        ...base,
        options: input.options,
        allowOther: input.allowOther ?? false,
        minChoices: input.minChoices ?? null,
        maxChoices: input.maxChoices ?? null,
      };
    case 'short_text':
    case 'long_text':
      return { ...base, minLength: input.minLength ?? null, maxLength: Math.min(input.maxLength ?? Infinity, TEXT_LIMITS[input.type]) };
    case 'number':
      return { ...base, min: input.min ?? null, max: input.max ?? null, integer: input.integer ?? false };
    case 'scale':
      return { ...base, scalePoints: input.scalePoints ?? 5, lowLabel: input.lowLabel ?? null, highLabel: input.highLabel ?? null };
    case 'ranking':
      return { ...base, options: input.options, rankCount: input.rankCount ?? null };
    case 'matrix':
      return { ...base, rows: input.rows, options: input.options };
    case 'section':
      return base;
  }
}

/**
 * Checks one question against the questions before it (conditions may only look back) and
 * returns it as stored. Field shapes are checked by the DTO; this checks what depends on the type.
 */
export function checkQuestion(input: QuestionInput, earlier: QuestionView[]): CheckedQuestion {
  const problems: FieldProblem[] = [];
  if (CHOICE_TYPES.includes(input.type)) checkChoices(input, problems);
  if ((input.type === 'short_text' || input.type === 'long_text') && isSet(input.minLength) && isSet(input.maxLength)) {
    if (input.minLength > input.maxLength) problems.push({ field: 'minLength', rule: 'min_le_max', message: 'must not exceed maxLength' });
  }
  if (input.type === 'number' && isSet(input.min) && isSet(input.max) && input.min > input.max) {
    problems.push({ field: 'min', rule: 'min_le_max', message: 'must not exceed max' });
  }
  if (input.condition) checkCondition(input.condition, earlier, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, question: normalise(input) };
}

/**
 * Checks a whole question list in order (after a reorder or removal a condition may point
 * forward or at nothing); problems name the question by position and key.
 */
export function checkQuestionList(questions: QuestionView[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const keys = new Set<string>();
  questions.forEach((question, index) => {
    if (keys.has(question.key))
      problems.push({ field: `questions[${index}].key`, rule: 'unique', message: `“${question.key}” is used twice` });
    keys.add(question.key);
    const checked = checkQuestion(question, questions.slice(0, index));
    if (!checked.ok)
      problems.push(
        ...checked.problems.map((p) => ({ ...p, field: `questions[${index}].${p.field}`, message: `${question.key}: ${p.message}` })),
      );
  });
  return problems;
}
