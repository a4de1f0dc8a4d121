import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BudgetProjectEntity } from './budget-project.entity';
import { wholeAmount } from './whole-amount.transformer';

/** Shards per project: concurrent ballots update different rows instead of queueing on one. */
export const TALLY_SHARDS = 16;

/**
 * A project's running totals split over shards, changed by the ballot's own transaction so the
 * sums always equal the ballots. One shard may go negative; only the sums mean anything.
 */
@Entity('budget_tally')
@Index('idx_budget_tally_budget', ['budgetId'])
export class BudgetTallyEntity {
  @PrimaryColumn('uuid')
  projectId: string;

  @ManyToOne(() => BudgetProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: BudgetProjectEntity;

  @PrimaryColumn('smallint')
  shard: number;

  @Column('uuid')
  budgetId: string;

  @Column('integer')
  votes: number;

  @Column('bigint', { transformer: wholeAmount })
  points: number;
}
