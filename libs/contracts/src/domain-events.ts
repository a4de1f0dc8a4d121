import type { Role } from './roles';
import type { ProposalStatus } from './views';

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
  'proposal.published': { proposalId: string; authorId: string };
  'proposal.updated': { proposalId: string };
  'proposal.withdrawn': { proposalId: string; authorId: string };
  /** A support was added or removed; the count is recomputed, coalesced, by a job. */
  'proposal.support_changed': { proposalId: string };
  'proposal.threshold_reached': { proposalId: string; supportCount: number; threshold: number };
  'proposal.answered': { proposalId: string; status: ProposalStatus; answeredById: string };
  'comment.created': { commentId: string; kind: string; resourceId: string; parentId: string | null; authorId: string };
  'comment.updated': { commentId: string; kind: string; resourceId: string };
  'comment.deleted': { commentId: string; kind: string; resourceId: string };
}

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  /** Unique per occurrence; consumers use it to stay idempotent. */
  id: string;
  type: T;
  occurredAt: string;
  payload: DomainEventPayloads[T];
}
