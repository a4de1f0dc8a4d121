import { Injectable } from '@nestjs/common';
import type { QuestionView, SurveyView } from '@polity/contracts';
import { type FieldProblem, type Principal, Problems, UnitOfWork } from '@polity/platform';
import type { SurveyEntity } from '../entities/survey.entity';
import { checkQuestion, checkQuestionList, type QuestionInput } from '../questions/question-definition';
import { presentSurvey } from './survey-presenter';
import { assertNotLocked, surveyForChange } from './survey-lock';
import { SurveysService } from './surveys.service';

/** Adding, changing, removing and reordering questions, until the first response locks them. */
@Injectable()
export class SurveyQuestionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly surveys: SurveysService,
  ) {}

  add(principal: Principal, surveyId: string, input: QuestionInput & { position?: number }): Promise<SurveyView> {
    return this.change(principal, surveyId, 'survey.question_added', (questions) => {
      if (questions.some((q) => q.key === input.key)) {
        throw Problems.conflict('question_exists', `The survey already has a question “${input.key}”.`);
      }
      const position = Math.min(input.position ?? questions.length, questions.length);
      const { position: _position, ...definition } = input;
      const checked = checkQuestion(definition, questions.slice(0, position));
      if (!checked.ok) throw invalid(checked.problems);
      return [...questions.slice(0, position), checked.question, ...questions.slice(position)];
    });
  }

  replace(principal: Principal, surveyId: string, key: string, input: QuestionInput): Promise<SurveyView> {
    return this.change(principal, surveyId, 'survey.question_changed', (questions) => {
      const index = indexOf(questions, key);
      if (input.key !== key && questions.some((q) => q.key === input.key)) {
        throw Problems.conflict('question_exists', `The survey already has a question “${input.key}”.`);
      }
      const checked = checkQuestion(input, questions.slice(0, index));
      if (!checked.ok) throw invalid(checked.problems);
      return questions.map((q, i) => (i === index ? checked.question : q));
    });
  }

  remove(principal: Principal, surveyId: string, key: string): Promise<SurveyView> {
    return this.change(principal, surveyId, 'survey.question_removed', (questions) => {
      const index = indexOf(questions, key);
      return questions.filter((_, i) => i !== index);
    });
  }

  /** `keys` must name every question once; conditions must still look only backwards. */
  reorder(principal: Principal, surveyId: string, keys: string[]): Promise<SurveyView> {
    return this.change(principal, surveyId, 'survey.questions_reordered', (questions) => {
      const byKey = new Map(questions.map((q) => [q.key, q]));
      if (keys.length !== questions.length || new Set(keys).size !== keys.length || keys.some((k) => !byKey.has(k))) {
        throw invalid([
          { field: 'keys', rule: 'every_question_once', message: `name each of the ${questions.length} questions exactly once` },
        ]);
      }
      return keys.map((k) => byKey.get(k) as QuestionView);
    });
  }

  private change(
    principal: Principal,
    surveyId: string,
    action: string,
    edit: (questions: QuestionView[]) => QuestionView[],
  ): Promise<SurveyView> {
    return this.unitOfWork.run(async (tx) => {
      const survey: SurveyEntity = await surveyForChange(tx, surveyId);
      assertNotLocked(survey);
      const before = presentSurvey(survey);
      const questions = edit(survey.questions);
      // A removal or a move may leave a condition pointing forward or at nothing.
      const problems = checkQuestionList(questions);
      if (problems.length > 0) throw invalid(problems);
      survey.questions = questions;
      return this.surveys.saveChange(tx, principal, survey, action, before);
    });
  }
}

function indexOf(questions: QuestionView[], key: string): number {
  const index = questions.findIndex((q) => q.key === key);
  if (index === -1) throw Problems.notFound(`Question “${key}”`);
  return index;
}

const invalid = (problems: FieldProblem[]) => Problems.unprocessable('question_invalid', problems[0].message, problems);
