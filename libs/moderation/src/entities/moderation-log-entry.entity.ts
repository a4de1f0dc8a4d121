import type { ModerationLogEntryView, ModerationOrigin, ReasonCategory } from '@polity/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A line of the public moderation log. It deliberately has no column for a person, a content id
 * or text: what is not stored cannot leak.
 */
@Entity('moderation_log_entry')
@Index('idx_moderation_log_entry_occurred', ['occurredAt', 'id'])
export class ModerationLogEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  contentKind: string;

  @Column('text')
  reason: ReasonCategory;

  @Column('text')
  action: ModerationLogEntryView['action'];

  @Column('text')
  origin: ModerationOrigin;

  @Column('text', { array: true, default: () => `'{}'` })
  rules: string[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;
}
