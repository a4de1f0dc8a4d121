import { randomUUID } from 'node:crypto';
import type { DomainEvent, DomainEventPayloads, DomainEventType } from '@polity/contracts';
import type { EntityManager } from 'typeorm';

/** The handle a unit of work gets: its entity manager, and a place to record domain events. */
export class Transaction {
  private readonly recorded: DomainEvent[] = [];

  constructor(readonly manager: EntityManager) {}

  /** Records an event; it is written to the outbox with this transaction and delivered after commit. */
  publish<T extends DomainEventType>(type: T, payload: DomainEventPayloads[T]): DomainEvent<T> {
    const event: DomainEvent<T> = { id: randomUUID(), type, occurredAt: new Date().toISOString(), payload };
    this.recorded.push(event);
    return event;
  }

  get events(): readonly DomainEvent[] {
    return this.recorded;
  }
}
