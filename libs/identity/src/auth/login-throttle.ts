import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRedis, Problems, RateLimitConfig } from '@polity/platform';
import type Redis from 'ioredis';

/**
 * Counts failed attempts per account (keyed by a hash of the email, never the email itself) and
 * per verification attempt, so guessing a password or a census birth date is slowed to a crawl
 * whichever addresses the guesses come from.
 */
@Injectable()
export class FailureThrottle {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly limits: RateLimitConfig,
  ) {}

  static loginKey(email: string): string {
    return `login-failures:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
  }

  static verificationKey(userId: string): string {
    return `verification-failures:${userId}`;
  }

  async assertAllowed(key: string, max: number): Promise<void> {
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
    if (Number(count ?? 0) >= max) {
      throw Problems.tooManyRequests('Too many failed attempts; wait before trying again.', Math.max(ttl, 1));
    }
  }

  async recordFailure(key: string): Promise<void> {
    await this.redis.multi().incr(key).expire(key, this.limits.failureWindowSeconds, 'NX').exec();
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(key);
  }
}
