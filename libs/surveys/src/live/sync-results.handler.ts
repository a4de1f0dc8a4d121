import { Injectable } from '@nestjs/common';
import { type JobPayloads, roomName } from '@polity/contracts';
import { HandlesJob } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { SurveyResults } from '../results/survey-results';
import { resultsArePublic } from '../surveys/survey-access';

/**
 * Runs at most once a second per survey (see JOB_COALESCING) and pushes the whole results to its
 * room, only while they are public. Reading fresh makes it safe to run twice or late.
 */
@Injectable()
export class SyncResultsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly results: SurveyResults,
    private readonly broadcaster: Broadcaster,
  ) {}

  @HandlesJob('surveys.sync-results')
  async sync(event: JobPayloads['surveys.sync-results']): Promise<{ pushed: boolean }> {
    const survey = await this.dataSource.manager.findOneBy(SurveyEntity, { id: event.payload.surveyId });
    if (!survey || !resultsArePublic(survey)) return { pushed: false };
    await this.broadcaster.toRoom(roomName('surveys', survey.id), 'survey.results', await this.results.forPublic(survey));
    return { pushed: true };
  }
}
