import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An author barred from contributing, until a date or for good, until lifted. */
@Entity('moderation_block')
@Index('idx_moderation_block_user', ['userId'], { where: 'lifted_at IS NULL' })
export class ModerationBlockEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('text')
  reason: string;

  /** Null: permanent. */
  @Column('timestamptz', { nullable: true })
  until: Date | null;

  @Column('uuid')
  blockedById: string;

  @Column('timestamptz', { nullable: true })
  liftedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
