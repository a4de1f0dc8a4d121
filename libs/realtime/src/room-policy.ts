import { DiscoveryService } from '@nestjs/core';
import type { RoomKind } from '@polity/contracts';
import type { Principal } from '@polity/platform';

/**
 * Decides who may join the rooms of one kind. Each feature registers one per room kind it emits
 * to (`proposals`, `budgets`, …); a room whose kind has no policy cannot be joined at all. The
 * public list rooms (`proposals`…) need none: anyone may watch those.
 */
export interface RoomPolicy {
  canJoin(principal: Principal | undefined, id: string | undefined): Promise<boolean> | boolean;
}

/** Registers a provider as the RoomPolicy for a room kind. */
export const RoomPolicyFor = DiscoveryService.createDecorator<RoomKind>();
