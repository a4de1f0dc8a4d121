import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { BudgetsJobsModule } from '@polity/budgets';
import { SurveysJobsModule } from '@polity/surveys';
import { CodesignJobsModule } from '@polity/codesign';
import { NotificationsJobsModule } from '@polity/notifications';
import { CouncilJobsModule } from '@polity/council';
import { OpenDataJobsModule } from '@polity/open-data';
import { CommentsJobsModule } from '@polity/comments';
import { IdentityJobsModule } from '@polity/identity';
import {
  DecisionSubjectKind,
  DiscussionOf,
  HealthModule,
  KindCatalogueCheck,
  ModeratableKind,
  PlatformModule,
  PolityConfig,
  ProblemDetailsFilter,
} from '@polity/platform';
import { ModerationJobsModule } from '@polity/moderation';
import { ProposalsJobsModule } from '@polity/proposals';
import { WorkerHostModule } from '@polity/queue';
import { POLITY_SCHEMA } from '@polity/schema';

/** The worker process: every job handler, the outbox relay, and health routes. */
@Module({})
export class WorkerModule {
  static forRoot(config: PolityConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, POLITY_SCHEMA),
        HealthModule,
        WorkerHostModule,
        IdentityJobsModule,
        ProposalsJobsModule,
        BudgetsJobsModule,
        SurveysJobsModule,
        CodesignJobsModule,
        NotificationsJobsModule,
        CouncilJobsModule,
        OpenDataJobsModule,
        ModerationJobsModule,
        CommentsJobsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        KindCatalogueCheck({ discussion: DiscussionOf, moderation: ModeratableKind, decisions: DecisionSubjectKind }),
      ],
    };
  }
}
