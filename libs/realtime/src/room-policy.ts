import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Principal } from '@polity/platform';

/**
 * Decides who may join the rooms of one kind. Each feature registers one per room kind it emits
 * to (`proposal`, `budget`, …); a room whose kind has no policy cannot be joined at all.
 */
export interface RoomPolicy {
  canJoin(principal: Principal | undefined, id: string | undefined): Promise<boolean> | boolean;
}

/** Registers a provider as the RoomPolicy for a room kind. */
export const RoomPolicyFor = DiscoveryService.createDecorator<string>();

/**
 * The policy of a public list room such as `proposals` or `meetings`: anyone may join the bare room
 * name, and no `<kind>:<id>` room of that kind exists. One class per kind, so each registers under its own.
 */
export function PublicListRoomPolicy(kind: string): new () => RoomPolicy {
  @RoomPolicyFor(kind)
  @Injectable()
  class ListRoomPolicy implements RoomPolicy {
    canJoin(_principal: Principal | undefined, id: string | undefined): boolean {
      return id === undefined;
    }
  }
  return ListRoomPolicy;
}
