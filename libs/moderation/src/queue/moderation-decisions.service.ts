import { Injectable } from '@nestjs/common';
import type { ContentState, ModerationAction, ModerationDecisionView, ModerationLogEntryView } from '@polity/contracts';
import { ModeratableContents, Principal, ProblemException, Problems, recordAudit, Transaction, UnitOfWork } from '@polity/platform';
import { IsNull } from 'typeorm';
import { ModerationBlockEntity } from '../entities/moderation-block.entity';
import { ModerationDecisionEntity } from '../entities/moderation-decision.entity';
import { ModerationItemEntity } from '../entities/moderation-item.entity';
import { ModerationReportEntity } from '../entities/moderation-report.entity';
import { lockItemById, writeLog } from '../moderation-records';
import { DecisionViews } from './decision-views';
import { statementFor } from './decision-statement';
import { assertNotClaimedByOther, assertNotOwnContent, openAppealOf } from './moderation-claims.service';
import type { BulkDecisionDto, BulkDecisionResultDto, DecisionInputDto } from './moderation-queue.dto';

const LOGGED_AS: Record<ModerationAction, ModerationLogEntryView['action']> = {
  hide: 'hidden',
  block: 'author_blocked',
  restore: 'restored',
  dismiss: 'dismissed',
};

/** A moderator's decisions on queue items: one at a time, or the same decision on many. */
@Injectable()
export class ModerationDecisionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly contents: ModeratableContents,
    private readonly views: DecisionViews,
  ) {}

  async decide(principal: Principal, itemId: string, input: DecisionInputDto): Promise<ModerationDecisionView> {
    const decision = await this.unitOfWork.run((tx) => this.decideIn(tx, principal, itemId, input));
    return this.views.one(decision.id);
  }

  /** Each item in its own transaction, so one item claimed by someone else does not stop the rest. */
  async decideMany(principal: Principal, input: BulkDecisionDto): Promise<BulkDecisionResultDto[]> {
    const { itemIds, ...decision } = input;
    const results: BulkDecisionResultDto[] = [];
    for (const itemId of itemIds) {
      try {
        const made = await this.unitOfWork.run((tx) => this.decideIn(tx, principal, itemId, decision));
        results.push({ itemId, ok: true, decisionId: made.id });
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        results.push({ itemId, ok: false, code: error.problem.code, detail: error.problem.detail });
      }
    }
    return results;
  }

  private async decideIn(
    tx: Transaction,
    principal: Principal,
    itemId: string,
    input: DecisionInputDto,
  ): Promise<ModerationDecisionEntity> {
    const item = await lockItemById(tx, itemId);
    if (!item) throw Problems.notFound('That moderation item');
    assertNotOwnContent(item, principal);
    assertNotClaimedByOther(item, principal);
    if (await openAppealOf(tx.manager, item))
      throw Problems.conflict('appeal_pending', 'This item awaits an appeal; decide it through the appeal.');
    const before = item.state;
    const after = this.stateAfter(item, input.action);
    const { statement, reason } = await statementFor(tx, item, input);
    const block = input.action === 'block' ? await this.block(tx, principal, item, statement, input.blockUntil) : null;
    if (after !== before) await this.contents.get(item.kind).setState(tx, [item.contentId], after);
    if (after === 'visible') await this.contents.get(item.kind).cleared?.(tx, [item.contentId]);
    const decision = await tx.manager.save(
      tx.manager.create(ModerationDecisionEntity, {
        itemId,
        moderatorId: principal.userId,
        action: input.action,
        reason,
        statement,
        stateBefore: before,
        stateAfter: after,
        blockId: block?.id ?? null,
        queuedAt: item.open ? item.queuedAt : null,
      }),
    );
    const origin = item.origin ?? 'moderator';
    const rules = origin === 'screening' ? (item.screeningHits ?? []).map((hit) => hit.rule) : [];
    if (input.action === 'block') await writeLog(tx, { contentKind: item.kind, reason, action: 'hidden', origin, rules });
    await writeLog(tx, { contentKind: item.kind, reason, action: LOGGED_AS[input.action], origin, rules });
    await tx.manager.update(ModerationReportEntity, { itemId, resolvedAt: IsNull() }, { resolvedAt: new Date() });
    Object.assign(item, {
      state: after,
      heldBy: null,
      open: false,
      decidedAt: new Date(),
      reportCount: 0,
      claimedById: null,
      claimedUntil: null,
    });
    await tx.manager.save(item);
    await recordAudit(tx, {
      actorId: principal.userId,
      action: `moderation.${input.action}`,
      target: { kind: item.kind, id: item.contentId },
      before: { state: before },
      after: {
        state: after,
        reason,
        decisionId: decision.id,
        ...(block ? { blockId: block.id, blockUntil: block.until?.toISOString() ?? null } : {}),
      },
    });
    tx.publish('moderation.decided', {
      itemId,
      decisionId: decision.id,
      kind: item.kind,
      contentId: item.contentId,
      authorId: item.authorId,
      action: input.action,
      final: false,
    });
    return decision;
  }

  private stateAfter(item: ModerationItemEntity, action: ModerationAction): ContentState {
    switch (action) {
      case 'hide':
      case 'block':
        if (item.state === 'hidden' && action === 'hide') throw Problems.conflict('already_hidden', 'This content is already hidden.');
        return 'hidden';
      case 'restore':
        if (item.state === 'visible' && !item.open) throw Problems.conflict('already_visible', 'This content is already visible.');
        return 'visible';
      case 'dismiss':
        if (item.state === 'hidden') throw Problems.conflict('hidden', 'Hidden content is restored, not dismissed.');
        if (!item.open) throw Problems.conflict('not_in_queue', 'There is nothing waiting to dismiss on this item.');
        return 'visible';
    }
  }

  private async block(tx: Transaction, principal: Principal, item: ModerationItemEntity, reason: string, until: string | undefined) {
    if (until !== undefined && new Date(until).getTime() <= Date.now()) {
      throw Problems.unprocessable('block_in_past', 'blockUntil must be in the future.', [
        { field: 'blockUntil', rule: 'future', message: 'must be in the future' },
      ]);
    }
    return tx.manager.save(
      tx.manager.create(ModerationBlockEntity, {
        userId: item.authorId,
        reason,
        until: until ? new Date(until) : null,
        blockedById: principal.userId,
      }),
    );
  }
}
