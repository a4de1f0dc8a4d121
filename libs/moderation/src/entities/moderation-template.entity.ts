import type { ReasonCategory } from '@polity/contracts';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A reusable statement of reasons, edited by moderators, that a decision starts from. */
@Entity('moderation_template')
export class ModerationTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  key: string;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('text')
  reason: ReasonCategory;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
