import { Injectable } from '@nestjs/common';
import type { BudgetTallyView } from '@polity/contracts';
import { type Principal, Problems } from '@polity/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { assertVisible, managesBudgets } from '../budgets/budget-access';
import { effectivePhase } from '../budgets/budget-phases';
import { BudgetEntity } from '../entities/budget.entity';

/** Running totals per project, read from the tally shards: exact at every moment. */
@Injectable()
export class BudgetTallies {
  constructor(private readonly dataSource: DataSource) {}

  async read(budgetId: string, manager: EntityManager = this.dataSource.manager): Promise<BudgetTallyView> {
    const [projects, [{ ballots }]] = await Promise.all([
      manager.query<{ project_id: string; votes: string; points: string }[]>(
        `SELECT project_id, sum(votes) AS votes, sum(points) AS points FROM budget_tally WHERE budget_id = $1
         GROUP BY project_id HAVING sum(votes) > 0 ORDER BY sum(points) DESC, project_id`,
        [budgetId],
      ),
      manager.query<{ ballots: string }[]>('SELECT count(*) AS ballots FROM budget_ballot WHERE budget_id = $1', [budgetId]),
    ]);
    return {
      budgetId,
      ballots: Number(ballots),
      projects: projects.map((row) => ({ projectId: row.project_id, votes: Number(row.votes), points: Number(row.points) })),
    };
  }

  /** Shown where the budget allows live results, once it is published, and always to officials. */
  static visible(budget: BudgetEntity, principal: Principal | undefined): boolean {
    return budget.liveResults || effectivePhase(budget) === 'published' || managesBudgets(principal);
  }

  async forReader(budgetId: string, principal: Principal | undefined): Promise<BudgetTallyView> {
    const budget = await this.dataSource.manager.findOneBy(BudgetEntity, { id: budgetId });
    assertVisible(budget, principal);
    if (!BudgetTallies.visible(budget, principal)) {
      throw Problems.forbidden('results_hidden', 'This budget shows its results when the outcome is published.');
    }
    return this.read(budgetId);
  }
}
