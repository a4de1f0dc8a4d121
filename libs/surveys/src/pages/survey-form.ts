import type { QuestionView } from '@polity/contracts';
import type { FieldProblem } from '@polity/platform';
import { formText, type Translator } from '@polity/web';
import { OTHER } from '../responses/check-answers';

/** One page of a survey: a section (or the questions before the first) and its questions. */
export interface SurveyPageOfQuestions {
  section: QuestionView | null;
  questions: QuestionView[];
}

/** The survey split at its sections: each section starts a page. */
export function surveyPages(questions: readonly QuestionView[]): SurveyPageOfQuestions[] {
  const pages: SurveyPageOfQuestions[] = [];
  for (const question of questions) {
    if (question.type === 'section') pages.push({ section: question, questions: [] });
    else if (pages.length === 0) pages.push({ section: null, questions: [question] });
    else pages[pages.length - 1].questions.push(question);
  }
  return pages.filter((page) => page.questions.length > 0);
}

/** The form's field for a question (and its parts: `q.<key>.other`, `q.<key>.<row or option>`). */
export const fieldName = (question: QuestionView, part?: string): string => (part ? `q.${question.key}.${part}` : `q.${question.key}`);

const values = (form: Record<string, unknown>, name: string): string[] =>
  (Array.isArray(form[name]) ? (form[name] as unknown[]) : [form[name]]).filter((value): value is string => typeof value === 'string');

/**
 * Reads one page's answers into the api's shapes (`{choice, other}`, rankings in order, `{row: column}`),
 * with what is wrong before the survey's rules are even asked (two options with one rank).
 */
export function readPageAnswers(
  form: Record<string, unknown>,
  questions: readonly QuestionView[],
): { answers: Record<string, unknown>; problems: FieldProblem[] } {
  const answers: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const question of questions) {
    const name = fieldName(question);
    const other = formText(form[fieldName(question, 'other')], 600).trim();
    switch (question.type) {
      case 'single_choice': {
        const picked = formText(form[name], 60);
        if (picked === OTHER) answers[question.key] = { other };
        else if (picked) answers[question.key] = { choice: picked };
        break;
      }
      case 'multiple_choice': {
        const picked = values(form, name);
        if (picked.length === 0) break;
        const choices = picked.filter((key) => key !== OTHER);
        answers[question.key] = picked.includes(OTHER) ? { choices, other } : { choices };
        break;
      }
      case 'short_text':
      case 'long_text': {
        const text = formText(form[name], 6000);
        if (text.trim()) answers[question.key] = text;
        break;
      }
      case 'number':
      case 'scale': {
        const typed = formText(form[name], 40).trim().replace(',', '.');
        if (typed) answers[question.key] = /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : typed;
        break;
      }
      case 'ranking': {
        const ranked = (question.options ?? [])
          .map((option) => [option.key, Number(formText(form[fieldName(question, option.key)], 4))] as const)
          .filter(([, rank]) => Number.isInteger(rank) && rank > 0);
        if (ranked.length === 0) break;
        if (new Set(ranked.map(([, rank]) => rank)).size !== ranked.length)
          problems.push({ field: `answers.${question.key}`, rule: 'rank_twice', message: '' });
        answers[question.key] = [...ranked].sort((a, b) => a[1] - b[1]).map(([key]) => key);
        break;
      }
      case 'matrix': {
        const chosen = Object.fromEntries(
          (question.rows ?? [])
            .map((row) => [row.key, formText(form[fieldName(question, row.key)], 60)] as const)
            .filter(([, column]) => column),
        );
        if (Object.keys(chosen).length > 0) answers[question.key] = chosen;
        break;
      }
      case 'section':
        break;
    }
  }
  return { answers, problems };
}

/** The survey's refusal of an answer in the reader's words, per question key. */
export function answerErrors(problems: readonly FieldProblem[], questions: readonly QuestionView[], t: Translator): Map<string, string> {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const errors = new Map<string, string>();
  for (const problem of problems) {
    const key = problem.field.replace(/^answers\./, '');
    const question = byKey.get(key);
    if (!question || errors.has(key)) continue;
    errors.set(key, messageFor(problem.rule, question, t));
  }
  return errors;
}

function messageFor(rule: string, question: QuestionView, t: Translator): string {
  switch (rule) {
    case 'required':
    case 'single':
    case 'other':
    case 'integer':
    case 'rank_twice':
    case 'all_rows':
      return t.t(`surveys.error.${rule}`);
    case 'type':
      return t.t(question.type === 'number' || question.type === 'scale' ? 'surveys.error.number' : 'surveys.error.type');
    case 'min':
      return t.t('surveys.error.min', { min: question.type === 'scale' ? 1 : (question.min ?? 0) });
    case 'max':
      return t.t('surveys.error.max', { max: question.type === 'scale' ? (question.scalePoints ?? 5) : (question.max ?? 0) });
    case 'min_length':
      return t.t('surveys.error.min_length', { count: question.minLength ?? 0 });
    case 'max_length':
      return t.t('surveys.error.max_length', { count: question.maxLength ?? 500 });
    case 'min_choices':
      return t.t('surveys.error.min_choices', { count: question.minChoices ?? 1 });
    case 'max_choices':
      return t.t('surveys.error.max_choices', { count: question.maxChoices ?? 1 });
    case 'rank_count':
      return t.t('surveys.error.rank_count', { count: question.rankCount ?? question.options?.length ?? 0 });
    default:
      return t.t('surveys.error.other_problem');
  }
}

/** Answers as stored (a single choice as `{choices: [key]}`) turned back into what the form sends, to be changed. */
export function editableAnswers(questions: readonly QuestionView[], stored: Record<string, unknown> | null): Record<string, unknown> {
  if (!stored) return {};
  const types = new Map(questions.map((question) => [question.key, question.type]));
  return Object.fromEntries(
    Object.entries(stored).map(([key, answer]) => {
      if (types.get(key) !== 'single_choice' || typeof answer !== 'object' || answer === null || Array.isArray(answer))
        return [key, answer];
      const { choices, other } = answer as { choices?: string[]; other?: string };
      return [key, other !== undefined ? { other } : { choice: choices?.[0] }];
    }),
  );
}
