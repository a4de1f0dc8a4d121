import type { SurveyView } from '@polity/contracts';
import type { SurveyEntity } from '../entities/survey.entity';
import { surveyPhase } from './survey-access';

export function presentSurvey(survey: SurveyEntity): SurveyView {
  return {
    id: survey.id,
    title: survey.title,
    description: survey.description,
    phase: surveyPhase(survey),
    opensAt: survey.opensAt.toISOString(),
    closesAt: survey.closesAt.toISOString(),
    audience: survey.audience,
    district: survey.district,
    responseMode: survey.responseMode,
    anonymous: survey.anonymous,
    resultsVisibility: survey.resultsVisibility,
    showTextAnswers: survey.showTextAnswers,
    version: survey.version,
    previousVersionId: survey.previousVersionId,
    locked: survey.lockedAt !== null,
    questions: survey.questions,
    createdAt: survey.createdAt.toISOString(),
    updatedAt: survey.updatedAt.toISOString(),
  };
}
