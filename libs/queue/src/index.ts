export * from './job-queue';
export * from './handles-job.decorator';
export * from './job-workers';
export * from './outbox-relay';
export * from './queue.module';
export * from './admin-jobs';
export * from './job-recovery';
