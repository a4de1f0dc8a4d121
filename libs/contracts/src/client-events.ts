import type { BudgetPhase, BudgetProjectView, BudgetTallyView, BudgetView, OutcomeProgressView, OutcomeRule } from './budget-views';
import type { SurveyExportView, SurveyResultsView, SurveyView } from './survey-views';
import type { ContentState, ModerationDecisionView, ModerationQueueItemView } from './moderation';
import type { AgendaItemView, DecisionView, MeetingStatus, MeetingSummaryView } from './council-views';
import type { ThreadPostView, ThreadStageChangeView, ThreadView } from './codesign-views';
import type { NotificationView } from './notification-views';
import type { OpenDataProgressView } from './open-data-views';
import type { Role } from './roles';
import type { AuthorView, CommentView, ProposalAnswerView, ProposalView } from './views';

/**
 * Events the server pushes to Socket.IO clients, by name, with their data.
 * Each arrives as `(name, envelope)` where the envelope is a {@link RoomMessage}.
 */
export interface ClientEventPayloads {
  'account.updated': { roles: Role[]; reason: 'roles_changed' | 'erased' };
  /** Room `proposals`: a new proposal for the list. */
  'proposal.created': ProposalView;
  /** Room `proposals:<id>` (and `proposals`): edited, withdrawn, or its status changed. */
  'proposal.updated': ProposalView;
  /** Room `proposals:<id>`: coalesced to a few per second, always ending on the true count. */
  'proposal.support_count': { id: string; supportCount: number };
  /** Room `proposals:<id>`: the count of comments anyone can read, after a comment came, went or was moderated. */
  'proposal.comment_count': { id: string; commentCount: number };
  'proposal.answered': { id: string; answer: ProposalAnswerView };
  /** The room of the commented resource, e.g. `proposals:<id>`. */
  'comment.created': CommentView;
  'comment.updated': CommentView;
  'comment.deleted': CommentView;
  /** Room `budgets:<id>` (and `budgets` for the list): settings or phase changed. */
  'budget.updated': BudgetView;
  'budget.phase_changed': { id: string; from: BudgetPhase; to: BudgetPhase };
  /** Room `budgets:<id>`: a project was added, edited or reviewed. */
  'budget.project_updated': BudgetProjectView;
  /** Room `budgets:<id>`: a resident's suggestion was held or hidden by moderation. */
  'budget.project_removed': { id: string };
  /** Room `budgets:<id>`, where the budget shows live results: coalesced to a few per second. */
  'budget.tally': BudgetTallyView;
  /** Room `budgets:<id>`: a long outcome computation's progress. */
  'budget.outcome_progress': OutcomeProgressView;
  'budget.outcome_published': { budgetId: string; outcomeId: string; rule: OutcomeRule };
  /** Room `proposals` and `proposals:<id>`: a proposal was held or hidden and is gone from public view. */
  'proposal.removed': { id: string };
  /** Room `moderation`: an item entered the queue, or changed while in it. */
  'moderation.queued': ModerationQueueItemView;
  'moderation.claimed': { itemId: string; moderator: AuthorView; until: string };
  /** Room `surveys:<id>` (and `surveys` for the list): settings, questions or phase changed. */
  'survey.updated': SurveyView;
  /** Room `surveys:<id>`, only while its results are public: the whole results, coalesced. */
  'survey.results': SurveyResultsView;
  /** Room `user:<id>` of the official who asked for an export. */
  'survey.export_progress': SurveyExportView;
  'moderation.released': { itemId: string };
  'moderation.decided': { itemId: string; action: ModerationDecisionView['action']; state: ContentState; final: boolean };
  /** Room `threads:<id>` (and `threads` for the list): settings, facilitators, stages or links changed. */
  'thread.updated': ThreadView;
  /** Room `threads:<id>`: a visible post or reply. */
  'thread.post_created': ThreadPostView;
  /** Room `threads:<id>`: reactions, pin, answered, an edit, or moderation (held and hidden posts come without text). */
  'thread.post_updated': ThreadPostView;
  'thread.stage_changed': ThreadStageChangeView;
  /** Room `meetings:<id>` (and `meetings`): details, stream, recording or minutes changed. */
  'meeting.updated': MeetingSummaryView;
  /** Room `meetings:<id>` (and `meetings`): started, adjourned or ended. */
  'meeting.status': { id: string; from: MeetingStatus; to: MeetingStatus; at: string };
  /** Room `meetings:<id>`: an agenda item was opened or closed. */
  'meeting.item': AgendaItemView;
  /** Room `meetings:<id>` and the room of every resource the decision concerns. */
  'decision.recorded': DecisionView;
  /** As `decision.recorded`; the view lists the correction beside what it replaced. */
  'decision.corrected': DecisionView;
  /** Room `user:<id>`: something I follow, or my own contribution, has news. */
  'notification.created': NotificationView;
  /** Room `user:<id>`: how many of my notifications are unread, after a change. */
  'notification.unread_count': { unread: number };
  /** Room `open-data` (admins): a snapshot's progress, and its end. */
  'open_data.progress': OpenDataProgressView;
  /** Room `user:<id>`: a moderator decided about my content (or my appeal). */
  'moderation.decision': ModerationDecisionView;
}

export type ClientEventName = keyof ClientEventPayloads;

export interface RoomMessage<E extends ClientEventName = ClientEventName> {
  room: string;
  /** Increases by one per message in this room; a gap tells the client to resync over REST. */
  seq: number;
  sentAt: string;
  data: ClientEventPayloads[E];
}

/**
 * Events sent to one connection rather than a room, so they carry no `seq`. `access.changed`: the
 * connection's rights shrank (its session ended or expired, or its roles changed) and it was
 * taken out of the rooms it may no longer hear. Public rooms stay; sign in again (or send
 * `authenticate` with a fresh token) to follow personal ones.
 */
export interface ConnectionEventPayloads {
  'access.changed': {
    reason: 'signed_out' | 'expired' | 'roles_changed';
    signedIn: boolean;
    roles: Role[];
    leftRooms: string[];
  };
}

/** `authenticate {token}`: a fresh access token for the same person, before the current one expires. */
export interface AuthenticateRequest {
  token: string;
}

export type AuthenticateAck = { ok: true; expiresAt: string } | { ok: false; error: { status: number; code: string; detail: string } };

/** What a client sends to join or leave a room, and what the server acknowledges. */
export interface SubscribeRequest {
  room: string;
}

export type SubscribeAck =
  { ok: true; room: string; seq: number } | { ok: false; room: string; error: { status: number; code: string; detail: string } };
