import { Injectable } from '@nestjs/common';
import { type DomainEvent, type ProposalView, roomName } from '@polity/contracts';
import { OnDomainEvent } from '@polity/platform';
import { Broadcaster } from '@polity/realtime';
import { ProposalsQuery } from './proposals.query';

const LIST_ROOM = 'proposals';

/**
 * Pushes committed proposal changes to the list room and to each proposal's room. Only what
 * every watcher may see goes out: a held or hidden proposal is announced as removed, never shown.
 */
@Injectable()
export class ProposalsLiveListener {
  constructor(
    private readonly query: ProposalsQuery,
    private readonly broadcaster: Broadcaster,
  ) {}

  @OnDomainEvent('proposal.published')
  async published(event: DomainEvent<'proposal.published'>): Promise<void> {
    const view = await this.publicView(event.payload.proposalId);
    if (view) await this.broadcaster.toRoom(LIST_ROOM, 'proposal.created', view);
  }

  @OnDomainEvent(['proposal.updated', 'proposal.withdrawn'])
  async updated(event: DomainEvent<'proposal.updated'> | DomainEvent<'proposal.withdrawn'>): Promise<void> {
    const view = await this.publicView(event.payload.proposalId);
    if (!view) return;
    await this.broadcaster.toRoom(roomName('proposals', view.id), 'proposal.updated', view);
    await this.broadcaster.toRoom(LIST_ROOM, 'proposal.updated', view);
  }

  @OnDomainEvent('proposal.answered')
  async answered(event: DomainEvent<'proposal.answered'>): Promise<void> {
    const view = await this.publicView(event.payload.proposalId);
    if (!view) return;
    if (view.answer)
      await this.broadcaster.toRoom(roomName('proposals', view.id), 'proposal.answered', { id: view.id, answer: view.answer });
    await this.broadcaster.toRoom(roomName('proposals', view.id), 'proposal.updated', view);
    await this.broadcaster.toRoom(LIST_ROOM, 'proposal.updated', view);
  }

  @OnDomainEvent('proposal.moderated')
  async moderated(event: DomainEvent<'proposal.moderated'>): Promise<void> {
    const { proposalId } = event.payload;
    const view = await this.publicView(proposalId);
    if (view) {
      await this.broadcaster.toRoom(LIST_ROOM, 'proposal.created', view);
      await this.broadcaster.toRoom(roomName('proposals', proposalId), 'proposal.updated', view);
    } else {
      await this.broadcaster.toRoom(LIST_ROOM, 'proposal.removed', { id: proposalId });
      await this.broadcaster.toRoom(roomName('proposals', proposalId), 'proposal.removed', { id: proposalId });
    }
  }

  /** What every watcher may see, or null while it is not public. */
  private async publicView(id: string): Promise<ProposalView | null> {
    return this.query.findPublic(id);
  }
}
