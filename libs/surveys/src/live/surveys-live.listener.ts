import { Injectable } from '@nestjs/common';
import { type DomainEvent, roomName } from '@polity/contracts';
import { OnDomainEvent } from '@polity/platform';
import { Broadcaster } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { presentSurvey } from '../surveys/survey-presenter';

/** Pushes committed survey changes to its room, and to the list once published. Drafts stay private. */
@Injectable()
export class SurveysLiveListener {
  constructor(
    private readonly dataSource: DataSource,
    private readonly broadcaster: Broadcaster,
  ) {}

  @OnDomainEvent(['survey.created', 'survey.updated'])
  async surveyChanged(event: DomainEvent<'survey.created' | 'survey.updated'>): Promise<void> {
    const survey = await this.dataSource.manager.findOneBy(SurveyEntity, { id: event.payload.surveyId });
    if (!survey) return;
    const view = presentSurvey(survey);
    await this.broadcaster.toRoom(roomName('surveys', survey.id), 'survey.updated', view);
    if (survey.publishedAt !== null && survey.audience === 'everyone') await this.broadcaster.toRoom('surveys', 'survey.updated', view);
  }
}
