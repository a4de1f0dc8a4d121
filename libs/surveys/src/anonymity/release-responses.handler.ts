import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { JobPayloads } from '@polity/contracts';
import { HandlesJob, JobQueue } from '@polity/queue';
import { AnonymousResponses } from './anonymous-responses';

/** Runs releases: after responses arrive (coalesced per survey), and every minute for surveys that closed. */
@Injectable()
export class ReleaseResponsesHandler implements OnApplicationBootstrap {
  constructor(
    private readonly anonymous: AnonymousResponses,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('release-closed', 'surveys.release-closed', { every: 60_000 }, {});
  }

  @HandlesJob('surveys.release-responses')
  async release(event: JobPayloads['surveys.release-responses']): Promise<{ released: number }> {
    return { released: await this.anonymous.release(event.payload.surveyId) };
  }

  @HandlesJob('surveys.release-closed')
  async releaseClosed(): Promise<{ released: number }> {
    let released = 0;
    for (const surveyId of await this.anonymous.closedWithPending()) released += await this.anonymous.release(surveyId);
    return { released };
  }
}
