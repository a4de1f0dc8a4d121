import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { InjectRedis } from '../redis/redis.module';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// Fixed window counter plus a block key, in one round trip and atomic across api instances.
const INCREMENT = `
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl > 0 then
  return {tonumber(redis.call('GET', KEYS[1]) or ARGV[2]) + 1, redis.call('PTTL', KEYS[1]), 1, blockTtl}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, ttl, 1, tonumber(ARGV[3])}
end
return {hits, ttl, 0, 0}
`;

/**
 * Rate-limit counters in Redis, so every api instance counts the same requests. While Redis is away
 * each instance counts on its own (in memory) rather than refuse or fail every request: the limits
 * hold per instance, and the site keeps answering.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly local = new ThrottlerStorageService();
  private countingLocally = false;

  constructor(@InjectRedis() private readonly redis: Redis) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `throttle:${throttlerName}:${key}`;
    const block = blockDuration > 0 ? blockDuration : ttl;
    let reply: number[];
    try {
      reply = (await this.redis.eval(INCREMENT, 2, base, `${base}:blocked`, ttl, limit, block)) as number[];
      if (this.countingLocally) this.logger.log('Redis is back: rate limits are counted there again');
      this.countingLocally = false;
    } catch (error) {
      if (!this.countingLocally) this.logger.warn({ err: error }, 'Redis is away: rate limits are counted by this instance alone');
      this.countingLocally = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    const [hits, ttlMs, blocked, blockMs] = reply;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
    };
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
