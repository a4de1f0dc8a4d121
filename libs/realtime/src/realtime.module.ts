import { Module } from '@nestjs/common';
import { Broadcaster } from './broadcaster';
import { RealtimeGateway } from './realtime.gateway';
import { ModerationRoomPolicy, RoomPolicies, UserRoomPolicy } from './room-policies';
import { RoomSequence } from './room-sequence';

/** The broadcaster, for any process that pushes to clients (api and worker). */
@Module({
  providers: [RoomSequence, Broadcaster],
  exports: [Broadcaster, RoomSequence],
})
export class BroadcastModule {}

/** The Socket.IO gateway and room policies; only the api imports it. */
@Module({
  imports: [BroadcastModule],
  providers: [RealtimeGateway, RoomPolicies, UserRoomPolicy, ModerationRoomPolicy],
  exports: [BroadcastModule],
})
export class RealtimeGatewayModule {}
