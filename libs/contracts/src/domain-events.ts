import type { Role } from './roles';

/** A new comment as events tell of it; `parentAuthorId`: whom a reply answers, so they can be told. */
export interface NewComment {
  commentId: string;
  kind: string;
  resourceId: string;
  parentId: string | null;
  authorId: string;
  parentAuthorId: string | null;
}

export const ACCOUNT_LINK_PURPOSES = ['confirm_email', 'reset_password'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

/** Why sessions ended: signing out here or everywhere, a password reset, a stolen refresh token, an operator taking the address. */
export type SessionEndReason = 'logout' | 'logout_everywhere' | 'password_reset' | 'refresh_token_reuse' | 'operator_takeover';
import type { BudgetPhase, Feasibility, OutcomeRule } from './budget-views';
import type { AppealOutcome, ContentState, ModerationAction } from './moderation';
import type { DecisionOutcome, MeetingStatus, ResourceLinkView } from './council-views';
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
  /** One or all of a user's sessions ended; their open sockets re-check what they may still hear. */
  'user.sessions_ended': { userId: string; reason: SessionEndReason };
  /** A single-use link to mail: confirm the address after registration, or reset a forgotten password. */
  'account.link_requested': { userId: string; purpose: AccountLinkPurpose };
  /**
   * Someone asked to reset the password of an address. Published for every request, with no user
   * when the address has no account (or asked too often), so both cases cost the same.
   */
  'account.password_reset_requested': { userId: string | null };
  /** Someone registered an address that already has an account: its owner is told, with a way back in. */
  'account.registration_repeated': { userId: string };
  'proposal.published': { proposalId: string; authorId: string };
  'proposal.updated': { proposalId: string };
  'proposal.withdrawn': { proposalId: string; authorId: string };
  /** A support was added or removed; the count is recomputed, coalesced, by a job. */
  'proposal.support_changed': { proposalId: string };
  'proposal.threshold_reached': { proposalId: string; supportCount: number; threshold: number };
  'proposal.moderated': { proposalId: string; state: ContentState };
  'proposal.answered': { proposalId: string; status: ProposalStatus; answeredById: string };
  'comment.created': NewComment;
  /** Moderation cleared a new comment (screening passed it, or a moderator restored it): people may be told. Once per comment. */
  'comment.published': NewComment;
  'comment.updated': { commentId: string; kind: string; resourceId: string };
  'comment.deleted': { commentId: string; kind: string; resourceId: string };
  'comment.moderated': { commentId: string; kind: string; resourceId: string; state: ContentState };
  'budget.created': { budgetId: string };
  'budget.updated': { budgetId: string };
  'budget.phase_changed': { budgetId: string; from: BudgetPhase; to: BudgetPhase };
  'budget.project_changed': { budgetId: string; projectId: string };
  'budget.project_reviewed': { budgetId: string; projectId: string; feasibility: Feasibility; suggestedById: string | null };
  /** Ballots of a budget were cast, edited or withdrawn; the live tally is refreshed, coalesced, by a job. */
  'budget.ballots_changed': { budgetId: string };
  /** An official asked for an outcome too large to compute during the request. */
  'budget.outcome_requested': { budgetId: string; outcomeId: string };
  'budget.outcome_published': { budgetId: string; outcomeId: string; rule: OutcomeRule };
  'survey.created': { surveyId: string };
  /** Settings, questions or phase changed (published, closed, a new version). */
  'survey.updated': { surveyId: string };
  /** Responses were sent or edited; public live results are refreshed, coalesced, by a job. */
  'survey.responses_changed': { surveyId: string };
  /** Anonymous responses left their sealed waiting room for the results, a group at a time. */
  'survey.responses_released': { surveyId: string };
  /** A free-text answer shown with the results changed moderation state. */
  'survey.text_answer_moderated': { surveyId: string; answerId: string; state: ContentState };
  /** An official asked for a CSV export built by the worker; progress goes to their `user:` room. */
  'survey.export_requested': { surveyId: string; exportId: string; requestedById: string };
  /** Citizen text was posted or edited: the worker screens it. `kind` is the moderatable kind (`comment`…). */
  'content.submitted': { kind: string; contentId: string; authorId: string };
  'moderation.item_queued': { itemId: string };
  'moderation.item_claimed': { itemId: string; moderatorId: string };
  'moderation.item_released': { itemId: string };
  'moderation.decided': {
    itemId: string;
    decisionId: string;
    kind: string;
    contentId: string;
    authorId: string;
    action: ModerationAction | AppealOutcome;
    final: boolean;
  };
  'thread.created': { threadId: string };
  /** Settings, facilitators, stages or links changed. */
  'thread.updated': { threadId: string };
  'thread.stage_changed': { threadId: string; stageChangeId: string; from: string; to: string };
  'thread.post_created': { threadId: string; postId: string; parentId: string | null; authorId: string };
  /** Edited, reacted to, pinned or marked answered. */
  'thread.post_updated': { threadId: string; postId: string };
  'thread.post_moderated': { threadId: string; postId: string; state: ContentState };
  'meeting.scheduled': { meetingId: string };
  /** Details, stream, recording, minutes or agenda changed. */
  'meeting.updated': { meetingId: string };
  'meeting.status_changed': { meetingId: string; from: MeetingStatus; to: MeetingStatus };
  'meeting.item_opened': { meetingId: string; agendaItemId: string };
  'meeting.item_closed': { meetingId: string; agendaItemId: string };
  /** A council decision, with every resource it concerns (their followers hear of it). */
  'meeting.decision_recorded': {
    meetingId: string;
    agendaItemId: string;
    decisionId: string;
    outcome: DecisionOutcome;
    links: ResourceLinkView[];
  };
  'meeting.decision_corrected': {
    meetingId: string;
    agendaItemId: string;
    decisionId: string;
    revision: number;
    outcome: DecisionOutcome;
    links: ResourceLinkView[];
  };
  /** An admin asked for an open-data snapshot now; the worker builds it. */
  'open_data.snapshot_requested': { snapshotId: string };
  'moderation.appealed': { itemId: string; decisionId: string; appealId: string };
}

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  /** Unique per occurrence; consumers use it to stay idempotent. */
  id: string;
  type: T;
  occurredAt: string;
  payload: DomainEventPayloads[T];
}
