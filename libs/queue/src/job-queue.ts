import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JOB_QUEUES, JobName, JobPayloads, QueueName } from '@polity/contracts';
import { RedisConnections } from '@polity/platform';
import { DefaultJobOptions, Job, Queue } from 'bullmq';

/** Retried with backoff, kept for a while for inspection, never piling up forever. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
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

/** Typed producer for every queue: `enqueue('account.sync-sessions', payload)`. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly connections: RedisConnections) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connections.open({ maxRetriesPerRequest: 3 }),
        prefix: this.connections.prefix('bull'),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<J extends JobName>(name: J, payload: JobPayloads[J], options: EnqueueOptions = {}): Promise<Job> {
    return this.queue(JOB_QUEUES[name]).add(name, payload, options);
  }

  /**
   * Runs a job on a schedule (`every` milliseconds, or a cron `pattern`). The BullMQ job scheduler
   * lives in Redis under its id, so however many workers register it, it runs once per period, and
   * a restart neither loses nor duplicates it.
   */
  async schedule<J extends JobName>(
    schedulerId: string,
    name: J,
    repeat: { every: number } | { pattern: string; tz: string },
    payload: JobPayloads[J],
  ): Promise<void> {
    await this.queue(JOB_QUEUES[name]).upsertJobScheduler(schedulerId, repeat, { name, data: payload });
  }

  /** Adds many jobs in one round trip per queue. */
  async enqueueMany<J extends JobName>(jobs: readonly { name: J; payload: JobPayloads[J]; options?: EnqueueOptions }[]): Promise<void> {
    const byQueue = new Map<QueueName, { name: J; data: JobPayloads[J]; opts?: EnqueueOptions }[]>();
    for (const job of jobs) {
      const queue = JOB_QUEUES[job.name];
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), { name: job.name, data: job.payload, opts: job.options }]);
    }
    await Promise.all([...byQueue].map(([queue, batch]) => this.queue(queue).addBulk(batch)));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
  }
}
