import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { parseRoomName, PUBLIC_LIST_ROOMS } from '@polity/contracts';
import { hasRole, Principal, providersByKey } from '@polity/platform';
import { RoomPolicy, RoomPolicyFor } from './room-policy';

/** `user:<id>`: only that person. */
@RoomPolicyFor('user')
@Injectable()
export class UserRoomPolicy implements RoomPolicy {
  canJoin(principal: Principal | undefined, id: string | undefined): boolean {
    return principal !== undefined && id === principal.userId;
  }
}

/** `moderation`: the moderators' live queue. */
@RoomPolicyFor('moderation')
@Injectable()
export class ModerationRoomPolicy implements RoomPolicy {
  canJoin(principal: Principal | undefined, id: string | undefined): boolean {
    return id === undefined && hasRole(principal, 'moderator', 'admin');
  }
}

export type JoinDecision = { allowed: true } | { allowed: false; status: 400 | 403 | 404; code: string; detail: string };

@Injectable()
export class RoomPolicies implements OnApplicationBootstrap {
  private policies = new Map<string, RoomPolicy>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    this.policies = providersByKey<RoomPolicy>(this.discovery, RoomPolicyFor);
  }

  async decide(principal: Principal | undefined, room: unknown): Promise<JoinDecision> {
    const parsed = typeof room === 'string' ? parseRoomName(room) : null;
    if (!parsed) return { allowed: false, status: 400, code: 'invalid_room', detail: 'Rooms are named <kind>:<id>.' };
    if (parsed.id === undefined && (PUBLIC_LIST_ROOMS as readonly string[]).includes(parsed.kind)) return { allowed: true };
    const policy = this.policies.get(parsed.kind);
    if (!policy) return { allowed: false, status: 404, code: 'unknown_room_kind', detail: `There are no ${parsed.kind} rooms.` };
    if (await policy.canJoin(principal, parsed.id)) return { allowed: true };
    return { allowed: false, status: 403, code: 'room_forbidden', detail: 'You may not follow this room.' };
  }
}
