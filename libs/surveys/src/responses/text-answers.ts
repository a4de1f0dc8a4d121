import { Injectable } from '@nestjs/common';
import type { ContentState } from '@polity/contracts';
import { ContentGate } from '@polity/moderation';
import { ProblemException, type Transaction } from '@polity/platform';
import type { SurveyEntity } from '../entities/survey.entity';
import type { SurveyResponseEntity } from '../entities/survey-response.entity';
import { SurveyTextAnswerEntity } from '../entities/survey-text-answer.entity';
import type { ChoiceAnswer } from './check-answers';

export const SURVEY_ANSWER_KIND = 'survey-answers';

type Part = Pick<SurveyTextAnswerEntity, 'questionKey' | 'part' | 'body'>;

function textParts(survey: SurveyEntity, response: SurveyResponseEntity): Part[] {
  const parts: Part[] = [];
  for (const question of survey.questions) {
    const answer = response.answers[question.key];
    if (answer === undefined) continue;
    if (question.type === 'short_text' || question.type === 'long_text')
      parts.push({ questionKey: question.key, part: 'text', body: answer as string });
    const other = (answer as ChoiceAnswer).other;
    if (question.allowOther && other !== undefined) parts.push({ questionKey: question.key, part: 'other', body: other });
  }
  return parts;
}

/**
 * Keeps the moderated copies of a response's free text in step with it, for surveys that show
 * text with their results: new or changed text is admitted and screened like any contribution;
 * unchanged text keeps its verdict.
 */
@Injectable()
export class TextAnswers {
  constructor(private readonly gate: ContentGate) {}

  async sync(tx: Transaction, survey: SurveyEntity, response: SurveyResponseEntity, authorId: string): Promise<void> {
    const existing = await tx.manager.findBy(SurveyTextAnswerEntity, { responseId: response.id });
    const wanted = textParts(survey, response);
    const slot = (p: Part) => `${p.questionKey}/${p.part}`;
    const gone = existing.filter((row) => !wanted.some((w) => slot(w) === slot(row)));
    if (gone.length > 0)
      await tx.manager.delete(
        SurveyTextAnswerEntity,
        gone.map((row) => row.id),
      );
    for (const part of wanted) {
      const row = existing.find((e) => slot(e) === slot(part));
      if (row?.body === part.body) continue;
      const state = await this.admit(tx, survey, authorId);
      const saved = await tx.manager.save(
        Object.assign(row ?? new SurveyTextAnswerEntity(), {
          ...part,
          surveyId: survey.id,
          responseId: response.id,
          authorId,
          moderationState: state,
        }),
      );
      if (state !== 'hidden') tx.publish('content.submitted', { kind: SURVEY_ANSWER_KIND, contentId: saved.id, authorId });
    }
  }

  /** A blocked author may still answer the survey; their text is simply never shown. */
  private async admit(tx: Transaction, survey: SurveyEntity, authorId: string): Promise<ContentState> {
    try {
      return await this.gate.admit(tx, authorId, [`surveys:${survey.id}`, 'surveys']);
    } catch (error) {
      if (error instanceof ProblemException && error.problem.code === 'author_blocked') return 'hidden';
      throw error;
    }
  }
}
