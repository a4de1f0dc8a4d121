import { Injectable } from '@nestjs/common';
import type { QueueName } from '@polity/contracts';
import { decodeCursor, encodeCursor, type Page, type Principal, Problems, recordAudit, UnitOfWork } from '@polity/platform';
import type { Job } from 'bullmq';
import { JobQueue } from './job-queue';

export const INSPECTABLE_STATES = ['failed', 'delayed', 'waiting', 'active', 'completed'] as const;
export type InspectableState = (typeof INSPECTABLE_STATES)[number];

export interface JobView {
  id: string | undefined;
  name: string;
  queue: string;
  attemptsMade: number;
  failedReason: string | undefined;
  createdAt: string;
  finishedAt: string | null;
  data: unknown;
}

const present = (queue: QueueName, job: Job): JobView => ({
  id: job.id,
  name: job.name,
  queue,
  attemptsMade: job.attemptsMade,
  failedReason: job.failedReason,
  createdAt: new Date(job.timestamp).toISOString(),
  finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  // Job payloads carry ids and public facts only (see contracts), so admins may see them.
  data: job.data,
});

/** The admins' view of the queues: jobs by state, and retrying a failed one (audited). */
@Injectable()
export class AdminJobs {
  constructor(
    private readonly jobs: JobQueue,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async list(queue: QueueName, state: InspectableState, limit: number, cursor: string | undefined): Promise<Page<JobView>> {
    const [offset] = (decodeCursor(cursor, ['int']) ?? [0]) as [number];
    if (offset < 0) throw Problems.badRequest('invalid_cursor', 'The cursor is not one this endpoint issued; start again without it.');
    const found = await this.jobs.queue(queue).getJobs([state], offset, offset + limit);
    const served = found.slice(0, limit);
    return {
      items: served.map((job) => present(queue, job)),
      nextCursor: found.length > limit ? encodeCursor([offset + limit]) : null,
    };
  }

  /** How many jobs each state holds in a queue. */
  counts(queue: QueueName): Promise<Record<string, number>> {
    return this.jobs.queue(queue).getJobCounts(...INSPECTABLE_STATES);
  }

  async retry(principal: Principal, queue: QueueName, id: string): Promise<JobView> {
    const job = await this.jobs.queue(queue).getJob(id);
    if (!job) throw Problems.notFound('That job');
    if (!(await job.isFailed())) throw Problems.conflict('job_not_failed', 'Only failed jobs can be retried.');
    // The audit row commits only if the retry went through.
    await this.unitOfWork.run(async (tx) => {
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'job.retried',
        target: { kind: 'job', id: `${queue}:${id}` },
        before: { attemptsMade: job.attemptsMade },
      });
      await job.retry('failed');
    });
    return present(queue, job);
  }
}
