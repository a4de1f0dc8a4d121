import { Injectable } from '@nestjs/common';
import { roomName } from '@polity/contracts';
import { type DiscussableResource, DiscussionOf, isUuid, type Principal, Problems } from '@polity/platform';
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

/**
 * Meetings can be followed (their followers hear when one starts, and of its decisions) and linked
 * to; they take no comments: the conversation belongs to the proposals and threads on the agenda.
 */
@DiscussionOf('meetings')
@Injectable()
export class MeetingDiscussion implements DiscussableResource {
  constructor(private readonly dataSource: DataSource) {}

  async roomFor(id: string): Promise<string | null> {
    return isUuid(id) && (await this.dataSource.manager.existsBy(MeetingEntity, { id })) ? roomName('meetings', id) : null;
  }

  assertOpenForContribution(): Promise<void> {
    return Promise.reject(
      Problems.conflict('no_comments', 'Council meetings take no comments; discuss the proposals and threads on the agenda.'),
    );
  }

  async titleOf(id: string): Promise<string | null> {
    const meeting = await this.dataSource.manager.findOneBy(MeetingEntity, { id });
    return meeting?.title ?? null;
  }
}
