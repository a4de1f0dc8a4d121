import type { AppealOutcome } from '@polity/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The author's one appeal against one decision. */
@Entity('moderation_appeal')
export class ModerationAppealEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { unique: true })
  decisionId: string;

  @Column('uuid')
  itemId: string;

  @Column('uuid')
  authorId: string;

  @Column('text', { nullable: true })
  statement: string | null;

  @Column('text', { nullable: true })
  outcome: AppealOutcome | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
