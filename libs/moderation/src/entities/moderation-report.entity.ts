import { REPORT_REASONS, type ReportReason } from '@polity/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One person's report on one item; a second report by the same person is refused by the key. */
@Entity('moderation_report')
@Unique('uq_moderation_report_reporter', ['itemId', 'reporterId'])
@Index('idx_moderation_report_reporter', ['reporterId'])
@Check('chk_moderation_report_reason', `reason IN (${REPORT_REASONS.map((reason) => `'${reason}'`).join(', ')})`)
export class ModerationReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  itemId: string;

  @Column('uuid')
  reporterId: string;

  @Column('text')
  reason: ReportReason;

  @Column('text', { nullable: true })
  note: string | null;

  /** Set when a moderator decided on the item or dismissed its reports. */
  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
