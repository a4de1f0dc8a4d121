import { CONTENT_STATES, type ContentState, FEASIBILITIES, type Feasibility } from '@polity/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlList } from '@polity/platform';
import { BudgetEntity } from './budget.entity';
import { wholeAmount } from './whole-amount.transformer';

/** A project residents can vote for once officials have found it feasible. */
@Entity('budget_project')
@Index('idx_budget_project_budget', ['budgetId', 'createdAt'])
@Index('uq_budget_project_external', ['budgetId', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
@Index('uq_budget_project_proposal', ['budgetId', 'sourceProposalId'], { unique: true, where: 'source_proposal_id IS NOT NULL' })
@Check('chk_budget_project_cost', 'cost > 0')
@Check('chk_budget_project_feasibility', `feasibility IN (${FEASIBILITIES.map((f) => `'${f}'`).join(', ')})`)
@Check('chk_budget_project_moderation_state', `moderation_state IN (${sqlList(CONTENT_STATES)})`)
@Check('chk_budget_project_reason', `feasibility <> 'unfeasible' OR unfeasible_reason IS NOT NULL`)
export class BudgetProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  budgetId: string;

  @ManyToOne(() => BudgetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id' })
  budget?: BudgetEntity;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('bigint', { transformer: wholeAmount })
  cost: number;

  @Column('text', { nullable: true })
  district: string | null;

  @Column('text', { nullable: true })
  category: string | null;

  @Column('text', { default: 'pending' })
  feasibility: Feasibility;

  @Column('text', { nullable: true })
  unfeasibleReason: string | null;

  @Column('uuid', { nullable: true })
  reviewedById: string | null;

  @Column('timestamptz', { nullable: true })
  reviewedAt: Date | null;

  /** The resident who suggested it during `proposing`; null for projects officials entered. */
  @Column('uuid', { nullable: true })
  suggestedById: string | null;

  /** Residents' suggestions are screened like any citizen text; officials' projects stay visible. */
  @Column('text', { default: 'visible' })
  moderationState: ContentState;

  @Column('uuid', { nullable: true })
  sourceProposalId: string | null;

  @Column('text', { nullable: true })
  externalId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
