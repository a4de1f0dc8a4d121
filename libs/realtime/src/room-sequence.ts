import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@polity/platform';
import type Redis from 'ioredis';

const SEQUENCE_TTL_SECONDS = 7 * 24 * 3600;
const key = (room: string): string => `room-seq:${room}`;

/**
 * Per-room message counters. A client remembers the last `seq` it saw in a room; after a
 * reconnect the subscribe ack tells it the current one, and any gap means "resync over REST".
 */
@Injectable()
export class RoomSequence {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async next(room: string): Promise<number> {
    const [[, seq]] = (await this.redis.multi().incr(key(room)).expire(key(room), SEQUENCE_TTL_SECONDS).exec()) as [
      [null, number],
      unknown,
    ];
    return seq;
  }

  /** The next number of many rooms in one round trip (a fan-out to thousands of people). */
  async nextMany(rooms: readonly string[]): Promise<number[]> {
    if (rooms.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const room of rooms) pipeline.incr(key(room)).expire(key(room), SEQUENCE_TTL_SECONDS);
    const results = (await pipeline.exec()) as [Error | null, number][];
    return rooms.map((_, index) => {
      const [error, seq] = results[index * 2];
      if (error) throw error;
      return seq;
    });
  }

  async current(room: string): Promise<number> {
    return Number((await this.redis.get(key(room))) ?? 0);
  }
}
