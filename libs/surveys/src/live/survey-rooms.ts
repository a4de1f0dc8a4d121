import { Injectable } from '@nestjs/common';
import type { Principal } from '@polity/platform';
import { type RoomPolicy, RoomPolicyFor } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { assertVisible } from '../surveys/survey-access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `survey:<id>`: whoever may see the survey. Results reach it only while they are public. */
@RoomPolicyFor('survey')
@Injectable()
export class SurveyRoomPolicy implements RoomPolicy {
  constructor(private readonly dataSource: DataSource) {}

  async canJoin(principal: Principal | undefined, id: string | undefined): Promise<boolean> {
    if (id === undefined || !UUID.test(id)) return false;
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
