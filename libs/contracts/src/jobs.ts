import type { DomainEvent, DomainEventType } from './domain-events';

export enum QueueName {
  Account = 'account',
  Maintenance = 'maintenance',
}

/** Every job the worker runs, with the queue it travels on. */
export const JOB_QUEUES = {
  'account.sync-sessions': QueueName.Account,
  'maintenance.prune-outbox': QueueName.Maintenance,
} as const satisfies Record<string, QueueName>;

export type JobName = keyof typeof JOB_QUEUES;

export interface JobPayloads {
  'account.sync-sessions': DomainEvent<'user.roles_changed'> | DomainEvent<'user.erased'>;
  'maintenance.prune-outbox': { olderThanDays: number };
}

type JobsTakingEvent<T extends DomainEventType> = {
  [J in JobName]: DomainEvent<T> extends JobPayloads[J] ? J : never;
}[JobName];

/**
 * Durable consumers of domain events. An event listed here is written to the outbox in the
 * transaction that caused it, and the relay enqueues one job per consumer. Events not listed
 * reach only in-process listeners after commit.
 */
export const EVENT_JOB_ROUTES: { [T in DomainEventType]?: readonly JobsTakingEvent<T>[] } = {
  'user.roles_changed': ['account.sync-sessions'],
  'user.erased': ['account.sync-sessions'],
};

export function jobsForEvent(type: DomainEventType): readonly JobName[] {
  return EVENT_JOB_ROUTES[type] ?? [];
}
