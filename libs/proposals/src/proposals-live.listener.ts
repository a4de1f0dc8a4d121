import { Injectable } from '@nestjs/common';
import { type DomainEvent, roomName } from '@polity/contracts';
import { OnDomainEvent } from '@polity/platform';
import { Broadcaster } from '@polity/realtime';
import { ProposalsQuery } from './proposals.query';

const LIST_ROOM = 'proposals';

/** Pushes committed proposal changes to the list room and to each proposal's room. */
@Injectable()
export class ProposalsLiveListener {
  constructor(
    private readonly query: ProposalsQuery,
    private readonly broadcaster: Broadcaster,
  ) {}

  @OnDomainEvent('proposal.published')
  async published(event: DomainEvent<'proposal.published'>): Promise<void> {
    await this.broadcaster.toRoom(LIST_ROOM, 'proposal.created', await this.publicView(event.payload.proposalId));
  }

  @OnDomainEvent(['proposal.updated', 'proposal.withdrawn'])
  async updated(event: DomainEvent<'proposal.updated'> | DomainEvent<'proposal.withdrawn'>): Promise<void> {
    const view = await this.publicView(event.payload.proposalId);
    await this.broadcaster.toRoom(roomName('proposal', view.id), 'proposal.updated', view);
    await this.broadcaster.toRoom(LIST_ROOM, 'proposal.updated', view);
  }

  @OnDomainEvent('proposal.answered')
  async answered(event: DomainEvent<'proposal.answered'>): Promise<void> {
    const view = await this.publicView(event.payload.proposalId);
    if (view.answer)
      await this.broadcaster.toRoom(roomName('proposal', view.id), 'proposal.answered', { id: view.id, answer: view.answer });
    await this.broadcaster.toRoom(roomName('proposal', view.id), 'proposal.updated', view);
    await this.broadcaster.toRoom(LIST_ROOM, 'proposal.updated', view);
  }

  /** What every watcher may see: no reader-specific fields. */
  private async publicView(id: string) {
    const { supportedByMe: _mine, ...view } = await this.query.get(id, undefined);
    return view;
  }
}
