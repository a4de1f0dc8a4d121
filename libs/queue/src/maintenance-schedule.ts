import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { WorkerConfig } from '@polity/platform';
import { JobQueue } from './job-queue';

/** Registers the outbox's recurring clean-up (features register their own recurring jobs beside their handlers). */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(
      'prune-outbox',
      'maintenance.prune-outbox',
      { every: 3600_000 },
      { olderThanDays: this.config.outboxRetentionDays },
    );
  }
}
