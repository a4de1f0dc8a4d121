import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthConfig, Problems } from '@polity/platform';
import { DataSource, type EntityManager } from 'typeorm';

export interface AttemptLimit {
  max: number;
  windowSeconds: number;
}

/**
 * Counts an attempt before it is checked, in one atomic statement, so however many arrive at once
 * no more than `max` are ever checked in a window. A success may `clear` the count.
 */
@Injectable()
export class AttemptLimiter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthConfig,
  ) {}

  /** A key that names a person only through a keyed hash (an email address, a census identifier). */
  key(scope: string, value: string): string {
    return `${scope}:${createHmac('sha256', this.auth.pseudonymSecret).update(`attempt:${scope}:${value}`).digest('base64url')}`;
  }

  /** Counts the attempt; null when it may go ahead, else the seconds until the window ends. */
  async count(key: string, limit: AttemptLimit, manager: EntityManager = this.dataSource.manager): Promise<number | null> {
    const [row] = await manager.query<{ attempts: number; retry_after: number }[]>(
      `INSERT INTO auth_attempt AS a (key, attempts, window_ends_at) VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN a.window_ends_at <= now() THEN 1 ELSE a.attempts + 1 END,
         window_ends_at = CASE WHEN a.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE a.window_ends_at END
       RETURNING attempts, ceil(extract(epoch FROM window_ends_at - now()))::int AS retry_after`,
      [key, limit.windowSeconds],
    );
    return row.attempts > limit.max ? Math.max(1, row.retry_after) : null;
  }

  /** Counts the attempt and refuses it with a 429 when it is over the limit. */
  async assertAllowed(keys: string[], limit: AttemptLimit, detail = 'Too many attempts; wait before trying again.'): Promise<void> {
    for (const key of keys) {
      const retryAfter = await this.count(key, limit);
      if (retryAfter !== null) throw Problems.tooManyRequests(detail, retryAfter);
    }
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM auth_attempt WHERE key = $1', [key]);
  }

  /** Windows long over; run by the worker's schedule. */
  async prune(): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM auth_attempt WHERE window_ends_at < now() - interval '1 hour'`,
    );
    return deleted;
  }
}
