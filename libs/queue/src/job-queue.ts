import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JOB_QUEUES, JobName, JobPayloads, QueueName } from '@polity/contracts';
import { RedisConnections } from '@polity/platform';
import { DefaultJobOptions, Job, Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Retried with backoff, kept for a while for inspection, never piling up forever. Of completed jobs
 * only the last hundred per queue stay (the admins' "recently completed"): the soak run showed the
 * 5,000 kept before (payloads and results) growing Redis's memory for a quarter of an hour under
 * steady load, and what matters about a job, its effect and its record, is in PostgreSQL. Failed
 * jobs stay two weeks, to be explained and retried.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 100 },
  removeOnFail: { age: 14 * 24 * 3600, count: 20000 },
};

export interface EnqueueOptions {
  /** Same id, same job: BullMQ ignores a second add while the first is still stored. */
  jobId?: string;
  delay?: number;
  priority?: number;
  /** Overrides the default retry count, e.g. 1 for a job that must not repeat. */
  attempts?: number;
  removeOnComplete?: boolean;
}

export interface JobToQueue<J extends JobName = JobName> {
  name: J;
  payload: JobPayloads[J];
  options?: EnqueueOptions;
}

/**
 * Typed producer for every queue: `enqueue('account.sync-sessions', payload)`. Every job is recorded
 * in PostgreSQL (queued_job) before it goes to Redis, and stays recorded until its handler has
 * finished, so a Redis that restarts empty cannot lose it: JobRecovery queues it again.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues = new Map<QueueName, Queue>();
  /** The recurring jobs this process registered, to register again after Redis lost them. */
  private readonly schedules = new Map<string, () => Promise<unknown>>();

  constructor(
    private readonly connections: RedisConnections,
    private readonly dataSource: DataSource,
  ) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connections.open({ maxRetriesPerRequest: 3 }),
        prefix: this.connections.prefix('bull'),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
        // Nothing reads the events stream beyond the last few (BullMQ keeps 10,000 by default).
        streams: { events: { maxLen: 1000 } },
      });
      // Redis away: adding fails and says so to its caller; the connection's own errors are only noted.
      queue.on('error', (error) => this.logger.warn({ queue: name, reason: error.message }, 'queue connection error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Records the job (in `manager`'s transaction when given) and adds it to its queue. Jobs without an
   * id get one, so their record can name them.
   */
  async enqueue<J extends JobName>(name: J, payload: JobPayloads[J], options: EnqueueOptions = {}, manager?: EntityManager): Promise<Job> {
    const jobId = options.jobId ?? `${name}-${randomUUID()}`;
    await this.record([{ name, payload, options: { ...options, jobId } }], manager);
    return this.queue(JOB_QUEUES[name]).add(name, payload, { ...options, jobId });
  }

  /** Records many jobs in one statement and adds them in one round trip per queue. */
  async enqueueMany<J extends JobName>(jobs: readonly JobToQueue<J>[], manager?: EntityManager): Promise<void> {
    const named = jobs.map((job) => ({ ...job, options: { ...job.options, jobId: job.options?.jobId ?? `${job.name}-${randomUUID()}` } }));
    await this.record(named, manager);
    await this.add(named);
  }

  /**
   * Records jobs (in `manager`'s transaction when given) without queueing them: for jobs whose work
   * reads rows that transaction writes, queued with `add` once it has committed. Each needs its id.
   */
  async record(jobs: readonly JobToQueue[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (jobs.length === 0) return;
    await manager.query(
      `INSERT INTO queued_job (job_id, name, payload)
       SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[]) ON CONFLICT (job_id) DO NOTHING`,
      [jobs.map((job) => job.options?.jobId), jobs.map((job) => job.name), jobs.map((job) => JSON.stringify(job.payload))],
    );
  }

  /** Adds recorded jobs to their queues, in one round trip per queue. */
  async add<J extends JobName>(jobs: readonly JobToQueue<J>[]): Promise<void> {
    const byQueue = new Map<QueueName, { name: J; data: JobPayloads[J]; opts?: EnqueueOptions }[]>();
    for (const job of jobs) {
      const queue = JOB_QUEUES[job.name];
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), { name: job.name, data: job.payload, opts: job.options }]);
    }
    await Promise.all([...byQueue].map(([queue, batch]) => this.queue(queue).addBulk(batch)));
  }

  /** Adds a recorded job to its queue again, as it was first queued but without delay (its record stays as it is). */
  async requeue(jobId: string, name: JobName, payload: unknown): Promise<void> {
    await this.queue(JOB_QUEUES[name]).add(name, payload, { jobId });
  }

  /** The job is done: its record goes. */
  async done(jobId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM queued_job WHERE job_id = $1', [jobId]);
  }

  /**
   * Runs a job on a schedule (`every` milliseconds, or a cron `pattern`). The BullMQ job scheduler
   * lives in Redis under its id, so however many workers register it, it runs once per period, and
   * a restart neither loses nor duplicates it. Redis losing its memory loses it: `scheduleAgain`.
   */
  async schedule<J extends JobName>(
    schedulerId: string,
    name: J,
    repeat: { every: number } | { pattern: string; tz: string },
    payload: JobPayloads[J],
  ): Promise<void> {
    const register = () => this.queue(JOB_QUEUES[name]).upsertJobScheduler(schedulerId, repeat, { name, data: payload });
    this.schedules.set(schedulerId, register);
    await register();
  }

  /** Registers again every recurring job this process registered (after Redis restarted empty). */
  async scheduleAgain(): Promise<void> {
    for (const register of this.schedules.values()) await register();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
  }
}
