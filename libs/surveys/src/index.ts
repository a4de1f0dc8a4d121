export * from './surveys.module';
export * from './surveys/surveys.service';
export * from './results/survey-results';
export * from './anonymity/anonymous-responses';
export { SURVEYS_MIGRATIONS } from './migrations';
export { CreateSurveyDto } from './surveys/surveys.dto';
export { ResponsesService } from './responses/responses.service';
