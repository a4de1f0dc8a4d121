import type { ContentState, ModerationOrigin, RuleHitView } from '@polity/contracts';

export type HoldCause = 'premoderation' | 'screening' | 'reports';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * Moderation's record of one piece of content: its state (mirroring the feature's own column),
 * whether it waits in the queue and why, the latest screening, and who has claimed it.
 */
@Entity('moderation_item')
@Unique('uq_moderation_item_content', ['kind', 'contentId'])
@Check('chk_moderation_item_held_by', `held_by IN ('premoderation', 'screening', 'reports')`)
@Index('idx_moderation_item_queue', ['queuedAt', 'id'], { where: 'open' })
@Index('idx_moderation_item_author', ['authorId'])
export class ModerationItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: string;

  @Column('uuid')
  contentId: string;

  @Column('uuid')
  authorId: string;

  @Column('text', { default: 'visible' })
  state: ContentState;

  /** Waiting for a moderator (or, after an appeal, for a second one). */
  @Column('boolean', { default: false })
  open: boolean;

  /** What put it in the queue last. */
  @Column('text', { nullable: true })
  origin: ModerationOrigin | null;

  /**
   * Why the content is held, while it is: pre-moderation and screening holds are lifted by a clean
   * screening; a hold by reports only by a moderator's decision, whatever the author edits.
   */
  @Column('text', { nullable: true })
  heldBy: HoldCause | null;

  @Column({ type: 'timestamptz', nullable: true, precision: 3 })
  queuedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('real', { nullable: true })
  screeningScore: number | null;

  @Column('jsonb', { nullable: true })
  screeningHits: RuleHitView[] | null;

  @Column('timestamptz', { nullable: true })
  screenedAt: Date | null;

  /** Distinct people with an open report on it. */
  @Column('integer', { default: 0 })
  reportCount: number;

  @Column('uuid', { nullable: true })
  claimedById: string | null;

  @Column('timestamptz', { nullable: true })
  claimedUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
