import { Injectable } from '@nestjs/common';
import type { ContentState } from '@polity/contracts';
import { type ModeratableContent, ModeratableKind, type ModeratedText, type Transaction } from '@polity/platform';
import { type EntityManager, In } from 'typeorm';
import { ThreadPostEntity } from '../entities/thread-post.entity';

/** How moderation reads a co-design post and changes its state. */
@ModeratableKind('thread-posts')
@Injectable()
export class ThreadPostModeration implements ModeratableContent {
  async load(manager: EntityManager, ids: string[]): Promise<ModeratedText[]> {
    if (ids.length === 0) return [];
    const rows = await manager.find(ThreadPostEntity, {
      where: { id: In(ids) },
      select: { id: true, authorId: true, body: true, moderationState: true, deletedAt: true },
    });
    return rows.map((post) => ({
      id: post.id,
      authorId: post.authorId,
      text: post.body ?? '',
      state: post.moderationState,
      deleted: post.deletedAt !== null,
    }));
  }

  async setState(tx: Transaction, id: string, state: ContentState): Promise<void> {
    const post = await tx.manager.findOneOrFail(ThreadPostEntity, { where: { id }, select: { id: true, threadId: true } });
    await tx.manager.update(ThreadPostEntity, { id }, { moderationState: state });
    tx.publish('thread.post_moderated', { threadId: post.threadId, postId: id, state });
  }
}
