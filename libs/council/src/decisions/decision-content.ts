import type { DecisionContentView, DecisionSummary } from '@polity/contracts';
import type { AgendaItemEntity } from '../entities/agenda-item.entity';
import type { DecisionEntity } from '../entities/decision.entity';
import type { MeetingEntity } from '../entities/meeting.entity';

export const contentOf = (decision: DecisionEntity): DecisionContentView => ({
  outcome: decision.outcome,
  text: decision.text,
  votes: { for: decision.votesFor, against: decision.votesAgainst, abstain: decision.votesAbstain },
  rollCall: decision.rollCall,
  proposalStatus: decision.proposalStatus,
});

/** What the resources a decision concerns are told (and keep) of it. */
export const summaryOf = (decision: DecisionEntity, meeting: MeetingEntity, item: AgendaItemEntity): DecisionSummary => ({
  ...contentOf(decision),
  decisionId: decision.id,
  meetingId: meeting.id,
  meetingTitle: meeting.title,
  agendaItemId: item.id,
  agendaItemTitle: item.title,
  revision: decision.revision,
  decidedAt: decision.decidedAt.toISOString(),
  correctedAt: decision.correctedAt?.toISOString() ?? null,
});
