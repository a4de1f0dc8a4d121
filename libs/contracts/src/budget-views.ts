import type { ContentState } from './moderation';
import type { AuthorView } from './views';

export const BUDGET_PHASES = ['draft', 'proposing', 'reviewing', 'voting', 'closed', 'published'] as const;
export type BudgetPhase = (typeof BUDGET_PHASES)[number];

export const BALLOT_KINDS = ['approval', 'cumulative', 'ordinal'] as const;
export type BallotKind = (typeof BALLOT_KINDS)[number];

export const DISTRICT_VOTING = ['one', 'all'] as const;
/** `one`: a resident votes in one district's pot; `all`: in every district's pot separately. */
export type DistrictVoting = (typeof DISTRICT_VOTING)[number];

export const FEASIBILITIES = ['pending', 'feasible', 'unfeasible'] as const;
export type Feasibility = (typeof FEASIBILITIES)[number];

export const OUTCOME_RULES = ['greedy', 'equal-shares'] as const;
export type OutcomeRule = (typeof OUTCOME_RULES)[number];

/** What a ballot may hold; which fields apply depends on the kind. */
export interface BallotRulesView {
  kind: BallotKind;
  /** approval and cumulative: how many projects at least / at most. */
  minProjects: number | null;
  maxProjects: number | null;
  /** approval: the chosen projects may cost at most this (the pot's amount when `budget`). */
  maxCost: number | 'budget' | null;
  /** cumulative: points in total, and per project. */
  maxPoints: number | null;
  maxPointsPerProject: number | null;
  /** ordinal: how many projects a ranking holds at least / at most. */
  minLength: number | null;
  maxLength: number | null;
}

export interface BudgetScheduleView {
  proposingStartsAt: string | null;
  reviewingStartsAt: string | null;
  votingStartsAt: string | null;
  votingEndsAt: string | null;
}

export interface BudgetView {
  id: string;
  title: string;
  description: string;
  currency: string;
  totalAmount: number;
  phase: BudgetPhase;
  schedule: BudgetScheduleView;
  ballot: BallotRulesView;
  districts: { code: string; amount: number }[];
  districtVoting: DistrictVoting | null;
  requireVerified: boolean;
  liveResults: boolean;
  publishedOutcomeId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BudgetProjectView {
  id: string;
  budgetId: string;
  title: string;
  description: string;
  cost: number;
  district: string | null;
  category: string | null;
  feasibility: Feasibility;
  unfeasibleReason: string | null;
  /** The project's id in an imported Pabulib file. */
  externalId: string | null;
  suggestedBy: AuthorView | null;
  /** A resident's suggestion held or hidden by moderation is seen only by them and moderators. */
  moderationState: ContentState;
  sourceProposalId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectTallyView {
  projectId: string;
  /** Ballots that chose the project. */
  votes: number;
  /** Points it received (approvals count 1, ordinal ballots positional points). */
  points: number;
}

export interface BudgetTallyView {
  budgetId: string;
  ballots: number;
  projects: ProjectTallyView[];
}

export interface OutcomeProgressView {
  budgetId: string;
  outcomeId: string;
  rule: OutcomeRule;
  status: 'computing' | 'computed' | 'failed';
  /** Equal Shares runs so far, and the per-voter share being tried. */
  runs: number;
  share: number | null;
}
