import { Injectable } from '@nestjs/common';
import { roomName } from '@polity/contracts';
import { type DiscussableResource, isUuid, type Principal, DiscussionOf, type Transaction } from '@polity/platform';
import { type RoomPolicy, RoomPolicyFor } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { assertVisible } from '../surveys/survey-access';

/** `surveys:<id>`: whoever may see the survey. Results reach it only while they are public. */
@RoomPolicyFor('surveys')
@Injectable()
export class SurveyRoomPolicy implements RoomPolicy {
  constructor(private readonly dataSource: DataSource) {}

  async canJoin(principal: Principal | undefined, id: string | undefined): Promise<boolean> {
    if (!isUuid(id)) return false;
    try {
      assertVisible(await this.dataSource.manager.findOneBy(SurveyEntity, { id }), principal);
      return true;
    } catch {
      return false;
    }
  }
}

/** Surveys can be followed, commented on and linked from agenda items and threads, by whoever may see them. */
@DiscussionOf('surveys')
@Injectable()
export class SurveyDiscussion implements DiscussableResource {
  constructor(private readonly dataSource: DataSource) {}

  async roomFor(id: string, principal: Principal | undefined): Promise<string | null> {
    try {
      assertVisible(await this.dataSource.manager.findOneBy(SurveyEntity, { id }), principal);
      return roomName('surveys', id);
    } catch {
      return null;
    }
  }

  async assertOpenForContribution(tx: Transaction, id: string, principal: Principal): Promise<void> {
    assertVisible(await tx.manager.findOneBy(SurveyEntity, { id }), principal);
  }

  async titleOf(id: string): Promise<string | null> {
    const survey = await this.dataSource.manager.findOneBy(SurveyEntity, { id });
    try {
      assertVisible(survey, undefined);
      return survey.title;
    } catch {
      return null;
    }
  }
}
