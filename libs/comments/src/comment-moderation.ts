import { Injectable } from '@nestjs/common';
import type { ContentState } from '@polity/contracts';
import { ModeratableContent, ModeratableKind, ModeratedText, Transaction } from '@polity/platform';
import { EntityManager, In } from 'typeorm';
import { CommentEntity } from './comment.entity';

/** How moderation reads a comment and changes its state. */
@ModeratableKind('comment')
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

  async setState(tx: Transaction, id: string, state: ContentState): Promise<void> {
    const comment = await tx.manager.findOneOrFail(CommentEntity, { where: { id }, select: { id: true, kind: true, resourceId: true } });
    await tx.manager.update(CommentEntity, { id }, { moderationState: state, updatedAt: () => 'updated_at' });
    tx.publish('comment.moderated', { commentId: id, kind: comment.kind, resourceId: comment.resourceId, state });
  }
}
