import {
  DECIDABLE_PROPOSAL_STATUSES,
  type DecidableProposalStatus,
  DECISION_OUTCOMES,
  type DecisionOutcome,
  type RollCallEntryView,
} from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A decision as it stands now (its latest revision); corrections keep what it said before. */
@Entity('council_decision')
@Index('idx_council_decision_item', ['agendaItemId', 'decidedAt'])
@Index('idx_council_decision_meeting', ['meetingId'])
// A retried request with the same Idempotency-Key records one decision.
@Index('uq_council_decision_idempotency', ['agendaItemId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Check('chk_council_decision_outcome', `outcome IN (${sqlList(DECISION_OUTCOMES)})`)
@Check('chk_council_decision_proposal_status', `proposal_status IN (${sqlList(DECIDABLE_PROPOSAL_STATUSES)})`)
@Check('chk_council_decision_votes', 'votes_for >= 0 AND votes_against >= 0 AND votes_abstain >= 0')
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  meetingId: string;

  @Column('uuid')
  agendaItemId: string;

  @Column('text')
  outcome: DecisionOutcome;

  @Column('text')
  text: string;

  @Column('integer')
  votesFor: number;

  @Column('integer')
  votesAgainst: number;

  @Column('integer')
  votesAbstain: number;

  @Column('jsonb', { nullable: true })
  rollCall: RollCallEntryView[] | null;

  @Column('text', { nullable: true })
  proposalStatus: DecidableProposalStatus | null;

  @Column('integer', { default: 1 })
  revision: number;

  @Column('uuid')
  recordedById: string;

  @Column('text', { nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  decidedAt: Date;

  @Column('timestamptz', { nullable: true })
  correctedAt: Date | null;
}
