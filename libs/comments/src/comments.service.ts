import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CommentView } from '@polity/contracts';
import { cleanText, DiscussableResources, Principal, Problems, Transaction, UnitOfWork } from '@polity/platform';
import { ContentGate } from '@polity/moderation';
import { In, IsNull, Repository } from 'typeorm';
import { CommentEntity } from './comment.entity';
import { CommentPresenter } from './comment-presenter';
import { CommentVoteEntity } from './comment-vote.entity';
import type { CreateCommentDto, UpdateCommentDto } from './comments.dto';

/** Four levels in all: a top-level comment and replies three deep. */
export const MAX_COMMENT_DEPTH = 3;

@Injectable()
export class CommentsService {
  constructor(
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    private readonly unitOfWork: UnitOfWork,
    private readonly resources: DiscussableResources,
    private readonly presenter: CommentPresenter,
    private readonly gate: ContentGate,
  ) {}

  async create(principal: Principal, kind: string, resourceId: string, input: CreateCommentDto): Promise<CommentView> {
    const resource = this.resources.get(kind);
    const comment = await this.unitOfWork.run(async (tx) => {
      await resource.assertOpenForContribution(tx, resourceId, principal);
      const moderationState = await this.gate.admit(tx, principal.userId, [`${kind}:${resourceId}`, kind]);
      const parent = input.parentId ? await this.parentFor(tx, kind, resourceId, input.parentId) : null;
      const id = randomUUID();
      const saved = await tx.manager.save(
        tx.manager.create(CommentEntity, {
          id,
          // A top-level comment is the root of its own thread.
          rootId: parent?.rootId ?? id,
          kind,
          resourceId,
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 0,
          authorId: principal.userId,
          body: cleanText(input.body),
          alignment: input.alignment ?? null,
          moderationState,
        }),
      );
      tx.publish('comment.created', {
        commentId: saved.id,
        kind,
        resourceId,
        parentId: saved.parentId,
        authorId: principal.userId,
        parentAuthorId: parent?.authorId ?? null,
      });
      tx.publish('content.submitted', { kind: 'comments', contentId: saved.id, authorId: principal.userId });
      return saved;
    });
    return this.presenter.presentOne(comment, principal);
  }

  async update(principal: Principal, commentId: string, input: UpdateCommentDto): Promise<CommentView> {
    const comment = await this.unitOfWork.run(async (tx) => {
      const found = await this.ownLiveComment(tx, principal, commentId);
      if (found.moderationState === 'hidden')
        throw Problems.conflict('content_hidden', 'A moderator hid this comment; it can no longer be edited.');
      if (input.body !== undefined) {
        found.moderationState = await this.gate.admitEdit(
          tx,
          principal.userId,
          [`${found.kind}:${found.resourceId}`, found.kind],
          found.moderationState,
        );
        found.body = cleanText(input.body);
      } else await this.gate.assertMayContribute(tx, principal.userId);
      if (input.alignment !== undefined) found.alignment = input.alignment;
      found.editedAt = new Date();
      await tx.manager.save(found);
      tx.publish('comment.updated', { commentId, kind: found.kind, resourceId: found.resourceId });
      if (input.body !== undefined) tx.publish('content.submitted', { kind: 'comments', contentId: commentId, authorId: principal.userId });
      return found;
    });
    return this.presenter.presentOne(comment, principal);
  }

  /** The comment keeps its place in the thread, without its text or author. */
  async delete(principal: Principal, commentId: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const found = await this.ownLiveComment(tx, principal, commentId);
      await tx.manager.update(CommentEntity, { id: commentId }, { body: null, alignment: null, deletedAt: new Date() });
      tx.publish('comment.deleted', { commentId, kind: found.kind, resourceId: found.resourceId });
    });
  }

  /** Sets (or with null removes) my vote; the counters change in the same transaction as the vote row. */
  async vote(principal: Principal, commentId: string, value: 1 | -1 | null): Promise<CommentView> {
    const target = await this.comments.findOneBy({ id: commentId });
    if (!target || !(await this.resources.get(target.kind).roomFor(target.resourceId, principal))) throw Problems.notFound('That comment');
    const comment = await this.unitOfWork.run(async (tx) => {
      const found = await tx.manager.findOne(CommentEntity, { where: { id: commentId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw Problems.notFound('That comment');
      if (found.deletedAt) throw Problems.conflict('comment_deleted', 'This comment was deleted.');
      if (found.moderationState !== 'visible')
        throw Problems.conflict('content_not_visible', 'This comment is awaiting moderation or was hidden.');
      if (found.authorId === principal.userId) throw Problems.forbidden('own_comment', 'You cannot vote on your own comment.');
      const previous = await tx.manager.findOneBy(CommentVoteEntity, { commentId, userId: principal.userId });
      if ((previous?.value ?? null) === value) return found;
      if (previous) {
        if (previous.value === 1) found.upvotes -= 1;
        else found.downvotes -= 1;
        await tx.manager.delete(CommentVoteEntity, { commentId, userId: principal.userId });
      }
      if (value !== null) {
        await tx.manager.insert(CommentVoteEntity, { commentId, userId: principal.userId, value });
        if (value === 1) found.upvotes += 1;
        else found.downvotes += 1;
      }
      await tx.manager.update(CommentEntity, { id: commentId }, { upvotes: found.upvotes, downvotes: found.downvotes });
      tx.publish('comment.updated', { commentId, kind: found.kind, resourceId: found.resourceId });
      return found;
    });
    return this.presenter.presentOne(comment, principal);
  }

  /** Comments as an anonymous reader sees them, by id; ids of comments that do not exist are left out. */
  async views(commentIds: readonly string[]): Promise<Map<string, CommentView>> {
    const comments = await this.comments.findBy({ id: In([...new Set(commentIds)]) });
    const views = await this.presenter.present(comments);
    return new Map(views.map((view) => [view.id, view]));
  }

  /** Comments not deleted and visible to everyone, for the resource's own counters. */
  countLive(kind: string, resourceId: string): Promise<number> {
    return this.comments.countBy({ kind, resourceId, deletedAt: IsNull(), moderationState: 'visible' });
  }

  /** Whether anyone ever commented, deleted comments included (the proposal edit rule). */
  hasAny(kind: string, resourceId: string, tx?: Transaction): Promise<boolean> {
    return (tx?.manager ?? this.comments.manager).existsBy(CommentEntity, { kind, resourceId });
  }

  private async parentFor(tx: Transaction, kind: string, resourceId: string, parentId: string): Promise<CommentEntity> {
    const parent = await tx.manager.findOneBy(CommentEntity, { id: parentId, kind, resourceId });
    if (!parent) {
      throw Problems.unprocessable('unknown_parent', 'parentId is not a comment on this item.', [
        { field: 'parentId', rule: 'unknown_parent', message: 'not a comment on this item' },
      ]);
    }
    if (parent.deletedAt) throw Problems.conflict('comment_deleted', 'You cannot reply to a deleted comment.');
    if (parent.moderationState !== 'visible')
      throw Problems.conflict('content_not_visible', 'You cannot reply to a comment that is awaiting moderation or was hidden.');
    if (parent.depth >= MAX_COMMENT_DEPTH) {
      throw Problems.unprocessable('thread_too_deep', `Replies nest at most ${MAX_COMMENT_DEPTH + 1} levels; reply higher up the thread.`, [
        { field: 'parentId', rule: 'max_depth', message: `threads are at most ${MAX_COMMENT_DEPTH + 1} levels deep` },
      ]);
    }
    return parent;
  }

  private async ownLiveComment(tx: Transaction, principal: Principal, commentId: string): Promise<CommentEntity> {
    const found = await tx.manager.findOne(CommentEntity, { where: { id: commentId }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw Problems.notFound('That comment');
    if (found.authorId !== principal.userId) throw Problems.forbidden('not_author', 'Only its author can change this comment.');
    if (found.deletedAt) throw Problems.conflict('comment_deleted', 'This comment was deleted.');
    return found;
  }
}
