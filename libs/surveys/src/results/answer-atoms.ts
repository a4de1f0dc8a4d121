import type { QuestionType, QuestionView } from '@polity/contracts';
import { type ChoiceAnswer, OTHER, type StoredAnswers } from '../responses/check-answers';

/**
 * A response flattened to the facts results count, stored beside it as a text array so one
 * `GROUP BY` over `unnest(atoms)` counts every question at once, and a filter "answered q3 = yes"
 * is `atoms @> '{q3=yes}'`. Keys are `[a-z0-9_]`, so the separators cannot clash:
 *
 * - `q`           answered q (every type)
 * - `q=a`         chose option a (choice questions; `_other` for "other"), or the value (number, scale)
 * - `q#2=a`       ranked a second
 * - `q.r`, `q.r=c` answered matrix row r, with column c
 */
export function answerAtoms(questions: QuestionView[], answers: StoredAnswers): string[] {
  const atoms: string[] = [];
  for (const question of questions) {
    const answer = answers[question.key];
    if (answer === undefined) continue;
    const key = question.key;
    atoms.push(key);
    switch (question.type) {
      case 'single_choice':
      case 'multiple_choice': {
        const chosen = answer as ChoiceAnswer;
        for (const choice of chosen.choices) atoms.push(`${key}=${choice}`);
        if (chosen.other !== undefined) atoms.push(`${key}=${OTHER}`);
        break;
      }
      case 'number':
      case 'scale':
        atoms.push(`${key}=${answer as number}`);
        break;
      case 'ranking':
        (answer as string[]).forEach((option, index) => atoms.push(`${key}#${index + 1}=${option}`));
        break;
      case 'matrix':
        for (const [row, column] of Object.entries(answer as Record<string, string>))
          atoms.push(`${key}.${row}`, `${key}.${row}=${column}`);
        break;
      case 'short_text':
      case 'long_text':
      case 'section':
        break;
    }
  }
  return atoms;
}

/** Questions results can be filtered on: the answer is one option or one number. */
export const FILTERABLE_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice', 'scale', 'number'];

/** The atom a results filter "question = answer" looks for, or null when it is not an answer to the question. */
export function filterAtom(question: QuestionView, answer: string): string | null {
  if (!FILTERABLE_TYPES.includes(question.type)) return null;
  if (question.type === 'scale' || question.type === 'number') {
    return answer.trim() !== '' && Number.isFinite(Number(answer)) ? `${question.key}=${Number(answer)}` : null;
  }
  return question.options?.some((o) => o.key === answer) || (question.allowOther && answer === OTHER) ? `${question.key}=${answer}` : null;
}
