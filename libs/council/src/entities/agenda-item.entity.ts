import { AGENDA_ITEM_STATUSES, type AgendaItemStatus } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('council_agenda_item')
@Index('idx_council_agenda_item_meeting', ['meetingId', 'position'])
// At most one item under discussion per meeting, whatever the clerk's browser sends.
@Index('uq_council_agenda_item_open', ['meetingId'], { unique: true, where: `status = 'open'` })
@Check('chk_council_agenda_item_status', `status IN (${sqlList(AGENDA_ITEM_STATUSES)})`)
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  meetingId: string;

  /** 1-based order on the agenda. */
  @Column('integer')
  position: number;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text', { default: 'pending' })
  status: AgendaItemStatus;

  @Column('timestamptz', { nullable: true })
  openedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;
}
