import type { DisplayConditionView, QuestionView } from '@polity/contracts';
import { cleanText, type FieldProblem } from '@polity/platform';
import { isSet } from '../questions/question-definition';
import { countOf } from '@polity/contracts';

/** A choice answer as stored: the option keys chosen, and the "other" text when that was chosen. */
export interface ChoiceAnswer {
  choices: string[];
  other?: string;
}

/** One stored answer, by question type. */
export type StoredAnswer = string | number | string[] | ChoiceAnswer | Record<string, string>;
export type StoredAnswers = Record<string, StoredAnswer>;

export type CheckedAnswers = { ok: true; answers: StoredAnswers } | { ok: false; problems: FieldProblem[] };

/** How "other, please say" is named where an option key is expected (conditions, results, filters). */
export const OTHER = '_other';

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/** A condition holds only when the question it looks at was shown and answered so. */
export function conditionHolds(condition: DisplayConditionView, answers: StoredAnswers): boolean {
  const answer = answers[condition.question];
  if (answer === undefined) return false;
  const chosen = typeof answer === 'object' && !Array.isArray(answer) && Array.isArray(answer.choices) ? (answer as ChoiceAnswer) : null;
  if (chosen && condition.value === OTHER)
    return chosen.other !== undefined && (condition.operator !== 'equals' || chosen.choices.length === 0);
  switch (condition.operator) {
    case 'equals':
      if (chosen) return chosen.choices.length === 1 && chosen.choices[0] === condition.value;
      return answer === condition.value;
    case 'includes':
      if (chosen) return chosen.choices.includes(String(condition.value));
      return Array.isArray(answer) && answer.includes(String(condition.value));
    case 'in_range':
      return typeof answer === 'number' && answer >= (condition.min ?? -Infinity) && answer <= (condition.max ?? Infinity);
  }
}

type Check = { value: StoredAnswer } | { problem: string; rule: string };
const fail = (rule: string, problem: string): Check => ({ rule, problem });

function checkChoice(question: QuestionView, raw: unknown): Check {
  const multiple = question.type === 'multiple_choice';
  let picked: unknown = null;
  let other: unknown = undefined;
  if (typeof raw === 'string' && !multiple) picked = [raw];
  else if (Array.isArray(raw) && multiple) picked = raw;
  else if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const shaped = raw as { choice?: unknown; choices?: unknown; other?: unknown };
    picked = multiple ? (shaped.choices ?? []) : shaped.choice === undefined ? [] : [shaped.choice];
    other = shaped.other;
  } else {
    return fail('type', multiple ? 'give a list of option keys' : 'give one option key');
  }
  if (!Array.isArray(picked) || picked.some((key) => typeof key !== 'string')) return fail('type', 'options are given by their keys');
  const keys = question.options ?? [];
  const unknown = (picked as string[]).find((key) => !keys.some((o) => o.key === key));
  if (unknown !== undefined) return fail('option', `“${unknown}” is not an option`);
  if (new Set(picked).size !== picked.length) return fail('unique', 'an option is chosen twice');
  const choices = keys.filter((o) => picked.includes(o.key)).map((o) => o.key);
  const answer: ChoiceAnswer = { choices };
  if (other !== undefined) {
    if (!question.allowOther) return fail('other', 'this question has no “other” option');
    const said = typeof other === 'string' ? cleanText(other).trim() : '';
    if (said.length === 0) return fail('other', 'say what “other” is');
    if (said.length > 500) return fail('max_length', '“other” is at most 500 characters');
    answer.other = said;
  }
  const count = choices.length + (answer.other === undefined ? 0 : 1);
  if (!multiple && count !== 1) return fail('single', 'choose exactly one');
  if (multiple && isSet(question.minChoices) && count < question.minChoices)
    return fail('min_choices', `choose at least ${question.minChoices}`);
  if (multiple && isSet(question.maxChoices) && count > question.maxChoices)
    return fail('max_choices', `choose at most ${question.maxChoices}`);
  return { value: answer };
}

function checkText(question: QuestionView, raw: unknown): Check {
  if (typeof raw !== 'string') return fail('type', 'must be text');
  const text = cleanText(raw).trim();
  if (isSet(question.minLength) && text.length < question.minLength)
    return fail('min_length', `at least ${countOf(question.minLength, 'character')}`);
  if (isSet(question.maxLength) && text.length > question.maxLength)
    return fail('max_length', `at most ${countOf(question.maxLength, 'character')}`);
  return { value: text };
}

function checkNumber(question: QuestionView, raw: unknown): Check {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail('type', 'must be a number');
  const integer = question.type === 'scale' || question.integer;
  if (integer && !Number.isInteger(raw)) return fail('integer', 'must be a whole number');
  const min = question.type === 'scale' ? 1 : question.min;
  const max = question.type === 'scale' ? question.scalePoints : question.max;
  if (isSet(min) && raw < min) return fail('min', `at least ${min}`);
  if (isSet(max) && raw > max) return fail('max', `at most ${max}`);
  return { value: raw };
}

function checkRanking(question: QuestionView, raw: unknown): Check {
  if (!Array.isArray(raw) || raw.some((key) => typeof key !== 'string')) return fail('type', 'give option keys, most preferred first');
  const keys = new Set((question.options ?? []).map((o) => o.key));
  const unknown = (raw as string[]).find((key) => !keys.has(key));
  if (unknown !== undefined) return fail('option', `“${unknown}” is not an option`);
  if (new Set(raw).size !== raw.length) return fail('unique', 'an option is ranked twice');
  const wanted = question.rankCount ?? keys.size;
  if (raw.length !== wanted) return fail('rank_count', question.rankCount ? `rank your top ${wanted}` : `rank all ${wanted} options`);
  return { value: raw as string[] };
}

function checkMatrix(question: QuestionView, raw: unknown): Check {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('type', 'give {row: column} pairs');
  const rows = question.rows ?? [];
  const columns = new Set((question.options ?? []).map((o) => o.key));
  const answer: Record<string, string> = {};
  for (const [row, column] of Object.entries(raw)) {
    if (!rows.some((r) => r.key === row)) return fail('row', `“${row}” is not a row`);
    if (typeof column !== 'string' || !columns.has(column)) return fail('option', `“${String(column)}” is not a column of row “${row}”`);
  }
  for (const row of rows) if (row.key in raw) answer[row.key] = (raw as Record<string, string>)[row.key];
  if (question.required && Object.keys(answer).length !== rows.length) return fail('all_rows', 'answer every row');
  return { value: answer };
}

function checkOne(question: QuestionView, raw: unknown): Check {
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return checkChoice(question, raw);
    case 'short_text':
    case 'long_text':
      return checkText(question, raw);
    case 'number':
    case 'scale':
      return checkNumber(question, raw);
    case 'ranking':
      return checkRanking(question, raw);
    case 'matrix':
      return checkMatrix(question, raw);
    case 'section':
      return fail('not_a_question', 'a section takes no answer');
  }
}

/**
 * Walks the questions in order, deciding which are shown from the answers given so far: a hidden
 * section hides everything up to the next section, and a condition on a hidden question is false,
 * so nesting follows. Shown questions are checked; answers to hidden ones are dropped, never stored.
 */
export function checkAnswers(questions: QuestionView[], given: Record<string, unknown>): CheckedAnswers {
  const problems: FieldProblem[] = [];
  const answers: StoredAnswers = {};
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(given)) {
    if (!known.has(key))
      problems.push({ field: `answers.${key}`, rule: 'unknown_question', message: `the survey has no question “${key}”` });
  }
  let sectionShown = true;
  for (const question of questions) {
    const shown = question.condition === null || conditionHolds(question.condition, answers);
    if (question.type === 'section') {
      sectionShown = shown;
      continue;
    }
    if (!sectionShown || !shown) continue;
    const raw = given[question.key];
    const field = `answers.${question.key}`;
    if (isEmpty(raw)) {
      if (question.required) problems.push({ field, rule: 'required', message: `“${question.title}” needs an answer` });
      continue;
    }
    const checked = checkOne(question, raw);
    if ('problem' in checked) problems.push({ field, rule: checked.rule, message: `“${question.title}”: ${checked.problem}` });
    else if (!isEmpty(checked.value)) answers[question.key] = checked.value;
    else if (question.required) problems.push({ field, rule: 'required', message: `“${question.title}” needs an answer` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/**
 * The questions (and sections) shown for the answers given so far: the same walk as checkAnswers,
 * so a page-by-page form asks exactly what the check will want. Answers that do not pass their
 * question's check count as not given.
 */
export function shownQuestions(questions: QuestionView[], given: Record<string, unknown>): Set<string> {
  const answers: StoredAnswers = {};
  const shown = new Set<string>();
  let sectionShown = true;
  for (const question of questions) {
    const holds = question.condition === null || conditionHolds(question.condition, answers);
    if (question.type === 'section') {
      sectionShown = holds;
      if (holds) shown.add(question.key);
      continue;
    }
    if (!sectionShown || !holds) continue;
    shown.add(question.key);
    const raw = given[question.key];
    if (isEmpty(raw)) continue;
    const checked = checkOne(question, raw);
    if (!('problem' in checked) && !isEmpty(checked.value)) answers[question.key] = checked.value;
  }
  return shown;
}
