import { type BudgetPhase, OUTCOME_RULES, type OutcomeRule } from '@polity/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { StoredOutcome } from '../outcomes/stored-outcome';
import { BudgetEntity } from './budget.entity';

export const OUTCOME_STATUSES = ['computing', 'computed', 'failed'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** An outcome computed under one rule; at most one per budget is published. */
@Entity('budget_outcome')
@Index('idx_budget_outcome_budget', ['budgetId', 'requestedAt'])
@Index('uq_budget_outcome_published', ['budgetId'], { unique: true, where: 'published_at IS NOT NULL' })
@Check('chk_budget_outcome_rule', `rule IN (${OUTCOME_RULES.map((rule) => `'${rule}'`).join(', ')})`)
@Check('chk_budget_outcome_status', `status IN (${OUTCOME_STATUSES.map((status) => `'${status}'`).join(', ')})`)
export class BudgetOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  budgetId: string;

  @ManyToOne(() => BudgetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id' })
  budget?: BudgetEntity;

  @Column('text')
  rule: OutcomeRule;

  @Column('jsonb')
  options: Record<string, unknown>;

  @Column('text', { default: 'computing' })
  status: OutcomeStatus;

  @Column('jsonb', { nullable: true })
  result: StoredOutcome | null;

  @Column('text', { nullable: true })
  failure: string | null;

  /** The budget's ballots revision and phase when it was asked for: stale once either moves on. */
  @Column('integer')
  ballotsRevision: number;

  @Column('text')
  phaseAtRequest: BudgetPhase;

  @Column('uuid')
  requestedById: string;

  @Column('timestamptz', { default: () => 'now()' })
  requestedAt: Date;

  @Column('timestamptz', { nullable: true })
  computedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Column('uuid', { nullable: true })
  publishedById: string | null;
}
