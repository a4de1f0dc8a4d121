import type { DomainEvent, DomainEventType } from './domain-events';
import type { DigestPeriod } from './notification-views';

export enum QueueName {
  Account = 'account',
  Proposals = 'proposals',
  Budgets = 'budgets',
  Moderation = 'moderation',
  Surveys = 'surveys',
  Maintenance = 'maintenance',
  Notifications = 'notifications',
  Mail = 'mail',
  OpenData = 'open-data',
}

/** Every job the worker runs, with the queue it travels on. */
export const JOB_QUEUES = {
  'account.sync-sessions': QueueName.Account,
  'account.prune-attempts': QueueName.Account,
  'maintenance.prune-outbox': QueueName.Maintenance,
  'proposals.sync-support-count': QueueName.Proposals,
  'proposals.sync-comment-count': QueueName.Proposals,
  'budgets.sync-tally': QueueName.Budgets,
  'budgets.compute-outcome': QueueName.Budgets,
  'budgets.advance-phases': QueueName.Budgets,
  'moderation.screen-content': QueueName.Moderation,
  'surveys.sync-results': QueueName.Surveys,
  'surveys.release-responses': QueueName.Surveys,
  'surveys.release-closed': QueueName.Surveys,
  'surveys.export': QueueName.Surveys,
  'notifications.fan-out': QueueName.Notifications,
  'notifications.schedule-digests': QueueName.Notifications,
  'mail.notification': QueueName.Mail,
  'mail.digest': QueueName.Mail,
  'mail.account-link': QueueName.Mail,
  'open-data.build-snapshot': QueueName.OpenData,
  'open-data.scheduled-snapshot': QueueName.OpenData,
} as const satisfies Record<string, QueueName>;

export type JobName = keyof typeof JOB_QUEUES;

export interface JobPayloads {
  'account.sync-sessions': DomainEvent<'user.roles_changed'> | DomainEvent<'user.erased'> | DomainEvent<'user.sessions_ended'>;
  'maintenance.prune-outbox': { olderThanDays: number };
  'proposals.sync-support-count': DomainEvent<'proposal.support_changed'>;
  /** Any comment change: the proposal's comment count (a sort key) is recounted, when the comment is on a proposal. */
  'proposals.sync-comment-count': DomainEvent<'comment.created'> | DomainEvent<'comment.deleted'> | DomainEvent<'comment.moderated'>;
  'budgets.sync-tally': DomainEvent<'budget.ballots_changed'>;
  'budgets.compute-outcome': DomainEvent<'budget.outcome_requested'>;
  'budgets.advance-phases': Record<string, never>;
  'moderation.screen-content': DomainEvent<'content.submitted'> | EventBatch<DomainEvent<'content.submitted'>>;
  'surveys.sync-results':
    DomainEvent<'survey.responses_changed'> | DomainEvent<'survey.responses_released'> | DomainEvent<'survey.text_answer_moderated'>;
  /** Moves an anonymous survey's pending responses into the results once enough wait (see AnonymousResponses). */
  'surveys.release-responses': DomainEvent<'survey.responses_changed'> | DomainEvent<'survey.updated'>;
  /** Every minute: releases what waits in anonymous surveys that have closed. */
  'surveys.release-closed': Record<string, never>;
  'surveys.export': DomainEvent<'survey.export_requested'>;
  'notifications.fan-out': NotifyingEvent | EventBatch<NotifyingEvent>;
  /** Finds who has undelivered notifications for a digest period and queues one `mail.digest` each. */
  'notifications.schedule-digests': { period: DigestPeriod };
  'mail.notification': { notificationId: string };
  /** Everything not yet mailed for this period up to `until`, in one message. */
  'mail.digest': { userId: string; period: DigestPeriod; until: string };
  'mail.account-link':
    DomainEvent<'account.link_requested'> | DomainEvent<'account.password_reset_requested'> | DomainEvent<'account.registration_repeated'>;
  /** Drops attempt windows long over (sign-in, census and reset limits). */
  'account.prune-attempts': Record<string, never>;
  'open-data.build-snapshot': DomainEvent<'open_data.snapshot_requested'>;
  /** The daily run: makes its own snapshot row, then builds it. */
  'open-data.scheduled-snapshot': Record<string, never>;
}

/** Events of one type handed to one job together (see JOB_BATCHING). */
export interface EventBatch<E extends DomainEvent> {
  batch: E[];
}

/** The events of a job's payload, whether it came alone or in a batch. */
export function eventsOf<E extends DomainEvent>(payload: E | EventBatch<E>): E[] {
  return 'batch' in payload ? payload.batch : [payload];
}

/** The events people are notified of (see libs/notifications). */
export type NotifyingEvent =
  | DomainEvent<'proposal.answered'>
  | DomainEvent<'comment.published'>
  | DomainEvent<'proposal.threshold_reached'>
  | DomainEvent<'budget.outcome_published'>
  | DomainEvent<'meeting.decision_recorded'>
  | DomainEvent<'moderation.decided'>
  | DomainEvent<'thread.stage_changed'>
  | DomainEvent<'meeting.status_changed'>;

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
  'user.sessions_ended': ['account.sync-sessions'],
  'proposal.support_changed': ['proposals.sync-support-count'],
  // Through the outbox, so a crash after commit cannot leave a count behind.
  'comment.created': ['proposals.sync-comment-count'],
  'comment.deleted': ['proposals.sync-comment-count'],
  'comment.moderated': ['proposals.sync-comment-count'],
  'budget.ballots_changed': ['budgets.sync-tally'],
  'budget.outcome_requested': ['budgets.compute-outcome'],
  'content.submitted': ['moderation.screen-content'],
  'survey.responses_changed': ['surveys.sync-results', 'surveys.release-responses'],
  // Closing an anonymous survey releases what still waits.
  'survey.updated': ['surveys.release-responses'],
  'survey.responses_released': ['surveys.sync-results'],
  'survey.text_answer_moderated': ['surveys.sync-results'],
  'survey.export_requested': ['surveys.export'],
  'proposal.answered': ['notifications.fan-out'],
  // Not comment.created: a comment is announced once moderation has cleared it.
  'comment.published': ['notifications.fan-out'],
  'proposal.threshold_reached': ['notifications.fan-out'],
  'budget.outcome_published': ['notifications.fan-out'],
  'meeting.decision_recorded': ['notifications.fan-out'],
  'moderation.decided': ['notifications.fan-out'],
  'thread.stage_changed': ['notifications.fan-out'],
  'meeting.status_changed': ['notifications.fan-out'],
  'account.link_requested': ['mail.account-link'],
  'account.registration_repeated': ['mail.account-link'],
  'account.password_reset_requested': ['mail.account-link'],
  'open_data.snapshot_requested': ['open-data.build-snapshot'],
};

/**
 * Jobs that only need to run once per window per key, however many events asked for them: the
 * relay gives every event of one window the same job id, delayed to the window's end, so the job
 * reads a state that includes all of them. Used for tallies under a rush. A `throttled` job runs at
 * once when it has not run for `windowMs`, and otherwise once, `windowMs` after its last run (see
 * throttleSlot): a quiet proposal's count moves the moment someone supports it, and under a rush
 * the runs stay `windowMs` apart. A key becomes part of a BullMQ job id, which may not hold a colon.
 */
export const JOB_COALESCING: {
  [J in JobName]?: { windowMs: number; throttled?: boolean; key: (payload: JobPayloads[J]) => string };
} = {
  // Runs 300 ms apart at least: no more than 4 live counts in any second per proposal or budget,
  // with room for a run that starts a little late, and a quiet one's count moves at once.
  'proposals.sync-support-count': { windowMs: 300, throttled: true, key: (event) => event.payload.proposalId },
  'budgets.sync-tally': { windowMs: 300, throttled: true, key: (event) => event.payload.budgetId },
  // A recount reads every comment of the discussion: once a second at most, however lively.
  'proposals.sync-comment-count': { windowMs: 1000, throttled: true, key: (event) => `${event.payload.kind}-${event.payload.resourceId}` },
  // Results are a whole recount, heavier than a tally: once a second at most.
  'surveys.sync-results': { windowMs: 1000, key: (event) => event.payload.surveyId },
  'surveys.release-responses': { windowMs: 1000, key: (event) => event.payload.surveyId },
};

/**
 * Jobs that take the events the relay moves in one pass together, up to `size` per job: the
 * handler does one transaction and a few set-wide statements for all of them, where one job per
 * event paid a transaction, a queue round trip and a dozen statements each.
 */
export const JOB_BATCHING: { [J in JobName]?: { size: number } } = {
  'moderation.screen-content': { size: 100 },
  // Many comments on one discussion: one title and follower list read for all, one insert.
  'notifications.fan-out': { size: 50 },
};

/**
 * When a throttled job's next run goes, given when its latest run was set to go (0 for never):
 * now if that was at least an interval ago, else an interval after it; null when that run is still
 * to come, since it will read a state that includes this event.
 */
export function throttleSlot(now: number, latestSlot: number, intervalMs: number): number | null {
  if (latestSlot > now) return null;
  return now >= latestSlot + intervalMs ? now : latestSlot + intervalMs;
}

export function jobsForEvent(type: DomainEventType): readonly JobName[] {
  return EVENT_JOB_ROUTES[type] ?? [];
}
