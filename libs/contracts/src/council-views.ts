import type { AuthorView, ProposalStatus } from './views';

/** Kinds a council agenda item or a co-design thread can link to; each is a URL segment (`/proposals/<id>`). */
export const LINKABLE_KINDS = ['proposals', 'budgets', 'budget-projects', 'surveys', 'threads'] as const;
export type LinkableKind = (typeof LINKABLE_KINDS)[number];

export interface ResourceLinkView {
  kind: LinkableKind;
  id: string;
}

export const MEETING_STATUSES = ['scheduled', 'live', 'adjourned', 'ended', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const AGENDA_ITEM_STATUSES = ['pending', 'open', 'closed'] as const;
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number];

export const DECISION_OUTCOMES = ['approved', 'rejected', 'amended', 'deferred'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const ROLL_CALL_VOTES = ['for', 'against', 'abstain', 'absent'] as const;
export type RollCallVote = (typeof ROLL_CALL_VOTES)[number];

/** The statuses a council decision may set on the proposals it concerns. */
export const DECIDABLE_PROPOSAL_STATUSES = [
  'evaluating',
  'accepted',
  'rejected',
  'implemented',
] as const satisfies readonly ProposalStatus[];
export type DecidableProposalStatus = (typeof DECIDABLE_PROPOSAL_STATUSES)[number];

export const STREAM_PROVIDERS = ['youtube', 'vimeo', 'peertube', 'hls'] as const;
export type StreamProvider = (typeof STREAM_PROVIDERS)[number];

export interface StreamView {
  provider: StreamProvider;
  /** The address the clerk gave. */
  url: string;
  /** For an iframe (YouTube, Vimeo, PeerTube) or a video player (HLS); never HTML. */
  embedUrl: string;
}

export interface VoteCountView {
  for: number;
  against: number;
  abstain: number;
}

/** One councillor's vote in a roll call: councillors act in public office, so they are named. */
export interface RollCallEntryView {
  name: string;
  vote: RollCallVote;
}

/** What a decision said; a correction keeps the previous version of this. */
export interface DecisionContentView {
  outcome: DecisionOutcome;
  text: string;
  votes: VoteCountView;
  rollCall: RollCallEntryView[] | null;
  proposalStatus: DecidableProposalStatus | null;
}

export interface DecisionCorrectionView {
  /** The revision this correction produced (the original is revision 1). */
  revision: number;
  reason: string;
  correctedAt: string;
  previous: DecisionContentView;
}

/**
 * A decision as the resources it concerns see it: enough to show it in a timeline and link to the
 * meeting. Features that keep decisions in their own timelines store this.
 */
export interface DecisionSummary extends DecisionContentView {
  decisionId: string;
  meetingId: string;
  meetingTitle: string;
  agendaItemId: string;
  agendaItemTitle: string;
  revision: number;
  decidedAt: string;
  correctedAt: string | null;
}

export interface DecisionView extends DecisionContentView {
  id: string;
  meeting: { id: string; body: string; title: string; scheduledAt: string };
  agendaItem: { id: string; position: number; title: string };
  links: ResourceLinkView[];
  revision: number;
  recordedBy: AuthorView;
  decidedAt: string;
  correctedAt: string | null;
  /** Oldest first; empty when never corrected. */
  corrections: DecisionCorrectionView[];
}

export interface AgendaItemView {
  id: string;
  meetingId: string;
  position: number;
  title: string;
  description: string;
  status: AgendaItemStatus;
  openedAt: string | null;
  closedAt: string | null;
  links: ResourceLinkView[];
  decisions: DecisionView[];
}

export interface MeetingSummaryView {
  id: string;
  /** The deciding body: `City council`, `Mobility committee`… */
  body: string;
  title: string;
  description: string;
  place: string;
  scheduledAt: string;
  endsAt: string | null;
  status: MeetingStatus;
  stream: StreamView | null;
  recordingUrl: string | null;
  startedAt: string | null;
  endedAt: string | null;
  /** Why a scheduled meeting was called off; set only when cancelled. */
  cancellationReason: string | null;
  currentItemId: string | null;
}

export interface MeetingView extends MeetingSummaryView {
  minutes: string | null;
  minutesHtml: string | null;
  agenda: AgendaItemView[];
}
