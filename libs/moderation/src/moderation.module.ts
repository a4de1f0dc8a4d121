import { ModerationOpenData } from './transparency/moderation-open-data';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@polity/identity';
import { BroadcastModule } from '@polity/realtime';
import { WebModule } from '@polity/web';
import { AppealsController } from './appeals/appeals.controller';
import { AppealsService } from './appeals/appeals.service';
import { BlocksController } from './appeals/blocks.controller';
import { BlocksService } from './appeals/blocks.service';
import { ContentGate } from './content-gate';
import { MODERATION_ENTITIES } from './entities';
import { ModerationLiveListener } from './moderation-live.listener';
import { ModerationPersonalData } from './moderation-personal-data';
import { DecisionViews } from './queue/decision-views';
import { ModerationClaimsService } from './queue/moderation-claims.service';
import { ModerationDecisionsService } from './queue/moderation-decisions.service';
import { ModerationItemPresenter } from './queue/moderation-item.presenter';
import { ModerationQueueController } from './queue/moderation-queue.controller';
import { ModerationQueueQuery } from './queue/moderation-queue.query';
import { ReportPagesController } from './pages/report-pages.controller';
import { ModerationLogController } from './pages/moderation-log.controller';
import { ModerationConsoleController } from './console/moderation-console.controller';
import { ModerationUpkeepController } from './console/moderation-upkeep.controller';
import { ModerationConsoleEntry } from './console/moderation-console.entry';
import { WaitingAppeals } from './console/waiting-appeals';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { ScreenContentHandler } from './screening/screen-content.handler';
import { ScreeningService } from './screening/screening.service';
import { ModerationSettingsController } from './settings/moderation-settings.controller';
import { ModerationSettingsService } from './settings/moderation-settings.service';
import { ScreeningSettingsStore } from './settings/screening-settings.store';
import { TransparencyController } from './transparency/transparency.controller';
import { TransparencyQuery } from './transparency/transparency.query';

/** What features import: the gate they ask before storing citizen text. */
@Module({
  imports: [TypeOrmModule.forFeature(MODERATION_ENTITIES)],
  providers: [ContentGate, ModerationOpenData],
  exports: [ContentGate],
})
export class ModerationModule {}

/** What both processes need to present items and decisions and push them live. */
@Module({
  imports: [TypeOrmModule.forFeature(MODERATION_ENTITIES), IdentityModule, BroadcastModule],
  providers: [ModerationItemPresenter, ModerationQueueQuery, DecisionViews, ModerationLiveListener, ScreeningSettingsStore],
  exports: [ModerationItemPresenter, ModerationQueueQuery, DecisionViews, ScreeningSettingsStore],
})
class ModerationViewsModule {}

/** Routes: reports, the queue and decisions, appeals, blocks, settings, the public log. */
@Module({
  imports: [TypeOrmModule.forFeature(MODERATION_ENTITIES), ModerationViewsModule, IdentityModule],
  controllers: [
    ReportsController,
    ModerationQueueController,
    AppealsController,
    BlocksController,
    ModerationSettingsController,
    TransparencyController,
  ],
  providers: [
    ReportsService,
    ModerationClaimsService,
    ModerationDecisionsService,
    AppealsService,
    BlocksService,
    ModerationSettingsService,
    TransparencyQuery,
    ModerationPersonalData,
  ],
})
export class ModerationHttpModule {}

/** The web site's pages: reporting a contribution (every feature's pages link to it), the public log, and the moderators' console. */
@Module({
  imports: [TypeOrmModule.forFeature(MODERATION_ENTITIES), WebModule, ModerationViewsModule, IdentityModule],
  controllers: [ReportPagesController, ModerationLogController, ModerationConsoleController, ModerationUpkeepController],
  providers: [
    ReportsService,
    TransparencyQuery,
    ModerationClaimsService,
    ModerationDecisionsService,
    AppealsService,
    BlocksService,
    ModerationSettingsService,
    WaitingAppeals,
    ModerationConsoleEntry,
  ],
})
export class ModerationPagesModule {}

/** For the demo seed: reports and templates filed as people would, through the same services. */
@Module({
  imports: [TypeOrmModule.forFeature(MODERATION_ENTITIES), ModerationViewsModule],
  providers: [ReportsService, ModerationSettingsService],
  exports: [ReportsService, ModerationSettingsService],
})
export class ModerationSeedModule {}

/** The worker's part: screening. */
@Module({
  imports: [ModerationViewsModule],
  providers: [ScreeningService, ScreenContentHandler],
})
export class ModerationJobsModule {}
