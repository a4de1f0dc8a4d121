import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A job handed to Redis and not yet done. Redis may restart with empty memory; this row is how the
 * worker knows the job still has to run, and with what, so it can queue it again (see JobRecovery).
 * The worker deletes the row when the job's handler has finished.
 */
@Entity('queued_job')
@Index('idx_queued_job_queued_at', ['queuedAt'])
export class QueuedJobEntity {
  /** BullMQ's job id: the same id queued again is the same job. */
  @PrimaryColumn('text')
  jobId: string;

  @Column('text')
  name: string;

  @Column('jsonb')
  payload: object;

  @CreateDateColumn({ type: 'timestamptz' })
  queuedAt: Date;
}
