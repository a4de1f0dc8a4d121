import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { BudgetConfig, UnitOfWork } from '@polity/platform';
import { HandlesJob, JobQueue } from '@polity/queue';
import { DataSource } from 'typeorm';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetLock } from './budget-lock';
import { EFFECTIVE_PHASE_SQL } from './budget-phases';
import { catchUpPhase } from './budget-transitions';

/**
 * Records the phases the schedules have reached and announces them. The gates do not wait for
 * this (they read the schedule themselves); it makes the change visible and live. Idempotent.
 */
@Injectable()
export class AdvancePhasesHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  @HandlesJob('budgets.advance-phases')
  async advance(): Promise<{ moved: number }> {
    const due: { id: string }[] = await this.dataSource.query(`SELECT b.id FROM budget b WHERE ${EFFECTIVE_PHASE_SQL} <> b.phase`);
    for (const { id } of due) {
      await this.unitOfWork.run(async (tx) => {
        await BudgetLock.exclusive(tx, id);
        const budget = await tx.manager.findOne(BudgetEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (budget) await catchUpPhase(tx, budget);
      });
    }
    return { moved: due.length };
  }
}

/** Registers the recurring phase check; a BullMQ job scheduler runs it once per period however many workers run. */
@Injectable()
export class BudgetPhaseSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: BudgetConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('budgets-advance-phases', 'budgets.advance-phases', { every: this.config.phaseCheckSeconds * 1000 }, {});
  }
}
