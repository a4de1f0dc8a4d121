import { SurveysConsoleController } from './console/surveys-console.controller';
import { SurveyQuestionsConsoleController } from './console/survey-questions-console.controller';
import { SurveyExportsConsoleController } from './console/survey-exports-console.controller';
import { SurveysConsoleEntry } from './console/surveys-console.entry';
import { Module } from '@nestjs/common';
import { FollowsModule } from '@polity/follows';
import { WebModule } from '@polity/web';
import { SurveyAnswerPagesController } from './pages/survey-answer-pages.controller';
import { SurveyPagesController } from './pages/survey-pages.controller';
import { SurveyReaders } from './pages/survey-readers';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DistrictsModule } from '@polity/districts';
import { IdentityModule } from '@polity/identity';
import { ModerationModule } from '@polity/moderation';
import { QueueModule } from '@polity/queue';
import { BroadcastModule } from '@polity/realtime';
import { AnonymousResponses } from './anonymity/anonymous-responses';
import { ReleaseResponsesHandler } from './anonymity/release-responses.handler';
import { ResponseSeal } from './anonymity/response-seal';
import { SurveyEntity } from './entities/survey.entity';
import { SurveyPendingResponseEntity } from './entities/survey-pending-response.entity';
import { SurveyResultViewEntity } from './entities/survey-result-view.entity';
import { SurveyExportEntity } from './entities/survey-export.entity';
import { SurveyParticipationEntity } from './entities/survey-participation.entity';
import { SurveyResponseEntity } from './entities/survey-response.entity';
import { SurveyTextAnswerEntity } from './entities/survey-text-answer.entity';
import { ExportFiles } from './export/export-files';
import { ExportResponsesHandler } from './export/export-responses.handler';
import { ExportsController } from './export/exports.controller';
import { SurveyExportsService } from './export/survey-exports.service';
import { SurveyDiscussion, SurveyRoomPolicy } from './live/survey-rooms';
import { SurveysLiveListener } from './live/surveys-live.listener';
import { SyncResultsHandler } from './live/sync-results.handler';
import { ResponsesController } from './responses/responses.controller';
import { ResponsesService } from './responses/responses.service';
import { SurveyAnswerModeration } from './responses/survey-answer-moderation';
import { TextAnswers } from './responses/text-answers';
import { ResultsController } from './results/results.controller';
import { SurveyResults } from './results/survey-results';
import { SurveysOpenData } from './results/surveys-open-data';
import { SurveyQuestionsController } from './surveys/survey-questions.controller';
import { SurveyQuestionsService } from './surveys/survey-questions.service';
import { SurveysController } from './surveys/surveys.controller';
import { SurveysService } from './surveys/surveys.service';
import { SurveysPersonalData } from './surveys-personal-data';
import { SurveysHomeSection } from './pages/surveys-home.section';

export const SURVEYS_ENTITIES = [
  SurveyEntity,
  SurveyResponseEntity,
  SurveyPendingResponseEntity,
  SurveyResultViewEntity,
  SurveyParticipationEntity,
  SurveyTextAnswerEntity,
  SurveyExportEntity,
];

const SERVICES = [
  AnonymousResponses,
  ResponseSeal,
  SurveysService,
  SurveyQuestionsService,
  ResponsesService,
  TextAnswers,
  SurveyResults,
  SurveyExportsService,
  ExportFiles,
];

/** Surveys, responses, results and exports; services only. */
@Module({
  imports: [TypeOrmModule.forFeature(SURVEYS_ENTITIES), IdentityModule, DistrictsModule, ModerationModule],
  // Moderation's verdicts on survey text are applied by whichever process decides them.
  providers: [...SERVICES, SurveysPersonalData, SurveyAnswerModeration, SurveyDiscussion, SurveysOpenData],
  exports: SERVICES,
})
export class SurveysModule {}

/** Live pushes of committed survey changes, in whichever process committed them (both apps import it). */
@Module({
  imports: [SurveysModule, BroadcastModule],
  providers: [SurveysLiveListener],
})
export class SurveysLiveModule {}

/** Routes and rooms; the api's part. */
@Module({
  imports: [SurveysModule, SurveysLiveModule, BroadcastModule],
  controllers: [SurveysController, SurveyQuestionsController, ResponsesController, ResultsController, ExportsController],
  providers: [SurveyRoomPolicy],
})
export class SurveysHttpModule {}

/** The worker's part: coalesced live results and large exports. */
@Module({
  imports: [SurveysModule, SurveysLiveModule, BroadcastModule, QueueModule],
  providers: [SyncResultsHandler, ExportResponsesHandler, ReleaseResponsesHandler],
})
export class SurveysJobsModule {}

/** Its part of the web site: the surveys' pages, and the open surveys on the home page. */
@Module({
  imports: [SurveysModule, IdentityModule, FollowsModule, WebModule],
  controllers: [
    SurveyAnswerPagesController,
    SurveyPagesController,
    SurveysConsoleController,
    SurveyQuestionsConsoleController,
    SurveyExportsConsoleController,
  ],
  providers: [SurveysHomeSection, SurveyReaders, SurveysConsoleEntry],
})
export class SurveysPagesModule {}
