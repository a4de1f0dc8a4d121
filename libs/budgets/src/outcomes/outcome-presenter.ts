import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isAtLeast } from '../budgets/budget-phases';
import type { BudgetEntity } from '../entities/budget.entity';
import type { BudgetOutcomeEntity } from '../entities/budget-outcome.entity';
import { BudgetProjectEntity } from '../entities/budget-project.entity';
import type { OutcomeDto } from './outcomes.dto';

/** Outcomes with project titles, totals over the pots, and whether they are still current. */
@Injectable()
export class OutcomePresenter {
  constructor(private readonly dataSource: DataSource) {}

  /** Computed while voting was open, or ballots counted since: not publishable. */
  static isStale(outcome: BudgetOutcomeEntity, budget: BudgetEntity): boolean {
    return outcome.ballotsRevision !== budget.ballotsRevision || !isAtLeast(outcome.phaseAtRequest, 'closed');
  }

  async present(outcome: BudgetOutcomeEntity, budget: BudgetEntity, manager: EntityManager = this.dataSource.manager): Promise<OutcomeDto> {
    const projects = await manager.find(BudgetProjectEntity, {
      where: { budgetId: budget.id },
      select: { id: true, title: true, externalId: true },
    });
    const byId = new Map(projects.map((project) => [project.id, project]));
    const describe = (projectId: string) => ({
      title: byId.get(projectId)?.title ?? '',
      externalId: byId.get(projectId)?.externalId ?? null,
    });
    const result = outcome.result;
    return {
      id: outcome.id,
      budgetId: outcome.budgetId,
      rule: outcome.rule,
      options: outcome.options,
      status: outcome.status,
      stale: OutcomePresenter.isStale(outcome, budget),
      published: outcome.publishedAt !== null,
      requestedAt: outcome.requestedAt.toISOString(),
      computedAt: outcome.computedAt?.toISOString() ?? null,
      publishedAt: outcome.publishedAt?.toISOString() ?? null,
      failure: outcome.failure,
      ballots: result?.ballots ?? null,
      paperBallots: result?.paperBallots ?? null,
      totalCost: result ? result.pots.reduce((sum, pot) => sum + pot.totalCost, 0) : null,
      leftover: result ? result.pots.reduce((sum, pot) => sum + pot.leftover, 0) : null,
      pots:
        result?.pots.map((pot) => ({
          district: pot.district,
          budget: pot.budget,
          voters: pot.voters,
          winners: pot.winners.map((winner) => ({ ...winner, ...describe(winner.projectId) })),
          totalCost: pot.totalCost,
          leftover: pot.leftover,
          notFunded: pot.notFunded.map((project) => ({ ...project, ...describe(project.projectId) })),
          equalShares: pot.equalShares && {
            ...pot.equalShares,
            rounds: pot.equalShares.rounds.map((round) => ({ ...round, title: describe(round.projectId).title })),
          },
        })) ?? null,
    };
  }
}
