import { Injectable } from '@nestjs/common';
import { type JobPayloads, roomName } from '@polity/contracts';
import { HandlesJob } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetTallies } from './budget-tallies';

/**
 * Runs at most once per budget per coalescing window (see JOB_COALESCING) and pushes the exact
 * totals to the budget's room, where the budget shows live results. Reading fresh makes it safe
 * to run twice or late.
 */
@Injectable()
export class SyncTallyHandler {
  constructor(
    private readonly tallies: BudgetTallies,
    private readonly broadcaster: Broadcaster,
    private readonly dataSource: DataSource,
  ) {}

  @HandlesJob('budgets.sync-tally')
  async sync(event: JobPayloads['budgets.sync-tally']): Promise<{ pushed: boolean }> {
    const { budgetId } = event.payload;
    const budget = await this.dataSource.manager.findOneBy(BudgetEntity, { id: budgetId });
    if (!budget?.liveResults) return { pushed: false };
    await this.broadcaster.toRoom(roomName('budgets', budgetId), 'budget.tally', await this.tallies.read(budgetId));
    return { pushed: true };
  }
}
