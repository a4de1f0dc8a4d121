import { CreateSurveys1795400000750 } from './1795400000750-create-surveys.migration';
import { ReleaseAnonymousResponsesInGroups1795400000860 } from './1795400000860-release-anonymous-responses-in-groups.migration';
import { ExactSurveyCursorTimes1795400000880 } from './1795400000880-exact-survey-cursor-times.migration';

export const SURVEYS_MIGRATIONS = [
  CreateSurveys1795400000750,
  ReleaseAnonymousResponsesInGroups1795400000860,
  ExactSurveyCursorTimes1795400000880,
];
