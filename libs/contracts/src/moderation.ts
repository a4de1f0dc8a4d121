import type { AuthorView } from './views';

/** Every piece of citizen text is in one of these: shown, awaiting review, or removed by a moderator. */
export const CONTENT_STATES = ['visible', 'held', 'hidden'] as const;
export type ContentState = (typeof CONTENT_STATES)[number];

export const REPORT_REASONS = ['spam', 'offensive', 'off_topic', 'personal_data', 'illegal', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Why something is in front of a moderator, or was decided: the reasons above, or a screening flag. */
export type ReasonCategory = ReportReason | 'screening';

/** What a moderator can do with a queue item; `block` also hides the item. */
export const MODERATION_ACTIONS = ['hide', 'restore', 'dismiss', 'block'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** What the moderator who takes an appeal decides: the first decision stands, or is reversed. */
export const APPEAL_OUTCOMES = ['upheld', 'overturned'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export const MODERATION_MODES = ['post', 'pre'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** The rule that brought an item to the queue (or the log entry's origin). */
export type ModerationOrigin = 'screening' | 'reports' | 'premoderation' | 'moderator' | 'appeal';

export interface RuleHitView {
  rule: string;
  score: number;
  detail: string;
}

export interface ModerationQueueItemView {
  id: string;
  kind: string;
  contentId: string;
  state: ContentState;
  /** Open items wait for a moderator; closed ones were decided. */
  open: boolean;
  origin: ModerationOrigin | null;
  author: AuthorView;
  /** The text as screened, for the moderator's eyes only. */
  text: string | null;
  screening: { score: number; hits: RuleHitView[]; screenedAt: string } | null;
  reports: { count: number; reasons: Partial<Record<ReportReason, number>> };
  claim: { moderator: AuthorView; until: string } | null;
  queuedAt: string | null;
  decidedAt: string | null;
}

export interface ModerationDecisionView {
  id: string;
  itemId: string;
  kind: string;
  contentId: string;
  action: ModerationAction | AppealOutcome;
  reason: ReasonCategory;
  statement: string;
  /** Appeal decisions are final; a first decision that hides or blocks may be appealed until this date. */
  appealableUntil: string | null;
  appeal: { id: string; statement: string; createdAt: string; outcome: AppealOutcome | null } | null;
  final: boolean;
  createdAt: string;
}

/** One line of the public moderation log: no person, no content, no ids that lead to either. */
export interface ModerationLogEntryView {
  id: string;
  occurredAt: string;
  contentKind: string;
  reason: ReasonCategory;
  action: 'held' | 'hidden' | 'restored' | 'dismissed' | 'author_blocked' | 'appeal_upheld' | 'appeal_overturned';
  origin: ModerationOrigin;
  /** The screening rules that fired, when screening was the origin. */
  rules: string[];
}
