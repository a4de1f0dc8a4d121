import { Module } from '@nestjs/common';
import { RedisThrottlerStorage } from '@polity/platform';
import { SocketAccess } from './access/socket-access';
import { SocketRateLimit } from './access/socket-rate-limit';
import { Broadcaster } from './broadcaster';
import { Presence } from './presence';
import { RealtimeGateway } from './realtime.gateway';
import { ModerationRoomPolicy, RoomPolicies, UserRoomPolicy } from './room-policies';
import { RoomSequence } from './room-sequence';

/** The broadcaster, for any process that pushes to clients (api and worker). */
@Module({
  providers: [RoomSequence, Broadcaster, Presence],
  exports: [Broadcaster, RoomSequence, Presence],
})
export class BroadcastModule {}

/** The Socket.IO gateway and room policies; only the api imports it. */
@Module({
  imports: [BroadcastModule],
  providers: [RealtimeGateway, RoomPolicies, UserRoomPolicy, ModerationRoomPolicy, SocketAccess, SocketRateLimit, RedisThrottlerStorage],
  exports: [BroadcastModule, SocketRateLimit],
})
export class RealtimeGatewayModule {}
