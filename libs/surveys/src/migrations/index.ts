import { CreateSurveys1795400000750 } from './1795400000750-create-surveys.migration';

export const SURVEYS_MIGRATIONS = [CreateSurveys1795400000750];
