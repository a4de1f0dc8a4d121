import type { AppealOutcome, ContentState, ModerationAction, ReasonCategory } from '@polity/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A moderator's decision on an item, with the statement of reasons the author is given. */
@Entity('moderation_decision')
@Index('idx_moderation_decision_item', ['itemId', 'createdAt'])
// One answer per appeal, whatever races to give it.
@Index('uq_moderation_decision_appeal', ['appealId'], { unique: true, where: 'appeal_id IS NOT NULL' })
export class ModerationDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  itemId: string;

  @Column('uuid')
  moderatorId: string;

  @Column('text')
  action: ModerationAction | AppealOutcome;

  @Column('text')
  reason: ReasonCategory;

  @Column('text')
  statement: string;

  @Column('text')
  stateBefore: ContentState;

  @Column('text')
  stateAfter: ContentState;

  /** Set on a decision that answers an appeal; such decisions are final. */
  @Column('uuid', { nullable: true })
  appealId: string | null;

  /** The block a `block` decision imposed, lifted if an appeal overturns the decision. */
  @Column('uuid', { nullable: true })
  blockId: string | null;

  /** When the item first entered the queue for this decision, for the median time to decision. */
  @Column('timestamptz', { nullable: true })
  queuedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
