import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BudgetEntity } from './budget.entity';

/**
 * A ballot: a resident's own (voterId), or a paper ballot counted offline (reference, never a
 * person). `slot` makes one ballot per person per budget, or per district when residents vote in
 * every district: the unique index (budget, voter, slot) is the rule.
 */
@Entity('budget_ballot')
@Index('uq_budget_ballot_voter', ['budgetId', 'voterId', 'slot'], { unique: true, where: 'voter_id IS NOT NULL' })
@Index('uq_budget_ballot_reference', ['budgetId', 'reference'], { unique: true, where: 'reference IS NOT NULL' })
@Index('idx_budget_ballot_voter', ['voterId'])
@Index('idx_budget_ballot_budget', ['budgetId', 'district'])
@Check('chk_budget_ballot_paper', 'NOT paper OR reference IS NOT NULL')
export class BudgetBallotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  budgetId: string;

  @ManyToOne(() => BudgetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id' })
  budget?: BudgetEntity;

  /** Null for paper ballots, and for online ballots whose voter erased their account. */
  @Column('uuid', { nullable: true })
  voterId: string | null;

  @Column('boolean', { default: false })
  paper: boolean;

  @Column('text', { nullable: true })
  reference: string | null;

  @Column('text', { nullable: true })
  district: string | null;

  @Column('text', { default: '' })
  slot: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
