import { AdvisoryLock, Problems, type Transaction } from '@polity/platform';
import { SurveyEntity } from '../entities/survey.entity';

/** Responses take the shared lock; changes to questions or settings the exclusive one, so neither slips past the other. */
export const SurveyLock = {
  shared: (tx: Transaction, surveyId: string) => AdvisoryLock.shared(tx, `survey:${surveyId}`),
  exclusive: (tx: Transaction, surveyId: string) => AdvisoryLock.exclusive(tx, `survey:${surveyId}`),
};

/** A survey to change, with no response able to arrive until the change commits. */
export async function surveyForChange(tx: Transaction, surveyId: string): Promise<SurveyEntity> {
  await SurveyLock.exclusive(tx, surveyId);
  const survey = await tx.manager.findOne(SurveyEntity, { where: { id: surveyId }, lock: { mode: 'pessimistic_write' } });
  if (!survey) throw Problems.notFound('That survey');
  return survey;
}

/** Questions are fixed by the first response; what respondents answered must stay what was asked. */
export function assertNotLocked(survey: SurveyEntity): void {
  if (survey.lockedAt !== null) {
    throw Problems.conflict(
      'survey_locked',
      `Responses have arrived, so the questions are locked; start a new version with POST /api/v1/surveys/${survey.id}/versions.`,
    );
  }
}
