import { Injectable } from '@nestjs/common';
import { isUuid, type Principal } from '@polity/platform';
import { type RoomPolicy, RoomPolicyFor } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { assertVisible } from '../surveys/survey-access';

/** `survey:<id>`: whoever may see the survey. Results reach it only while they are public. */
@RoomPolicyFor('survey')
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

/** `surveys`: the public list. */
@RoomPolicyFor('surveys')
@Injectable()
export class SurveyListRoomPolicy implements RoomPolicy {
  canJoin(_principal: Principal | undefined, id: string | undefined): boolean {
    return id === undefined;
  }
}
