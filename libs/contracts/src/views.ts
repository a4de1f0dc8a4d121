import type { ContentState } from './moderation';
/**
 * What clients see of shared resources, in REST responses and Socket.IO events alike. Public
 * fields only: authors appear as an id and a display name, never an email.
 */
/** A contributor as the public sees them; an erased account has no id, so nothing groups what it wrote. */
export interface AuthorView {
  id: string | null;
  displayName: string;
}

export const PROPOSAL_STATUSES = ['published', 'evaluating', 'accepted', 'rejected', 'implemented', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ProposalAnswerView {
  status: ProposalStatus;
  text: string;
  answeredBy: AuthorView;
  answeredAt: string;
}

export interface ProposalView {
  id: string;
  title: string;
  /** The text as written (plain text or Markdown). */
  body: string;
  /** The body rendered to an allow-listed HTML subset; safe to insert into a page. */
  bodyHtml: string;
  tags: string[];
  district: string | null;
  location: { lat: number; lng: number } | null;
  status: ProposalStatus;
  withdrawnReason: string | null;
  author: AuthorView;
  supportCount: number;
  commentCount: number;
  thresholdReachedAt: string | null;
  answer: ProposalAnswerView | null;
  /** The author may still edit: nobody has supported or commented yet (a deleted or held comment counts). */
  editable: boolean;
  /** `visible` for everyone; `held` or `hidden` only its author and moderators ever see. */
  moderationState: ContentState;
  createdAt: string;
  updatedAt: string;
}

/** A proposal as one reader sees it: the shared view and what is theirs alone. */
export interface ProposalReaderView extends ProposalView {
  /** Whether this reader supports it (false when signed out). */
  supportedByMe: boolean;
}

export const COMMENT_ALIGNMENTS = ['in_favour', 'neutral', 'against'] as const;
export type CommentAlignment = (typeof COMMENT_ALIGNMENTS)[number];

export interface CommentView {
  id: string;
  kind: string;
  resourceId: string;
  parentId: string | null;
  depth: number;
  /** Null once deleted: the comment keeps its place in the thread. */
  body: string | null;
  bodyHtml: string | null;
  alignment: CommentAlignment | null;
  author: AuthorView | null;
  upvotes: number;
  downvotes: number;
  deleted: boolean;
  /** Held or hidden comments keep their place; others see them without text or author. */
  moderationState: ContentState;
  edited: boolean;
  createdAt: string;
  updatedAt: string;
}
