import type { SurveyPhase } from '@polity/contracts';
import { hasRole, type Principal, Problems } from '@polity/platform';
import type { SurveyEntity } from '../entities/survey.entity';

/** Officials (and admins) build surveys, see every result and export the responses. */
export const managesSurveys = (principal: Principal | undefined): boolean => hasRole(principal, 'official', 'admin');

export function surveyPhase(survey: SurveyEntity, now = new Date()): SurveyPhase {
  if (survey.publishedAt === null) return 'draft';
  if (now < survey.opensAt) return 'upcoming';
  return now < survey.closesAt ? 'open' : 'closed';
}

/**
 * Drafts are for officials; surveys for everyone are public; any other audience is seen by
 * signed-in people (who may still not be allowed to answer). Others get a 404, not a hint.
 */
export function assertVisible(survey: SurveyEntity | null, principal: Principal | undefined): asserts survey is SurveyEntity {
  if (!survey) throw Problems.notFound('That survey');
  if (managesSurveys(principal)) return;
  if (survey.publishedAt === null || (survey.audience !== 'everyone' && principal === undefined)) throw Problems.notFound('That survey');
}

/** Whether anyone who can see the survey may see its results now. */
export function resultsArePublic(survey: SurveyEntity, now = new Date()): boolean {
  const phase = surveyPhase(survey, now);
  if (survey.resultsVisibility === 'live') return phase === 'open' || phase === 'closed';
  return survey.resultsVisibility === 'after_close' && phase === 'closed';
}

/** Who may answer: the audience, checked against the person's verification and residence. */
export function assertMayRespond(survey: SurveyEntity, respondent: { verifiedAt: Date | null; residentDistrict: string | null }): void {
  if (survey.audience === 'verified' && respondent.verifiedAt === null) {
    throw Problems.forbidden('verification_required', 'This survey is for verified residents; verify at /api/v1/me/verification.');
  }
  if (survey.audience === 'district' && (respondent.verifiedAt === null || respondent.residentDistrict !== survey.district)) {
    throw Problems.forbidden('wrong_district', `This survey is for verified residents of ${survey.district}.`);
  }
}
