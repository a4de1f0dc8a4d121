import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BudgetBallotEntity } from './budget-ballot.entity';
import { BudgetProjectEntity } from './budget-project.entity';

/** One project on a ballot, with its points (1 for an approval) and its place in a ranking. */
@Entity('budget_ballot_choice')
@Index('idx_budget_ballot_choice_project', ['projectId'])
@Check('chk_budget_ballot_choice_points', 'points > 0')
export class BudgetBallotChoiceEntity {
  @PrimaryColumn('uuid')
  ballotId: string;

  @ManyToOne(() => BudgetBallotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id' })
  ballot?: BudgetBallotEntity;

  @PrimaryColumn('uuid')
  projectId: string;

  @ManyToOne(() => BudgetProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: BudgetProjectEntity;

  @Column('integer')
  points: number;

  @Column('smallint', { nullable: true })
  rank: number | null;
}
