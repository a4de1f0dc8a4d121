import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@polity/identity';
import { ModerationModule } from '@polity/moderation';
import { BroadcastModule } from '@polity/realtime';
import { WebModule } from '@polity/web';
import { CommentModeration } from './comment-moderation';
import { CommentPresenter } from './comment-presenter';
import { CommentThreadsQuery } from './comment-threads.query';
import { CommentVoteEntity } from './comment-vote.entity';
import { CommentEntity } from './comment.entity';
import { CommentsLiveListener } from './comments-live.listener';
import { CommentsOpenData } from './comments-open-data';
import { CommentsPersonalData } from './comments-personal-data';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { CommentForms } from './pages/comment-forms';
import { CommentPagesController } from './pages/comment-pages.controller';

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

/** A comment's pages on the web site (reply, edit, delete, vote, the live fragment) and the forms features' pages share. */
@Module({
  imports: [CommentsModule, WebModule],
  controllers: [CommentPagesController],
  providers: [CommentForms],
  exports: [CommentForms],
})
export class CommentsPagesModule {}

/** The worker's part: the live pushes of comments its screening holds. */
@Module({
  imports: [CommentsModule, CommentsLiveModule],
})
export class CommentsJobsModule {}
