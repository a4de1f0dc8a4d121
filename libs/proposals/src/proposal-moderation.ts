import { Injectable } from '@nestjs/common';
import type { ContentState } from '@polity/contracts';
import { ModeratableContent, ModeratableKind, ModeratedText, Transaction, updateStates } from '@polity/platform';
import { EntityManager, In } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

/** How moderation reads a proposal's text and changes its state. */
@ModeratableKind('proposals')
@Injectable()
export class ProposalModeration implements ModeratableContent {
  async load(manager: EntityManager, ids: string[]): Promise<ModeratedText[]> {
    if (ids.length === 0) return [];
    const rows = await manager.find(ProposalEntity, {
      where: { id: In(ids) },
      select: { id: true, authorId: true, title: true, body: true, moderationState: true },
    });
    return rows.map((p) => ({ id: p.id, authorId: p.authorId, text: `${p.title}\n\n${p.body}`, state: p.moderationState, deleted: false }));
  }

  async setState(tx: Transaction, ids: readonly string[], state: ContentState): Promise<void> {
    for (const proposal of await updateStates(tx, ProposalEntity, ids, state))
      tx.publish('proposal.moderated', { proposalId: proposal.id, state });
  }
}
