import { Injectable } from '@nestjs/common';
import { isUuid, type Principal } from '@polity/platform';
import { type RoomPolicy, RoomPolicyFor, PublicListRoomPolicy } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { MeetingEntity } from '../entities/meeting.entity';

/** `meeting:<id>`: council meetings are public, so anyone may follow one live. */
@RoomPolicyFor('meeting')
@Injectable()
export class MeetingRoomPolicy implements RoomPolicy {
  constructor(private readonly dataSource: DataSource) {}

  async canJoin(_principal: Principal | undefined, id: string | undefined): Promise<boolean> {
    return isUuid(id) && (await this.dataSource.manager.existsBy(MeetingEntity, { id }));
  }
}

/** `meetings`: the public list. */
export const MeetingListRoomPolicy = PublicListRoomPolicy('meetings');
