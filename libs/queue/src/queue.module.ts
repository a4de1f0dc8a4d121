import { Module } from '@nestjs/common';
import { AdminJobsController } from './admin-jobs.controller';
import { JobQueue } from './job-queue';
import { JobRecovery } from './job-recovery';
import { JobWorkers } from './job-workers';
import { MaintenanceSchedule } from './maintenance-schedule';
import { OutboxRelay } from './outbox-relay';
import { PruneOutboxHandler } from './prune-outbox.handler';
import { AdminJobs } from './admin-jobs';

/** Producing jobs; any process may import it. */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class QueueModule {}

/** The admins' view of the queues: the service the console pages use too. */
@Module({ imports: [QueueModule], providers: [AdminJobs], exports: [AdminJobs] })
export class QueueInspectionModule {}

/** The admins' view of the queues, served by the api. */
@Module({ imports: [QueueInspectionModule], controllers: [AdminJobsController] })
export class QueueAdminModule {}

/** Consuming jobs: the worker's processors, the outbox relay and the recurring maintenance. */
@Module({
  imports: [QueueModule],
  providers: [JobWorkers, OutboxRelay, JobRecovery, PruneOutboxHandler, MaintenanceSchedule],
  exports: [OutboxRelay, JobRecovery],
})
export class WorkerHostModule {}
