import { CreateSurveys1795400000750 } from './1795400000750-create-surveys.migration';
import { ReleaseAnonymousResponsesInGroups1795400000860 } from './1795400000860-release-anonymous-responses-in-groups.migration';

export const SURVEYS_MIGRATIONS = [CreateSurveys1795400000750, ReleaseAnonymousResponsesInGroups1795400000860];
