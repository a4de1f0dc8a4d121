import { Injectable } from '@nestjs/common';
import { type DomainEvent, roomName } from '@polity/contracts';
import { OnDomainEvent, OnDomainEvents } from '@polity/platform';
import { Broadcaster } from '@polity/realtime';
import { DecisionViews } from './queue/decision-views';
import { ModerationQueueQuery } from './queue/moderation-queue.query';

const QUEUE_ROOM = roomName('moderation');

/**
 * Keeps the moderators' room current (new items, claims, decisions) and tells authors, in their
 * own room, what was decided about their contribution and why.
 */
@Injectable()
export class ModerationLiveListener {
  constructor(
    private readonly broadcaster: Broadcaster,
    private readonly queue: ModerationQueueQuery,
    private readonly decisions: DecisionViews,
  ) {}

  /** A screening batch queues dozens of items at once: they are read and numbered together. */
  @OnDomainEvents('moderation.item_queued')
  async queued(events: DomainEvent<'moderation.item_queued'>[]): Promise<void> {
    const views = await this.queue.many(events.map((event) => event.payload.itemId));
    await this.broadcaster.toRoomMany(
      QUEUE_ROOM,
      views.map((data) => ({ event: 'moderation.queued' as const, data })),
    );
  }

  @OnDomainEvent('moderation.item_claimed')
  async claimed(event: DomainEvent<'moderation.item_claimed'>): Promise<void> {
    const { claim } = await this.queue.one(event.payload.itemId);
    if (claim) await this.broadcaster.toRoom(QUEUE_ROOM, 'moderation.claimed', { itemId: event.payload.itemId, ...claim });
  }

  @OnDomainEvent('moderation.item_released')
  async released(event: DomainEvent<'moderation.item_released'>): Promise<void> {
    await this.broadcaster.toRoom(QUEUE_ROOM, 'moderation.released', { itemId: event.payload.itemId });
  }

  @OnDomainEvent('moderation.decided')
  async decided(event: DomainEvent<'moderation.decided'>): Promise<void> {
    const { itemId, decisionId, authorId, action, final } = event.payload;
    const [item, decision] = await Promise.all([this.queue.one(itemId), this.decisions.one(decisionId)]);
    await this.broadcaster.toRoom(QUEUE_ROOM, 'moderation.decided', { itemId, action, state: item.state, final });
    // Dismissing reports about a contribution that stayed visible is no news to its author.
    if (action !== 'dismiss' || item.state !== 'visible') await this.broadcaster.toUser(authorId, 'moderation.decision', decision);
  }
}
