import {
  BALLOT_KINDS,
  type BallotKind,
  type BallotRulesView,
  BUDGET_PHASES,
  type BudgetPhase,
  type DistrictVoting,
} from '@polity/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlList } from '@polity/platform';
import { wholeAmount } from './whole-amount.transformer';

/** The ballot's limits; which apply depends on the ballot kind. */
export type StoredBallotLimits = Omit<BallotRulesView, 'kind'>;

/** A participatory budget: an amount put to the residents, its phases, ballot rules and pots. */
@Entity('budget')
@Index('idx_budget_created', ['createdAt', 'id'])
@Index('idx_budget_phase', ['phase'])
@Check('chk_budget_phase', `phase IN (${sqlList(BUDGET_PHASES)})`)
@Check('chk_budget_ballot_kind', `ballot_kind IN (${sqlList(BALLOT_KINDS)})`)
@Check('chk_budget_district_voting', `district_voting IS NULL OR district_voting IN ('one', 'all')`)
@Check('chk_budget_total_amount', 'total_amount > 0')
@Check('chk_budget_currency', `currency ~ '^[A-Z]{3}$'`)
export class BudgetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  currency: string;

  @Column('bigint', { transformer: wholeAmount })
  totalAmount: number;

  /** As last stored; the schedule may already have moved it on (see effectivePhase). */
  @Column('text', { default: 'draft' })
  phase: BudgetPhase;

  @Column('timestamptz', { nullable: true })
  proposingStartsAt: Date | null;

  @Column('timestamptz', { nullable: true })
  reviewingStartsAt: Date | null;

  @Column('timestamptz', { nullable: true })
  votingStartsAt: Date | null;

  @Column('timestamptz', { nullable: true })
  votingEndsAt: Date | null;

  @Column('text')
  ballotKind: BallotKind;

  @Column('jsonb')
  ballotLimits: StoredBallotLimits;

  /** Null when the budget has no districts. */
  @Column('text', { nullable: true })
  districtVoting: DistrictVoting | null;

  @Column('boolean', { default: false })
  requireVerified: boolean;

  @Column('boolean', { default: true })
  liveResults: boolean;

  /**
   * Raised by every change to the counted ballots outside the online rush (paper ballots, the
   * close of voting): an outcome is current only if computed at the present revision.
   */
  @Column('integer', { default: 0 })
  ballotsRevision: number;

  /** The META section of the Pabulib file it was imported from, written back on export. */
  @Column('jsonb', { nullable: true })
  pabulibMeta: Record<string, string> | null;

  @Column('uuid')
  createdById: string;

  /** Millisecond precision, so a cursor carried through JavaScript compares exactly. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
