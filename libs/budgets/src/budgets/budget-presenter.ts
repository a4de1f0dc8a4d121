import { Injectable } from '@nestjs/common';
import type { BudgetView } from '@polity/contracts';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetDistrictEntity } from '../entities/budget-district.entity';
import { BudgetOutcomeEntity } from '../entities/budget-outcome.entity';
import { effectivePhase } from './budget-phases';

/** The public view of budgets, with their district pots, the phase as of now and the published outcome. */
@Injectable()
export class BudgetPresenter {
  constructor(private readonly dataSource: DataSource) {}

  async present(budgets: BudgetEntity[], manager: EntityManager = this.dataSource.manager): Promise<BudgetView[]> {
    const ids = budgets.map((b) => b.id);
    const [districts, published] = ids.length
      ? await Promise.all([
          manager.find(BudgetDistrictEntity, { where: { budgetId: In(ids) }, order: { district: 'ASC' } }),
          manager.find(BudgetOutcomeEntity, {
            where: { budgetId: In(ids), publishedAt: Not(IsNull()) },
            select: { id: true, budgetId: true },
          }),
        ])
      : [[], []];
    return budgets.map((budget) => ({
      id: budget.id,
      title: budget.title,
      description: budget.description,
      currency: budget.currency,
      totalAmount: budget.totalAmount,
      phase: effectivePhase(budget),
      schedule: {
        proposingStartsAt: budget.proposingStartsAt?.toISOString() ?? null,
        reviewingStartsAt: budget.reviewingStartsAt?.toISOString() ?? null,
        votingStartsAt: budget.votingStartsAt?.toISOString() ?? null,
        votingEndsAt: budget.votingEndsAt?.toISOString() ?? null,
      },
      ballot: { kind: budget.ballotKind, ...budget.ballotLimits },
      districts: districts.filter((d) => d.budgetId === budget.id).map((d) => ({ code: d.district, amount: d.amount })),
      districtVoting: budget.districtVoting,
      requireVerified: budget.requireVerified,
      liveResults: budget.liveResults,
      publishedOutcomeId: published.find((outcome) => outcome.budgetId === budget.id)?.id ?? null,
      createdAt: budget.createdAt.toISOString(),
      updatedAt: budget.updatedAt.toISOString(),
    }));
  }

  async presentOne(budget: BudgetEntity, manager?: EntityManager): Promise<BudgetView> {
    const [view] = await this.present([budget], manager);
    return view;
  }
}
