import { Injectable } from '@nestjs/common';
import type { ModerationDecisionView } from '@polity/contracts';
import { isUniqueViolation, ModeratableContents, ModerationConfig, Principal, Problems, recordAudit, UnitOfWork } from '@polity/platform';
import { ModerationAppealEntity } from '../entities/moderation-appeal.entity';
import { ModerationBlockEntity } from '../entities/moderation-block.entity';
import { ModerationDecisionEntity } from '../entities/moderation-decision.entity';
import { enqueue, lockItemById, writeLog } from '../moderation-records';
import { DecisionViews } from '../queue/decision-views';
import { assertNotAppealedModerator, assertNotClaimedByOther, assertNotOwnContent } from '../queue/moderation-claims.service';
import type { CreateAppealDto, DecideAppealDto } from './appeals.dto';
import { countOf } from '@polity/contracts';

const DAY_MS = 86_400_000;

/**
 * The author's one appeal against a decision that removed their contribution or blocked them,
 * within the appeal window; a different moderator decides it, finally.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly contents: ModeratableContents,
    private readonly config: ModerationConfig,
    private readonly views: DecisionViews,
  ) {}

  async appeal(principal: Principal, decisionId: string, input: CreateAppealDto): Promise<ModerationDecisionView> {
    try {
      await this.unitOfWork.run(async (tx) => {
        const decision = await tx.manager.findOneBy(ModerationDecisionEntity, { id: decisionId });
        const item = decision ? await lockItemById(tx, decision.itemId) : null;
        if (!decision || !item || item.authorId !== principal.userId) throw Problems.notFound('That decision');
        if (decision.appealId !== null) throw Problems.conflict('decision_final', 'This decision answered an appeal and is final.');
        if (decision.action !== 'hide' && decision.action !== 'block') {
          throw Problems.conflict('not_appealable', 'Only a decision that removed your contribution can be appealed.');
        }
        if (Date.now() > decision.createdAt.getTime() + this.config.appealDays * DAY_MS) {
          throw Problems.conflict(
            'appeal_window_closed',
            `Appeals are possible for ${countOf(this.config.appealDays, 'day')} after the decision.`,
          );
        }
        const appeal = await tx.manager.save(
          tx.manager.create(ModerationAppealEntity, {
            decisionId,
            itemId: item.id,
            authorId: principal.userId,
            statement: input.statement,
          }),
        );
        enqueue(item, 'appeal');
        Object.assign(item, { claimedById: null, claimedUntil: null });
        await tx.manager.save(item);
        tx.publish('moderation.appealed', { itemId: item.id, decisionId, appealId: appeal.id });
        tx.publish('moderation.item_queued', { itemId: item.id });
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw Problems.conflict('already_appealed', 'This decision has already been appealed; an appeal is possible once.');
      throw error;
    }
    return this.views.one(decisionId);
  }

  async decide(principal: Principal, appealId: string, input: DecideAppealDto): Promise<ModerationDecisionView> {
    const decided = () => Problems.conflict('appeal_decided', 'This appeal has already been decided.');
    const decisionId = await this.unitOfWork
      .run(async (tx) => {
        const found = await tx.manager.findOneBy(ModerationAppealEntity, { id: appealId });
        const item = found ? await lockItemById(tx, found.itemId) : null;
        // Read again under the item's lock: a moderator who was waiting for it sees the decision just made.
        const appeal = item ? await tx.manager.findOneBy(ModerationAppealEntity, { id: appealId }) : null;
        if (!appeal || !item) throw Problems.notFound('That appeal');
        if (appeal.outcome !== null) throw decided();
        assertNotOwnContent(item, principal);
        assertNotClaimedByOther(item, principal);
        const appealed = await tx.manager.findOneByOrFail(ModerationDecisionEntity, { id: appeal.decisionId });
        assertNotAppealedModerator(appealed, principal);
        const before = item.state;
        const after = input.outcome === 'overturned' ? 'visible' : before;
        if (after !== before) await this.contents.get(item.kind).setState(tx, [item.contentId], after);
        if (after === 'visible') await this.contents.get(item.kind).cleared?.(tx, [item.contentId]);
        if (input.outcome === 'overturned' && appealed.blockId) {
          await tx.manager.update(ModerationBlockEntity, { id: appealed.blockId }, { liftedAt: new Date() });
        }
        const decision = await tx.manager.save(
          tx.manager.create(ModerationDecisionEntity, {
            itemId: item.id,
            moderatorId: principal.userId,
            action: input.outcome,
            reason: appealed.reason,
            statement: input.statement,
            stateBefore: before,
            stateAfter: after,
            appealId,
            queuedAt: item.queuedAt,
          }),
        );
        appeal.outcome = input.outcome;
        await tx.manager.save(appeal);
        Object.assign(item, { state: after, heldBy: null, open: false, decidedAt: new Date(), claimedById: null, claimedUntil: null });
        await tx.manager.save(item);
        await writeLog(tx, {
          contentKind: item.kind,
          reason: appealed.reason,
          action: input.outcome === 'upheld' ? 'appeal_upheld' : 'appeal_overturned',
          origin: 'appeal',
        });
        await recordAudit(tx, {
          actorId: principal.userId,
          action: `moderation.appeal_${input.outcome}`,
          target: { kind: item.kind, id: item.contentId },
          before: { state: before, appealedDecisionId: appealed.id },
          after: { state: after, decisionId: decision.id, liftedBlockId: input.outcome === 'overturned' ? appealed.blockId : null },
        });
        tx.publish('moderation.decided', {
          itemId: item.id,
          decisionId: decision.id,
          kind: item.kind,
          contentId: item.contentId,
          authorId: item.authorId,
          action: input.outcome,
          final: true,
        });
        return decision.id;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'uq_moderation_decision_appeal') ? decided() : error;
      });
    return this.views.one(decisionId);
  }
}
