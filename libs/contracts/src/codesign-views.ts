import type { ContentState } from './moderation';
import type { DecisionSummary, ResourceLinkView } from './council-views';
import type { AuthorView } from './views';

export const DEFAULT_THREAD_STAGES = ['discover', 'define', 'develop', 'deliver'] as const;

export const THREAD_POST_TYPES = ['problem', 'idea', 'question', 'evidence', 'update'] as const;
export type ThreadPostType = (typeof THREAD_POST_TYPES)[number];

export const THREAD_REACTIONS = ['support', 'me_too'] as const;
export type ThreadReaction = (typeof THREAD_REACTIONS)[number];

export const THREAD_STATUSES = ['open', 'closed'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export interface ThreadPostView {
  id: string;
  threadId: string;
  /** Null for a top-level post; replies carry no type. */
  parentId: string | null;
  type: ThreadPostType | null;
  /** Null when deleted, or when the reader may not see it (held, hidden): the post keeps its place. */
  body: string | null;
  bodyHtml: string | null;
  author: AuthorView | null;
  /** Written by one of the thread's facilitators. */
  official: boolean;
  pinned: boolean;
  answered: boolean;
  /** The stage the thread was in when this was posted. */
  stage: string;
  reactions: { support: number; meToo: number };
  replyCount: number;
  moderationState: ContentState;
  edited: boolean;
  deleted: boolean;
  createdAt: string;
}

export interface ThreadStageChangeView {
  id: string;
  threadId: string;
  from: string | null;
  to: string;
  summary: string;
  summaryHtml: string;
  by: AuthorView;
  at: string;
}

export interface ThreadView {
  id: string;
  title: string;
  /** The public service being co-designed. */
  serviceName: string;
  department: string;
  description: string;
  descriptionHtml: string;
  stages: string[];
  currentStage: string;
  status: ThreadStatus;
  facilitators: AuthorView[];
  links: ResourceLinkView[];
  pinnedPosts: ThreadPostView[];
  postCount: number;
  createdAt: string;
  updatedAt: string;
}

/** One entry of a thread's timeline: posts, stage changes (with their summaries) and council decisions, in time order. */
export type ThreadTimelineEntry =
  | { type: 'post'; at: string; post: ThreadPostView }
  | { type: 'stage_changed'; at: string; stageChange: ThreadStageChangeView }
  | { type: 'decision'; at: string; decision: DecisionSummary };
