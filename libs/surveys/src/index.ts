export * from './surveys.module';
export * from './surveys/surveys.service';
export * from './results/survey-results';
export { SURVEYS_MIGRATIONS } from './migrations';
