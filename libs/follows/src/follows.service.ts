import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Repository } from 'typeorm';
import { FollowEntity } from './follow.entity';

/** Who follows what. Idempotent: following twice is one follow, unfollowing nothing is fine. */
@Injectable()
export class FollowsService {
  constructor(@InjectRepository(FollowEntity) private readonly follows: Repository<FollowEntity>) {}

  async follow(kind: string, resourceId: string, userId: string, manager: EntityManager = this.follows.manager): Promise<void> {
    // Plain SQL: it runs inside every support, where the query builder's own work showed in profiles.
    await manager.query('INSERT INTO follow (kind, resource_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      kind,
      resourceId,
      userId,
    ]);
  }

  async unfollow(kind: string, resourceId: string, userId: string, manager: EntityManager = this.follows.manager): Promise<void> {
    await manager.delete(FollowEntity, { kind, resourceId, userId });
  }

  isFollowing(kind: string, resourceId: string, userId: string): Promise<boolean> {
    return this.follows.existsBy({ kind, resourceId, userId });
  }

  /** The followers of a resource, for the notifications fan-out. */
  async followerIds(kind: string, resourceId: string): Promise<string[]> {
    // One text value, not a row per follower: a fan-out reads tens of thousands of ids, and turning
    // that many rows into objects took five times the query's own time in a busy worker.
    const [{ ids }]: { ids: string }[] = await this.follows.query(
      `SELECT coalesce(string_agg(user_id::text, ','), '') AS ids FROM follow WHERE kind = $1 AND resource_id = $2`,
      [kind, resourceId],
    );
    return ids === '' ? [] : ids.split(',');
  }

  async followedBy(userId: string): Promise<{ kind: string; resourceId: string; since: Date }[]> {
    const rows = await this.follows.find({ where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map((row) => ({ kind: row.kind, resourceId: row.resourceId, since: row.createdAt }));
  }
}
