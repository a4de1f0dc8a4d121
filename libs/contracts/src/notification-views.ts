export const NOTIFICATION_KINDS = [
  'proposal_answered',
  'comment_on_followed',
  'comment_reply',
  'support_threshold',
  'budget_outcome',
  'council_decision',
  'moderation_decision',
  'stage_changed',
  'meeting_started',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_FREQUENCIES = ['immediate', 'daily', 'weekly', 'off'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];
export type DigestPeriod = 'daily' | 'weekly';

/** What a person gets by email until they choose: what is about them at once, the rest in a daily digest. */
export const DEFAULT_EMAIL_FREQUENCY: Record<NotificationKind, EmailFrequency> = {
  proposal_answered: 'immediate',
  comment_on_followed: 'daily',
  comment_reply: 'immediate',
  support_threshold: 'daily',
  budget_outcome: 'daily',
  council_decision: 'immediate',
  moderation_decision: 'immediate',
  stage_changed: 'daily',
  // A meeting one follows is worth hearing of while it can still be watched.
  meeting_started: 'immediate',
};

/** The values a notification's words are made of: the subject's title, a status, a count, a stage… */
export type NotificationParams = Record<string, string | number | boolean>;

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** What it is about (`proposals`, `<id>`), when it is about a resource. */
  resource: { kind: string; id: string } | null;
  /** In English, as written when it was made; `kind` and `params` let a client write it in its own language. */
  title: string;
  body: string;
  params: NotificationParams;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPreferenceView {
  kind: NotificationKind;
  email: EmailFrequency;
}
