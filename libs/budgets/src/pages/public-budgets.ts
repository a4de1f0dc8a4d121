import { Injectable } from '@nestjs/common';
import type { BudgetView } from '@polity/contracts';
import { BudgetsService } from '../budgets/budgets.service';

/** Budgets as the residents' site shows them: never a draft, whoever reads (officials see theirs in the console). */
@Injectable()
export class PublicBudgets {
  constructor(private readonly budgets: BudgetsService) {}

  async find(id: string): Promise<BudgetView | null> {
    const budget = await this.budgets.get(id, undefined).catch(() => null);
    return budget && budget.phase !== 'draft' ? budget : null;
  }
}
