import { Injectable } from '@nestjs/common';
import { isUuid, type Principal } from '@polity/platform';
import { type RoomPolicy, RoomPolicyFor } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { MeetingEntity } from '../entities/meeting.entity';

/** `meetings:<id>`: council meetings are public, so anyone may follow one live. */
@RoomPolicyFor('meetings')
@Injectable()
export class MeetingRoomPolicy implements RoomPolicy {
  constructor(private readonly dataSource: DataSource) {}

  async canJoin(_principal: Principal | undefined, id: string | undefined): Promise<boolean> {
    return isUuid(id) && (await this.dataSource.manager.existsBy(MeetingEntity, { id }));
  }
}
