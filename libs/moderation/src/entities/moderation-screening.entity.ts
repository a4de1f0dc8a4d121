import type { RuleHitView } from '@polity/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One screening verdict. `submissionId` is the id of the event that asked for it, unique, so a job
 * delivered twice stores one verdict. The fingerprint and author serve the repeat and rate rules.
 */
@Entity('moderation_screening')
@Index('idx_moderation_screening_author', ['authorId', 'createdAt'])
@Index('idx_moderation_screening_fingerprint', ['fingerprint', 'createdAt'])
export class ModerationScreeningEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { unique: true })
  submissionId: string;

  @Column('uuid')
  itemId: string;

  @Column('uuid')
  authorId: string;

  @Column('text')
  fingerprint: string;

  @Column('real')
  score: number;

  @Column('jsonb')
  hits: RuleHitView[];

  @Column('boolean')
  flagged: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
