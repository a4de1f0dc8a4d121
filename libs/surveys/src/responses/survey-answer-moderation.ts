import { Injectable } from '@nestjs/common';
import type { ContentState } from '@polity/contracts';
import { type ModeratableContent, ModeratableKind, type ModeratedText, type Transaction, updateStates } from '@polity/platform';
import { type EntityManager, In } from 'typeorm';
import { SurveyTextAnswerEntity } from '../entities/survey-text-answer.entity';
import { SURVEY_ANSWER_KIND } from './text-answers';

/** Free-text survey answers as moderation sees them, before they are shown with the results. */
@ModeratableKind(SURVEY_ANSWER_KIND)
@Injectable()
export class SurveyAnswerModeration implements ModeratableContent {
  async load(manager: EntityManager, ids: string[]): Promise<ModeratedText[]> {
    if (ids.length === 0) return [];
    const rows = await manager.findBy(SurveyTextAnswerEntity, { id: In(ids) });
    return rows.map((row) => ({ id: row.id, authorId: row.authorId, text: row.body, state: row.moderationState, deleted: false }));
  }

  async setState(tx: Transaction, ids: readonly string[], state: ContentState): Promise<void> {
    for (const answer of await updateStates<{ id: string; survey_id: string }>(tx, SurveyTextAnswerEntity, ids, state, 'survey_id'))
      tx.publish('survey.text_answer_moderated', { surveyId: answer.survey_id, answerId: answer.id, state });
  }
}
