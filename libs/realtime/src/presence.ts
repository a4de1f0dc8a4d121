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

  /** Which of these people are connected now. */
  async connectedAmong(userIds: readonly string[]): Promise<Set<string>> {
    const connected = new Set<string>();
    const distinct = [...new Set(userIds)];
    for (let start = 0; start < distinct.length; start += LOOKUP) {
      const slice = distinct.slice(start, start + LOOKUP);
      const counts = await this.redis.hmget(KEY, ...slice);
      slice.forEach((userId, index) => Number(counts[index] ?? 0) > 0 && connected.add(userId));
    }
    return connected;
  }
}

/** These people, those connected first, each group in the order given. */
export function connectedFirst(userIds: readonly string[], connected: ReadonlySet<string>): string[] {
  return [...userIds.filter((userId) => connected.has(userId)), ...userIds.filter((userId) => !connected.has(userId))];
}
