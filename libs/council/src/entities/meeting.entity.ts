import { MEETING_STATUSES, type MeetingStatus, STREAM_PROVIDERS, type StreamProvider } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('council_meeting')
@Index('idx_council_meeting_scheduled', ['scheduledAt', 'id'])
@Check('chk_council_meeting_status', `status IN (${sqlList(MEETING_STATUSES)})`)
@Check('chk_council_meeting_stream_provider', `stream_provider IN (${sqlList(STREAM_PROVIDERS)})`)
@Check(
  'chk_council_meeting_stream',
  '(stream_url IS NULL) = (stream_provider IS NULL) AND (stream_url IS NULL) = (stream_embed_url IS NULL)',
)
@Check('chk_council_meeting_ends', 'ends_at IS NULL OR ends_at > scheduled_at')
@Check('chk_council_meeting_cancellation', "(status = 'cancelled') = (cancellation_reason IS NOT NULL)")
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The deciding body: `City council`, `Mobility committee`… */
  @Column('text')
  body: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  place: string;

  @Column({ type: 'timestamptz', precision: 3 })
  scheduledAt: Date;

  @Column('timestamptz', { nullable: true })
  endsAt: Date | null;

  @Column('text', { default: 'scheduled' })
  status: MeetingStatus;

  @Column('text', { nullable: true })
  streamProvider: StreamProvider | null;

  @Column('text', { nullable: true })
  streamUrl: string | null;

  /** Built by Polity from the recognised video id, never copied from input. */
  @Column('text', { nullable: true })
  streamEmbedUrl: string | null;

  @Column('text', { nullable: true })
  recordingUrl: string | null;

  /** Markdown. */
  @Column('text', { nullable: true })
  minutes: string | null;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @Column('text', { nullable: true })
  cancellationReason: string | null;

  @Column('uuid', { nullable: true })
  currentItemId: string | null;

  @Column('uuid')
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
