import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '@polity/contracts';
import { WorkerConfig } from '@polity/platform';
import { JobQueue } from './job-queue';

/**
 * Registers the worker's recurring jobs. BullMQ job schedulers live in Redis, so with several
 * workers the job still runs once per period, and a restart neither loses nor duplicates it.
 */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .queue(QueueName.Maintenance)
      .upsertJobScheduler(
        'prune-outbox',
        { every: 3600_000 },
        { name: 'maintenance.prune-outbox', data: { olderThanDays: this.config.outboxRetentionDays } },
      );
  }
}
