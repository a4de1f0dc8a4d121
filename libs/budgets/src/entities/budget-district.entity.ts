import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BudgetEntity } from './budget.entity';
import { wholeAmount } from './whole-amount.transformer';

/** A district's own pot within a budget: its projects compete for this amount only. */
@Entity('budget_district')
@Check('chk_budget_district_amount', 'amount > 0')
export class BudgetDistrictEntity {
  @PrimaryColumn('uuid')
  budgetId: string;

  @ManyToOne(() => BudgetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id' })
  budget?: BudgetEntity;

  @PrimaryColumn('text')
  district: string;

  @Column('bigint', { transformer: wholeAmount })
  amount: number;
}
