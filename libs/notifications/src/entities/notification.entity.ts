import { NOTIFICATION_KINDS, type NotificationKind } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import type { NotificationParams } from '@polity/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('notification')
// One notification per person per event, however often the fan-out job runs.
@Index('uq_notification_user_event', ['userId', 'eventId'], { unique: true })
@Index('idx_notification_inbox', ['userId', 'createdAt', 'id'])
@Index('idx_notification_unread', ['userId'], { where: 'read_at IS NULL' })
@Index('idx_notification_event_unpushed', ['eventId'], { where: 'pushed_at IS NULL' })
@Index('idx_notification_unmailed', ['userId', 'createdAt'], { where: 'emailed_at IS NULL' })
@Check('chk_notification_kind', `kind IN (${sqlList(NOTIFICATION_KINDS)})`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  /** The domain event that caused it. */
  @Column('uuid')
  eventId: string;

  @Column('text')
  kind: NotificationKind;

  @Column('text', { nullable: true })
  resourceKind: string | null;

  @Column('uuid', { nullable: true })
  resourceId: string | null;

  /** The title of what it is about, for grouping digests. */
  @Column('text', { nullable: true })
  resourceTitle: string | null;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  /** What the words are made of, to write them in the reader's language (see notification-texts). */
  @Column('jsonb', { default: {} })
  params: NotificationParams;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  /** Pushed to the person's room; a retried fan-out pushes only what is still unpushed. */
  @Column('timestamptz', { nullable: true })
  pushedAt: Date | null;

  /** Mailed at once or in a digest; never mailed twice. */
  @Column('timestamptz', { nullable: true })
  emailedAt: Date | null;
}
