import { Injectable, Logger } from '@nestjs/common';
import { type JobPayloads, roomName } from '@polity/contracts';
import { UnitOfWork } from '@polity/platform';
import { HandlesJob } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';
import type { Job } from 'bullmq';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetOutcomeEntity } from '../entities/budget-outcome.entity';
import type { OutcomeRequest } from '../rules/outcome';
import { loadElections } from './election-loader';
import { computeInThread } from './outcome-thread.runner';

/**
 * Computes an outcome too large for a request, on a worker thread, pushing progress to the
 * budget's room. Safe to run twice: it only fills an outcome that is still computing.
 */
@Injectable()
export class ComputeOutcomeHandler {
  private readonly logger = new Logger(ComputeOutcomeHandler.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly broadcaster: Broadcaster,
  ) {}

  @HandlesJob('budgets.compute-outcome')
  async compute(event: JobPayloads['budgets.compute-outcome'], job: Job): Promise<{ status: string }> {
    const { budgetId, outcomeId } = event.payload;
    const room = roomName('budgets', budgetId);
    const snapshot = await this.unitOfWork.run(
      async (tx) => {
        const outcome = await tx.manager.findOneBy(BudgetOutcomeEntity, { id: outcomeId });
        if (!outcome || outcome.status !== 'computing') return null;
        const budget = await tx.manager.findOneByOrFail(BudgetEntity, { id: budgetId });
        return { outcome, revision: budget.ballotsRevision, loaded: await loadElections(tx.manager, budget) };
      },
      { isolation: 'REPEATABLE READ' },
    );
    if (!snapshot) return { status: 'already done' };
    const { outcome, revision, loaded } = snapshot;
    const progress = (status: 'computing' | 'computed' | 'failed', runs = 0, share: number | null = null) =>
      this.broadcaster.toRoom(room, 'budget.outcome_progress', { budgetId, outcomeId, rule: outcome.rule, status, runs, share });
    try {
      const request = { rule: outcome.rule, options: outcome.options } as OutcomeRequest;
      const pots = await computeInThread(loaded.pots, request, (p) => void progress('computing', p.runs, p.share).catch(() => undefined));
      await this.unitOfWork.run((tx) =>
        tx.manager.update(
          BudgetOutcomeEntity,
          { id: outcomeId, status: 'computing' },
          {
            status: 'computed',
            result: { pots, ballots: loaded.ballots, paperBallots: loaded.paperBallots },
            ballotsRevision: revision,
            computedAt: new Date(),
          },
        ),
      );
      await progress('computed');
      return { status: 'computed' };
    } catch (error) {
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.warn({ err: error, outcomeId, finalAttempt }, 'outcome computation failed');
      if (!finalAttempt) throw error;
      await this.unitOfWork.run((tx) =>
        tx.manager.update(
          BudgetOutcomeEntity,
          { id: outcomeId, status: 'computing' },
          { status: 'failed', failure: 'The computation failed; ask again.' },
        ),
      );
      await progress('failed');
      return { status: 'failed' };
    }
  }
}
