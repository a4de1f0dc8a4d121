import type { Role } from './roles';

/**
 * Every domain event the platform publishes, by type (`noun.verbed`), with its payload.
 * Payloads carry ids and public facts only: never emails, names or other personal data,
 * because events are stored in the outbox and copied into job payloads.
 */
export interface DomainEventPayloads {
  'user.registered': { userId: string };
  'user.roles_changed': { userId: string; roles: Role[] };
  'user.verified': { userId: string };
  'user.erased': { userId: string };
}

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  /** Unique per occurrence; consumers use it to stay idempotent. */
  id: string;
  type: T;
  occurredAt: string;
  payload: DomainEventPayloads[T];
}
