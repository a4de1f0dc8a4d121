import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { JOB_QUEUES, JobName, QueueName } from '@polity/contracts';
import { RedisConnections, unavailableDependency, WorkerConfig } from '@polity/platform';
import { DelayedError, Job, Worker } from 'bullmq';
import { HandlesJob } from './handles-job.decorator';
import { JobQueue } from './job-queue';

/** How long a job waits when PostgreSQL did not answer, before it runs again. */
const OUTAGE_RETRY_MS = 2000;

type Handler = (payload: unknown, job: Job) => Promise<unknown>;

/** Raised at boot when the catalogue names a job no processor handles, or one job has two handlers. */
export class JobHandlerCatalogueError extends Error {
  override readonly name = 'JobHandlerCatalogueError';
}

/**
 * Finds every @HandlesJob method, refuses to boot unless each job in the catalogue has exactly one,
 * and runs one BullMQ worker per queue that dispatches by job name. On shutdown it stops taking
 * jobs and waits for the running ones to finish.
 */
@Injectable()
export class JobWorkers implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly handlers = new Map<JobName, Handler>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly connections: RedisConnections,
    private readonly config: WorkerConfig,
    private readonly jobs: JobQueue,
  ) {}

  /** Checked at module init, before any bootstrap hook opens a connection or starts a timer. */
  onModuleInit(): void {
    this.discoverHandlers();
    const missing = (Object.keys(JOB_QUEUES) as JobName[]).filter((name) => !this.handlers.has(name));
    if (missing.length > 0) throw new JobHandlerCatalogueError(`No handler for job(s): ${missing.join(', ')}`);
  }

  onApplicationBootstrap(): void {
    for (const queue of new Set(Object.values(JOB_QUEUES))) this.workers.push(this.startWorker(queue));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
  }

  private discoverHandlers(): void {
    this.handlers.clear();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const job = this.discovery.getMetadataByDecorator(HandlesJob, wrapper, method);
        if (!job) continue;
        if (this.handlers.has(job)) throw new JobHandlerCatalogueError(`Job ${job} has more than one handler`);
        this.handlers.set(job, (instance as Record<string, Handler>)[method].bind(instance));
      }
    }
  }

  private startWorker(queue: QueueName): Worker {
    const worker = new Worker(
      queue,
      async (job: Job, token?: string) => {
        const handler = this.handlers.get(job.name as JobName);
        if (!handler) throw new Error(`No handler for job ${job.name}`);
        try {
          const result = await handler(job.data, job);
          // Recurring runs were never recorded; every other job's record goes once its work is done.
          if (!job.repeatJobKey && job.id) await this.jobs.done(job.id);
          return result;
        } catch (error) {
          // PostgreSQL away (restarting): the job waits and runs again, without spending an attempt,
          // so an outage longer than the retries' backoff fails nothing.
          if (unavailableDependency(error) !== 'database') throw error;
          this.logger.warn({ queue, job: job.name, jobId: job.id }, 'database unavailable; the job waits and runs again');
          await job.moveToDelayed(Date.now() + OUTAGE_RETRY_MS, token);
          throw new DelayedError();
        }
      },
      {
        connection: this.connections.open({ maxRetriesPerRequest: null }),
        prefix: this.connections.prefix('bull'),
        concurrency: this.config.concurrency,
        // A job whose worker died is taken over once its lock lapses; the check runs as often.
        lockDuration: this.config.jobLockMs,
        stalledInterval: this.config.jobLockMs,
        // A job whose worker was killed is taken over; a few kills in a row must not fail it (handlers are idempotent).
        maxStalledCount: 10,
      },
    );
    worker.on('failed', (job, error) => {
      this.logger.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error }, 'job failed');
    });
    worker.on('error', (error) => this.logger.error({ queue, err: error }, 'worker error'));
    return worker;
  }
}
