import { Injectable } from '@nestjs/common';
import type { ModerationQueueItemView } from '@polity/contracts';
import { hasRole, ModerationConfig, Principal, Problems, UnitOfWork } from '@polity/platform';
import { ModerationAppealEntity } from '../entities/moderation-appeal.entity';
import { ModerationDecisionEntity } from '../entities/moderation-decision.entity';
import { ModerationItemEntity } from '../entities/moderation-item.entity';
import { EntityManager, IsNull } from 'typeorm';
import { lockItemById } from '../moderation-records';
import { ModerationQueueQuery } from './moderation-queue.query';

/** A claim keeps other moderators off an item for a while, so two never work on it at once. */
@Injectable()
export class ModerationClaimsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly config: ModerationConfig,
    private readonly queue: ModerationQueueQuery,
  ) {}

  async claim(principal: Principal, itemId: string): Promise<ModerationQueueItemView> {
    await this.unitOfWork.run(async (tx) => {
      const item = await lockItemById(tx, itemId);
      if (!item) throw Problems.notFound('That moderation item');
      if (!item.open) throw Problems.conflict('not_in_queue', 'This item is not waiting for a decision.');
      assertNotOwnContent(item, principal);
      assertNotClaimedByOther(item, principal);
      await assertMayTakeAppeal(tx.manager, item, principal);
      item.claimedById = principal.userId;
      item.claimedUntil = new Date(Date.now() + this.config.claimMinutes * 60_000);
      await tx.manager.save(item);
      tx.publish('moderation.item_claimed', { itemId, moderatorId: principal.userId });
    });
    return this.queue.one(itemId);
  }

  async release(principal: Principal, itemId: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const item = await lockItemById(tx, itemId);
      if (!item) throw Problems.notFound('That moderation item');
      if (!item.claimedById) return;
      if (item.claimedById !== principal.userId && !hasRole(principal, 'admin')) {
        throw Problems.forbidden('not_claimant', 'Only the moderator who claimed this item (or an admin) can release it.');
      }
      item.claimedById = null;
      item.claimedUntil = null;
      await tx.manager.save(item);
      tx.publish('moderation.item_released', { itemId });
    });
  }
}

/** Nobody decides anything about their own contributions, appeals and claims included. */
export function assertNotOwnContent(item: ModerationItemEntity, principal: Principal): void {
  if (item.authorId === principal.userId) throw Problems.forbidden('own_content', 'Another moderator decides on your own contributions.');
}

export function assertNotClaimedByOther(item: ModerationItemEntity, principal: Principal): void {
  if (item.claimedById && item.claimedById !== principal.userId && item.claimedUntil && item.claimedUntil.getTime() > Date.now()) {
    throw Problems.conflict('claimed_by_other', `Another moderator has claimed this item until ${item.claimedUntil.toISOString()}.`);
  }
}

/** The appeal waiting on this item, if it is in the queue for one. */
export function openAppealOf(manager: EntityManager, item: ModerationItemEntity): Promise<ModerationAppealEntity | null> {
  if (item.origin !== 'appeal') return Promise.resolve(null);
  return manager.findOne(ModerationAppealEntity, { where: { itemId: item.id, outcome: IsNull() }, order: { createdAt: 'DESC' } });
}

/** The moderator whose decision is appealed never takes the appeal. */
export async function assertMayTakeAppeal(
  manager: EntityManager,
  item: ModerationItemEntity,
  principal: Principal,
): Promise<ModerationAppealEntity | null> {
  const appeal = await openAppealOf(manager, item);
  if (!appeal) return null;
  const appealed = await manager.findOneBy(ModerationDecisionEntity, { id: appeal.decisionId });
  if (appealed) assertNotAppealedModerator(appealed, principal);
  return appeal;
}

export function assertNotAppealedModerator(appealed: ModerationDecisionEntity, principal: Principal): void {
  if (appealed.moderatorId === principal.userId) {
    throw Problems.forbidden('same_moderator', 'An appeal goes to a different moderator than the one who made the decision.');
  }
}
