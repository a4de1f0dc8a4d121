import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@polity/platform';
import type Redis from 'ioredis';

const SEQUENCE_TTL_SECONDS = 7 * 24 * 3600;
const key = (room: string): string => `room-seq:${room}`;
// A room's counter starts from the clock (milliseconds) rather than from 0: when Redis restarts
// empty or the key expires, the numbers still only go up, so every client sees a gap and catches up
// instead of taking the new, smaller numbers for messages it already has.
const NEXT_MANY = `local seqs = {}
for i, room in ipairs(KEYS) do
  redis.call('SET', room, ARGV[2], 'NX')
  seqs[i] = redis.call('INCR', room)
  redis.call('EXPIRE', room, ARGV[1])
end
return seqs`;
const CURRENT_MANY = `local seqs = {}
for i, room in ipairs(KEYS) do
  redis.call('SET', room, ARGV[2], 'NX', 'EX', ARGV[1])
  seqs[i] = redis.call('GET', room)
end
return seqs`;

/**
 * Per-room message counters. A client remembers the last `seq` it saw in a room; after a
 * reconnect the subscribe ack tells it the current one, and any gap means "resync over REST".
 */
@Injectable()
export class RoomSequence {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async next(room: string): Promise<number> {
    const [seq] = await this.nextMany([room]);
    return seq;
  }

  /**
   * The next number of many rooms (a room named twice gets two numbers, in order) in one round trip and one script run: a pipeline of two commands
   * per room cost a fan-out to thousands of people more time in Redis replies than in the pushes.
   */
  async nextMany(rooms: readonly string[]): Promise<number[]> {
    if (rooms.length === 0) return [];
    return (await this.redis.eval(NEXT_MANY, rooms.length, ...rooms.map(key), SEQUENCE_TTL_SECONDS, Date.now())) as number[];
  }

  async current(room: string): Promise<number> {
    const [seq] = await this.currentMany([room]);
    return seq;
  }

  /** The current number of each room, in one round trip (a page reads them before its data, to catch up from). */
  async currentMany(rooms: readonly string[]): Promise<number[]> {
    if (rooms.length === 0) return [];
    const seqs = (await this.redis.eval(CURRENT_MANY, rooms.length, ...rooms.map(key), SEQUENCE_TTL_SECONDS, Date.now())) as string[];
    return seqs.map(Number);
  }
}
