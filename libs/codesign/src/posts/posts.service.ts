import { Injectable } from '@nestjs/common';
import type { ThreadPostView, ThreadReaction } from '@polity/contracts';
import { FollowsService } from '@polity/follows';
import { ContentGate } from '@polity/moderation';
import { cleanText, type Principal, Problems, type Transaction, UnitOfWork } from '@polity/platform';
import { PostReactionEntity } from '../entities/post-reaction.entity';
import { ThreadEntity } from '../entities/thread.entity';
import { ThreadPostEntity } from '../entities/thread-post.entity';
import { assertFacilitator, assertOpen, facilitates, lockThread } from '../threads/thread-access';
import { PostPresenter } from './post-presenter';
import type { CreatePostDto, EditPostDto, MarkPostDto, ReactionStateDto } from './posts.dto';

/** A top-level post and replies four deep. */
export const MAX_POST_DEPTH = 4;

const REACTION_COUNTERS: Record<ThreadReaction, 'support_count' | 'me_too_count'> = { support: 'support_count', me_too: 'me_too_count' };

@Injectable()
export class PostsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly presenter: PostPresenter,
    private readonly gate: ContentGate,
    private readonly follows: FollowsService,
  ) {}

  async create(principal: Principal, threadId: string, input: CreatePostDto): Promise<ThreadPostView> {
    const post = await this.unitOfWork.run(async (tx) => {
      const thread = await lockThread(tx, threadId);
      assertOpen(thread);
      const official = facilitates(thread, principal);
      if (input.type === 'update' && !official) throw Problems.forbidden('not_facilitator', 'Only facilitators post updates.');
      const parent = input.parentId ? await this.parentFor(tx, thread, input.parentId) : null;
      const moderationState = await this.gate.admit(tx, principal.userId, [`threads:${threadId}`, 'threads']);
      const saved = await tx.manager.save(
        tx.manager.create(ThreadPostEntity, {
          threadId,
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 0,
          type: parent ? null : (input.type ?? null),
          body: cleanText(input.body),
          authorId: principal.userId,
          official,
          stage: thread.currentStage,
          moderationState,
        }),
      );
      if (parent) await tx.manager.increment(ThreadPostEntity, { id: parent.id }, 'replyCount', 1);
      await tx.manager.increment(ThreadEntity, { id: threadId }, 'postCount', 1);
      await this.follows.follow('threads', threadId, principal.userId, tx.manager);
      tx.publish('thread.post_created', { threadId, postId: saved.id, parentId: saved.parentId, authorId: principal.userId });
      tx.publish('content.submitted', { kind: 'thread-posts', contentId: saved.id, authorId: principal.userId });
      return saved;
    });
    return this.presenter.presentOne(post, principal);
  }

  /** The author edits; the new text is screened again. */
  async edit(principal: Principal, threadId: string, postId: string, input: EditPostDto): Promise<ThreadPostView> {
    const post = await this.unitOfWork.run(async (tx) => {
      const thread = await lockThread(tx, threadId);
      assertOpen(thread);
      const found = await this.postIn(tx, threadId, postId);
      if (found.authorId !== principal.userId) throw Problems.forbidden('not_author', 'Only the author can edit this post.');
      if (found.deletedAt) throw Problems.conflict('post_deleted', 'This post was deleted.');
      if (found.moderationState === 'hidden')
        throw Problems.conflict('content_hidden', 'A moderator hid this post; it can no longer be edited.');
      found.moderationState = await this.gate.admitEdit(tx, principal.userId, [`threads:${threadId}`, 'threads'], found.moderationState);
      found.body = cleanText(input.body);
      found.editedAt = new Date();
      await tx.manager.save(found);
      tx.publish('thread.post_updated', { threadId, postId });
      tx.publish('content.submitted', { kind: 'thread-posts', contentId: postId, authorId: principal.userId });
      return found;
    });
    return this.presenter.presentOne(post, principal);
  }

  /**
   * The author takes a post back. Its text goes; its place, reactions and replies stay, so the
   * conversation around it still reads. Allowed in a closed thread too: it is the author's text.
   */
  async delete(principal: Principal, threadId: string, postId: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      await lockThread(tx, threadId);
      const found = await this.postIn(tx, threadId, postId);
      if (found.authorId !== principal.userId) throw Problems.forbidden('not_author', 'Only the author can delete this post.');
      if (found.deletedAt) return;
      await tx.manager.update(ThreadPostEntity, { id: postId }, { body: null, pinned: false, deletedAt: new Date() });
      tx.publish('thread.post_updated', { threadId, postId });
    });
  }

  /** Facilitators pin posts and mark questions answered. */
  async mark(principal: Principal, threadId: string, postId: string, input: MarkPostDto): Promise<ThreadPostView> {
    const post = await this.unitOfWork.run(async (tx) => {
      const thread = await lockThread(tx, threadId);
      assertFacilitator(thread, principal);
      const found = await this.postIn(tx, threadId, postId);
      if (found.deletedAt) throw Problems.conflict('post_deleted', 'This post was deleted.');
      if (input.pinned !== undefined) {
        if (found.parentId !== null)
          throw Problems.unprocessable('not_top_level', 'Only top-level posts can be pinned.', [
            { field: 'pinned', rule: 'topLevel', message: 'replies cannot be pinned' },
          ]);
        found.pinned = input.pinned;
      }
      if (input.answered !== undefined) {
        if (found.type !== 'question')
          throw Problems.unprocessable('not_a_question', 'Only questions can be marked answered.', [
            { field: 'answered', rule: 'question', message: 'only for posts of type question' },
          ]);
        found.answered = input.answered;
      }
      await tx.manager.save(found);
      tx.publish('thread.post_updated', { threadId, postId });
      return found;
    });
    return this.presenter.presentOne(post, principal);
  }

  /** One of each reaction per person: adding twice or removing twice changes nothing. */
  async react(principal: Principal, threadId: string, postId: string, reaction: ThreadReaction, on: boolean): Promise<ReactionStateDto> {
    return this.unitOfWork.run(async (tx) => {
      const thread = await lockThread(tx, threadId, 'pessimistic_read');
      assertOpen(thread);
      const post = await this.postIn(tx, threadId, postId);
      if (post.deletedAt) throw Problems.conflict('post_deleted', 'This post was deleted.');
      if (post.moderationState !== 'visible')
        throw Problems.conflict('content_not_visible', 'This post is awaiting moderation or was hidden.');
      const key = { postId, userId: principal.userId, reaction };
      const changed = on
        ? (
            (await tx.manager.createQueryBuilder().insert().into(PostReactionEntity).values(key).orIgnore().returning('post_id').execute())
              .raw as unknown[]
          ).length
        : ((await tx.manager.delete(PostReactionEntity, key)).affected ?? 0);
      const counter = REACTION_COUNTERS[reaction];
      if (changed > 0) {
        await tx.manager.query(`UPDATE codesign_post SET ${counter} = ${counter} + $2 WHERE id = $1`, [postId, on ? 1 : -1]);
        tx.publish('thread.post_updated', { threadId, postId });
      }
      const [[counts], mine] = await Promise.all([
        tx.manager.query<{ support: number; meToo: number }[]>(
          'SELECT support_count AS support, me_too_count AS "meToo" FROM codesign_post WHERE id = $1',
          [postId],
        ),
        tx.manager.find(PostReactionEntity, { where: { postId, userId: principal.userId }, select: { reaction: true } }),
      ]);
      return { ...counts, mine: mine.map((row) => row.reaction) };
    });
  }

  private async parentFor(tx: Transaction, thread: ThreadEntity, parentId: string): Promise<ThreadPostEntity> {
    const parent = await tx.manager.findOneBy(ThreadPostEntity, { id: parentId, threadId: thread.id });
    if (!parent || parent.deletedAt || parent.moderationState !== 'visible')
      throw Problems.unprocessable('unknown_parent', 'There is no visible post in this thread to reply to.', [
        { field: 'parentId', rule: 'exists', message: 'no visible post with this id in the thread' },
      ]);
    if (parent.depth >= MAX_POST_DEPTH)
      throw Problems.unprocessable('reply_too_deep', `Replies nest ${MAX_POST_DEPTH} deep at most; reply higher up.`, [
        { field: 'parentId', rule: 'maxDepth', message: `replies nest ${MAX_POST_DEPTH} deep at most` },
      ]);
    return parent;
  }

  private async postIn(tx: Transaction, threadId: string, postId: string): Promise<ThreadPostEntity> {
    const post = await tx.manager.findOne(ThreadPostEntity, { where: { id: postId, threadId }, lock: { mode: 'pessimistic_write' } });
    if (!post) throw Problems.notFound('That post');
    return post;
  }
}
