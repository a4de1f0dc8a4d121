import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@polity/platform';
import type Redis from 'ioredis';

const KEY = 'presence:connections';
const LOOKUP = 1000;

/**
 * Who has a signed-in connection open, counted per person across api instances. It only orders
 * work (a fan-out pushes to people who are connected before the others), never decides who is
 * told: a count left behind by an instance that died, or a person who connects a moment later,
 * changes who hears first, not who hears.
 */
@Injectable()
export class Presence {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async connected(userId: string): Promise<void> {
    await this.redis.hincrby(KEY, userId, 1);
  }

  async disconnected(userId: string): Promise<void> {
    if ((await this.redis.hincrby(KEY, userId, -1)) <= 0) await this.redis.hdel(KEY, userId);
  }

  /**
   * Which of these people are connected now. Reads whichever is smaller: the counts of these people
   * (every slice asked at once), or, when fewer people are connected than asked about (a fan-out to
   * ten thousand followers on a quiet evening), everyone's count.
   */
  async connectedAmong(userIds: readonly string[]): Promise<Set<string>> {
    const distinct = [...new Set(userIds)];
    if (distinct.length > LOOKUP && (await this.redis.hlen(KEY)) < distinct.length) {
      const counts = await this.redis.hgetall(KEY);
      return new Set(distinct.filter((userId) => Number(counts[userId] ?? 0) > 0));
    }
    const slices: string[][] = [];
    for (let start = 0; start < distinct.length; start += LOOKUP) slices.push(distinct.slice(start, start + LOOKUP));
    const counts = await Promise.all(slices.map((slice) => this.redis.hmget(KEY, ...slice)));
    const connected = new Set<string>();
    slices.forEach((slice, n) => slice.forEach((userId, index) => Number(counts[n][index] ?? 0) > 0 && connected.add(userId)));
    return connected;
  }
}
