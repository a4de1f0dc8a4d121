import { THREAD_STATUSES, type ThreadStatus } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A co-design thread about one public service, moved through its stages by its facilitators. */
@Entity('codesign_thread')
@Index('idx_codesign_thread_created', ['createdAt', 'id'])
@Check('chk_codesign_thread_status', `status IN (${sqlList(THREAD_STATUSES)})`)
@Check('chk_codesign_thread_current_stage', 'current_stage = ANY (stages)')
@Check('chk_codesign_thread_facilitators', 'cardinality(facilitator_ids) > 0')
export class ThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text')
  serviceName: string;

  @Column('text')
  department: string;

  @Column('text')
  description: string;

  @Column('text', { array: true })
  stages: string[];

  @Column('text')
  currentStage: string;

  @Column('text', { default: 'open' })
  status: ThreadStatus;

  /** Officials who run the thread: they move stages, pin and mark posts, and their posts are marked official. */
  @Column('uuid', { array: true })
  facilitatorIds: string[];

  /** Visible top-level posts and replies; serves the list. */
  @Column('integer', { default: 0 })
  postCount: number;

  @Column('uuid')
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
