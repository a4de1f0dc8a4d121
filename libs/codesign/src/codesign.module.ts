import { ThreadsConsoleController } from './console/threads-console.controller';
import { ThreadsConsoleEntry } from './console/threads-console.entry';
import { Module } from '@nestjs/common';
import { WebModule } from '@polity/web';
import { CodesignPagesController } from './pages/codesign-pages.controller';
import { ThreadPageData } from './pages/thread-page-data';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowsModule } from '@polity/follows';
import { IdentityModule } from '@polity/identity';
import { ModerationModule } from '@polity/moderation';
import { BroadcastModule } from '@polity/realtime';
import { CodesignOpenData } from './codesign-open-data';
import { CodesignPersonalData } from './codesign-personal-data';
import { PostReactionEntity } from './entities/post-reaction.entity';
import { StageChangeEntity } from './entities/stage-change.entity';
import { ThreadEntity } from './entities/thread.entity';
import { ThreadDecisionEntity } from './entities/thread-decision.entity';
import { ThreadLinkEntity } from './entities/thread-link.entity';
import { ThreadPostEntity } from './entities/thread-post.entity';
import { ThreadDecisions, ThreadDiscussion, ThreadRoomPolicy } from './live/thread-rooms';
import { ThreadsLiveListener } from './live/threads-live.listener';
import { PostPresenter } from './posts/post-presenter';
import { PostsService } from './posts/posts.service';
import { ThreadPostModeration } from './posts/thread-post-moderation';
import { ThreadPresenter } from './threads/thread-presenter';
import { ThreadsController } from './threads/threads.controller';
import { ThreadsService } from './threads/threads.service';
import { ThreadsQuery } from './timeline/threads.query';
import { CodesignHomeSection } from './pages/codesign-home.section';

export const CODESIGN_ENTITIES = [
  ThreadEntity,
  ThreadLinkEntity,
  ThreadPostEntity,
  PostReactionEntity,
  StageChangeEntity,
  ThreadDecisionEntity,
];

const SERVICES = [ThreadsService, PostsService, ThreadsQuery, ThreadPresenter, PostPresenter];

/** Co-design threads, posts, reactions and timelines; services only. */
@Module({
  imports: [TypeOrmModule.forFeature(CODESIGN_ENTITIES), IdentityModule, FollowsModule, ModerationModule],
  // Discovered in both processes: follows and council links (ThreadDiscussion), council decisions, moderation verdicts.
  providers: [...SERVICES, CodesignPersonalData, CodesignOpenData, ThreadDiscussion, ThreadDecisions, ThreadPostModeration],
  exports: SERVICES,
})
export class CodesignModule {}

/** Live pushes of committed thread changes, in whichever process committed them (both apps import it). */
@Module({
  imports: [CodesignModule, TypeOrmModule.forFeature(CODESIGN_ENTITIES), BroadcastModule],
  providers: [ThreadsLiveListener],
})
export class CodesignLiveModule {}

/** Routes and rooms; the api's part. */
@Module({
  imports: [CodesignModule, CodesignLiveModule, TypeOrmModule.forFeature(CODESIGN_ENTITIES), BroadcastModule],
  controllers: [ThreadsController],
  providers: [ThreadRoomPolicy],
})
export class CodesignHttpModule {}

/** The worker's part: the live pushes of what it changes (screening holds). */
@Module({
  imports: [CodesignModule, CodesignLiveModule],
})
export class CodesignJobsModule {}

/** Its part of the web site: the threads' pages, and the open threads on the home page. */
@Module({
  imports: [CodesignModule, FollowsModule, WebModule],
  controllers: [CodesignPagesController, ThreadsConsoleController],
  providers: [CodesignHomeSection, ThreadPageData, ThreadsConsoleEntry],
})
export class CodesignPagesModule {}
