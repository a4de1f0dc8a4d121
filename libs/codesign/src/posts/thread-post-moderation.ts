import { Injectable } from '@nestjs/common';
import type { ContentState } from '@polity/contracts';
import { type ModeratableContent, ModeratableKind, type ModeratedText, type Transaction, updateStates } from '@polity/platform';
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

  async setState(tx: Transaction, ids: readonly string[], state: ContentState): Promise<void> {
    for (const post of await updateStates<{ id: string; thread_id: string }>(tx, ThreadPostEntity, ids, state, 'thread_id'))
      tx.publish('thread.post_moderated', { threadId: post.thread_id, postId: post.id, state });
  }
}
