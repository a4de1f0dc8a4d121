import { Injectable } from '@nestjs/common';
import { RateLimitConfig, RedisThrottlerStorage } from '@polity/platform';
import type { Socket } from 'socket.io';
import type { SocketData } from './socket-data';

/**
 * Limits what one connection and one account may send, never anything shared between people:
 * the connection's count lives on the socket (it lives in one process), the account's in Redis
 * (one person's tabs may reach several api instances).
 */
@Injectable()
export class SocketRateLimit {
  constructor(
    private readonly config: RateLimitConfig,
    private readonly storage: RedisThrottlerStorage,
  ) {}

  /** Counts one message; true when it is over a limit and must be refused. */
  async exceeded(socket: Socket): Promise<boolean> {
    const data = socket.data as SocketData;
    const windowMs = this.config.windowSeconds * 1000;
    const now = Date.now();
    if (!data.messages || now - data.messages.windowStart >= windowMs) data.messages = { windowStart: now, count: 0 };
    data.messages.count += 1;
    if (data.messages.count > this.config.socketMessagesPerConnection) return true;
    const userId = data.principal?.userId;
    if (!userId) return false;
    const { totalHits } = await this.storage.increment(userId, windowMs, this.config.socketMessagesPerAccount, 0, 'socket-account');
    return totalHits > this.config.socketMessagesPerAccount;
  }

  /** Counts a new connection from this address; true when the address has opened too many. */
  async tooManyConnections(address: string): Promise<boolean> {
    const windowMs = this.config.windowSeconds * 1000;
    const { totalHits } = await this.storage.increment(address, windowMs, this.config.socketConnectionsPerIp, 0, 'socket-connect');
    return totalHits > this.config.socketConnectionsPerIp;
  }
}
