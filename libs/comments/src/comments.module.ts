import { CommentsOpenData } from './comments-open-data';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@polity/identity';
import { ModerationModule } from '@polity/moderation';
import { BroadcastModule } from '@polity/realtime';
import { CommentEntity } from './comment.entity';
import { CommentModeration } from './comment-moderation';
import { CommentPresenter } from './comment-presenter';
import { CommentThreadsQuery } from './comment-threads.query';
import { CommentVoteEntity } from './comment-vote.entity';
import { CommentsController } from './comments.controller';
import { CommentsLiveListener } from './comments-live.listener';
import { CommentsPersonalData } from './comments-personal-data';
import { CommentsService } from './comments.service';

export const COMMENTS_ENTITIES = [CommentEntity, CommentVoteEntity];

/** Threaded comments for any discussable resource; services only. */
@Module({
  imports: [TypeOrmModule.forFeature(COMMENTS_ENTITIES), IdentityModule, ModerationModule],
  providers: [CommentsService, CommentPresenter, CommentThreadsQuery, CommentsPersonalData, CommentModeration, CommentsOpenData],
  exports: [CommentsService, CommentThreadsQuery],
})
export class CommentsModule {}

/** Live pushes of committed comment changes, in whichever process committed them (both apps import it). */
@Module({
  imports: [CommentsModule, BroadcastModule],
  providers: [CommentsLiveListener],
})
export class CommentsLiveModule {}

/** The comment routes; imported by the api. */
@Module({
  imports: [CommentsModule, CommentsLiveModule],
  controllers: [CommentsController],
})
export class CommentsHttpModule {}

/** The worker's part: the live pushes of comments its screening holds. */
@Module({
  imports: [CommentsModule, CommentsLiveModule],
})
export class CommentsJobsModule {}
