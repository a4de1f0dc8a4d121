import { SNAPSHOT_STATUSES, type SnapshotFileView, type SnapshotStatus } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('open_data_snapshot')
@Index('idx_open_data_snapshot_published', ['finishedAt'], { where: `status = 'published'` })
@Check('chk_open_data_snapshot_status', `status IN (${sqlList(SNAPSHOT_STATUSES)})`)
export class SnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { default: 'queued' })
  status: SnapshotStatus;

  /** Null for the daily scheduled run. */
  @Column('uuid', { nullable: true })
  requestedById: string | null;

  /** Set once published: every file of the package with its size and SHA-256. */
  @Column('jsonb', { nullable: true })
  files: SnapshotFileView[] | null;

  @Column('jsonb', { nullable: true })
  zip: SnapshotFileView | null;

  @Column('text', { nullable: true })
  failure: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
