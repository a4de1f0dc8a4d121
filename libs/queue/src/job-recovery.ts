import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JOB_QUEUES, JobName } from '@polity/contracts';
import { InjectRedis, WorkerConfig } from '@polity/platform';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { JobQueue } from './job-queue';

const PAGE = 500;
/** Set once per Redis lifetime: a new value means Redis restarted without its memory. */
const EPOCH_KEY = 'epoch';

/**
 * PostgreSQL is the truth, Redis the transport. Every job is recorded in queued_job until its
 * handler finishes (see JobQueue); this sweep, in every worker, finds records older than
 * JOB_RECOVERY_AFTER_MS whose job Redis no longer holds, and queues them again under the same id
 * (so two workers sweeping at once still make one job). It also notices that Redis restarted empty
 * and registers the recurring jobs again. Handlers are idempotent, so a job that ran just before
 * Redis forgot it and runs once more changes nothing.
 */
@Injectable()
export class JobRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRecovery.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private epoch: string | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
    private readonly jobs: JobQueue,
    private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.max(250, Math.floor(this.config.jobRecoveryAfterMs / 3));
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'job recovery sweep failed; will try again'))
        .finally(() => (this.running = undefined));
    }, every);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: recurring jobs registered again if Redis restarted empty, lost jobs queued again. Returns when done. */
  async sweep(): Promise<{ requeued: number; cleared: number }> {
    await this.checkEpoch();
    return this.recoverLostJobs();
  }

  private async checkEpoch(): Promise<void> {
    await this.redis.set(EPOCH_KEY, randomUUID(), 'NX');
    const epoch = (await this.redis.get(EPOCH_KEY)) ?? undefined;
    if (this.epoch !== undefined && epoch !== this.epoch) {
      this.logger.warn('Redis restarted without its data: registering the recurring jobs again');
      await this.jobs.scheduleAgain();
    }
    this.epoch = epoch;
  }

  private async recoverLostJobs(): Promise<{ requeued: number; cleared: number }> {
    let requeued = 0;
    let cleared = 0;
    let after = '';
    for (;;) {
      const rows = await this.dataSource.query<{ jobId: string; name: JobName; payload: unknown }[]>(
        `SELECT job_id AS "jobId", name, payload FROM queued_job
          WHERE queued_at < now() - make_interval(secs => $1) AND job_id > $2 ORDER BY job_id LIMIT $3`,
        [this.config.jobRecoveryAfterMs / 1000, after, PAGE],
      );
      for (const row of rows) {
        if (!(row.name in JOB_QUEUES)) continue;
        const state = await this.jobs.queue(JOB_QUEUES[row.name]).getJobState(row.jobId);
        if (state === 'completed') {
          // Its handler finished, but the record's deletion did not (the database was away).
          await this.jobs.done(row.jobId);
          cleared++;
        } else if (state === 'unknown' && (await this.stillRecorded(row.jobId))) {
          await this.jobs.requeue(row.jobId, row.name, row.payload);
          requeued++;
        }
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].jobId;
    }
    if (requeued > 0) this.logger.warn({ requeued }, 'queued again the jobs Redis had lost');
    return { requeued, cleared };
  }

  /** A job finishing between the page's read and its state's read took its record with it: nothing to recover. */
  private async stillRecorded(jobId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM queued_job WHERE job_id = $1', [jobId]);
    return rows.length > 0;
  }
}
