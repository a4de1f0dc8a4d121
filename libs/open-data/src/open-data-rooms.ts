import { Injectable } from '@nestjs/common';
import { hasRole, type Principal } from '@polity/platform';
import { type RoomPolicy, RoomPolicyFor } from '@polity/realtime';

/** `open-data`: snapshot progress, for admins. */
@RoomPolicyFor('open-data')
@Injectable()
export class OpenDataRoomPolicy implements RoomPolicy {
  canJoin(principal: Principal | undefined, id: string | undefined): boolean {
    return id === undefined && hasRole(principal, 'admin');
  }
}
