import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HandlesJob, JobQueue } from '@polity/queue';
import { AttemptLimiter } from './attempt-limiter';

/** Hourly, in the worker: attempt windows that ended are deleted. */
@Injectable()
export class PruneAttemptsHandler implements OnApplicationBootstrap {
  constructor(
    private readonly attempts: AttemptLimiter,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('prune-attempts', 'account.prune-attempts', { every: 3600_000 }, {});
  }

  @HandlesJob('account.prune-attempts')
  async prune(): Promise<{ deleted: number }> {
    return { deleted: await this.attempts.prune() };
  }
}
