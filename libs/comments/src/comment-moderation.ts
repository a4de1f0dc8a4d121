import { Injectable } from '@nestjs/common';
import type { ContentState } from '@polity/contracts';
import { ModeratableContent, ModeratableKind, ModeratedText, Transaction, updateStates } from '@polity/platform';
import { EntityManager, In } from 'typeorm';
import { CommentEntity } from './comment.entity';

/** How moderation reads a comment and changes its state. */
@ModeratableKind('comments')
@Injectable()
export class CommentModeration implements ModeratableContent {
  async load(manager: EntityManager, ids: string[]): Promise<ModeratedText[]> {
    if (ids.length === 0) return [];
    const rows = await manager.find(CommentEntity, {
      where: { id: In(ids) },
      select: { id: true, authorId: true, body: true, moderationState: true, deletedAt: true },
    });
    return rows.map((c) => ({
      id: c.id,
      authorId: c.authorId,
      text: c.body ?? '',
      state: c.moderationState,
      deleted: c.deletedAt !== null,
    }));
  }

  async setState(tx: Transaction, ids: readonly string[], state: ContentState): Promise<void> {
    const changed = await updateStates<{ id: string; kind: string; resource_id: string }>(
      tx,
      CommentEntity,
      ids,
      state,
      'kind, resource_id',
    );
    for (const comment of changed)
      tx.publish('comment.moderated', { commentId: comment.id, kind: comment.kind, resourceId: comment.resource_id, state });
  }

  /** The first time a comment is cleared, followers and the author of the comment it answers are told. */
  async cleared(tx: Transaction, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
    const [announced] = await tx.manager.query<
      [
        { id: string; kind: string; resource_id: string; parent_id: string | null; author_id: string; parent_author_id: string | null }[],
        number,
      ]
    >(
      `UPDATE comment c SET announced_at = now()
        WHERE c.id = ANY($1::uuid[]) AND c.announced_at IS NULL AND c.moderation_state = 'visible' AND c.deleted_at IS NULL
        RETURNING c.id, c.kind, c.resource_id, c.parent_id, c.author_id,
                  (SELECT parent.author_id FROM comment parent WHERE parent.id = c.parent_id) AS parent_author_id`,
      [ids],
    );
    for (const comment of announced) {
      tx.publish('comment.published', {
        commentId: comment.id,
        kind: comment.kind,
        resourceId: comment.resource_id,
        parentId: comment.parent_id,
        authorId: comment.author_id,
        parentAuthorId: comment.parent_author_id,
      });
    }
  }
}
