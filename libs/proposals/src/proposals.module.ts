import { SupportThreshold } from './support-threshold';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommentsModule, CommentsPagesModule } from '@polity/comments';
import { DistrictsModule } from '@polity/districts';
import { FollowsModule } from '@polity/follows';
import { IdentityModule } from '@polity/identity';
import { ModerationModule } from '@polity/moderation';
import { BroadcastModule } from '@polity/realtime';
import { WebModule } from '@polity/web';
import { ProposalEntity } from './proposal.entity';
import { ProposalDecisions } from './proposal-decisions';
import { ProposalModeration } from './proposal-moderation';
import { ProposalPresenter } from './proposal-presenter';
import { ProposalReaderViews } from './proposal-reader-views';
import { ProposalDiscussion, ProposalRoomPolicy } from './proposal-rooms';
import { ProposalSupportEntity } from './proposal-support.entity';
import { ProposalSupportCounts } from './proposal-support-counts';
import { ProposalSupportTallyEntity } from './proposal-support-tally.entity';
import { ProposalSupportsService } from './proposal-supports.service';
import { ProposalsController } from './proposals.controller';
import { ProposalsHomeSection } from './pages/proposals-home.section';
import { ProposalAuthorPagesController } from './pages/proposal-author-pages.controller';
import { ProposalForms } from './pages/proposal-forms';
import { NewProposalPagesController } from './pages/new-proposal-pages.controller';
import { ProposalsPagesController } from './pages/proposals-pages.controller';
import { ProposalsConsoleController } from './console/proposals-console.controller';
import { ProposalsConsoleEntry } from './console/proposals-console.entry';
import { ProposalsLiveListener } from './proposals-live.listener';
import { ProposalsOpenData } from './proposals-open-data';
import { ProposalsPersonalData } from './proposals-personal-data';
import { ProposalsQuery } from './proposals.query';
import { ProposalsService } from './proposals.service';
import { SyncCommentCountHandler } from './sync-comment-count.handler';
import { SyncSupportCountHandler } from './sync-support-count.handler';

export const PROPOSALS_ENTITIES = [ProposalEntity, ProposalSupportEntity, ProposalSupportTallyEntity];

/** Proposals, supports and answers; services only. */
@Module({
  imports: [TypeOrmModule.forFeature(PROPOSALS_ENTITIES), IdentityModule, DistrictsModule, FollowsModule, CommentsModule, ModerationModule],
  providers: [
    ProposalsService,
    ProposalsQuery,
    ProposalSupportsService,
    ProposalSupportCounts,
    ProposalPresenter,
    ProposalReaderViews,
    ProposalsPersonalData,
    ProposalModeration,
    ProposalDecisions,
    ProposalsOpenData,
    // Discovered by comments and follows in both processes: the worker's screening pushes comment changes too.
    ProposalDiscussion,
    SupportThreshold,
  ],
  exports: [ProposalsService, ProposalsQuery, ProposalReaderViews, ProposalSupportsService, ProposalSupportCounts, SupportThreshold],
})
export class ProposalsModule {}

/**
 * Live pushes of committed proposal changes, in whichever process committed them: both apps import
 * it (through the parts below), so an event the worker commits meets the same listeners as one the
 * api commits.
 */
@Module({
  imports: [ProposalsModule, BroadcastModule],
  providers: [ProposalsLiveListener],
})
export class ProposalsLiveModule {}

/** Routes and rooms; the api's part. */
@Module({
  imports: [ProposalsModule, ProposalsLiveModule, TypeOrmModule.forFeature(PROPOSALS_ENTITIES), CommentsModule, BroadcastModule],
  controllers: [ProposalsController],
  providers: [ProposalRoomPolicy],
})
export class ProposalsHttpModule {}

/** The residents' pages for proposals, and their part of the home page; the api serves them at the site's root. */
@Module({
  imports: [ProposalsModule, CommentsModule, CommentsPagesModule, FollowsModule, DistrictsModule, WebModule],
  // The form's fixed path first, before the proposal pages' `:id`.
  controllers: [NewProposalPagesController, ProposalAuthorPagesController, ProposalsPagesController, ProposalsConsoleController],
  providers: [ProposalsHomeSection, ProposalForms, ProposalsConsoleEntry],
})
export class ProposalsPagesModule {}

/** The worker's part: the coalesced support and comment counts. */
@Module({
  imports: [
    ProposalsModule,
    ProposalsLiveModule,
    TypeOrmModule.forFeature(PROPOSALS_ENTITIES),
    CommentsModule,
    IdentityModule,
    BroadcastModule,
  ],
  providers: [SyncSupportCountHandler, SyncCommentCountHandler],
})
export class ProposalsJobsModule {}
