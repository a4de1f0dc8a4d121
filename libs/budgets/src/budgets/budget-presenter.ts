import { Injectable } from '@nestjs/common';
import type { BudgetView } from '@polity/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetDistrictEntity } from '../entities/budget-district.entity';
import { effectivePhase } from './budget-phases';

/** The public view of budgets, with their district pots and the phase as of now. */
@Injectable()
export class BudgetPresenter {
  constructor(private readonly dataSource: DataSource) {}

  async present(budgets: BudgetEntity[], manager: EntityManager = this.dataSource.manager): Promise<BudgetView[]> {
    const districts = budgets.length
      ? await manager.find(BudgetDistrictEntity, { where: { budgetId: In(budgets.map((b) => b.id)) }, order: { district: 'ASC' } })
      : [];
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
      publishedOutcomeId: budget.publishedOutcomeId,
      createdAt: budget.createdAt.toISOString(),
      updatedAt: budget.updatedAt.toISOString(),
    }));
  }

  async presentOne(budget: BudgetEntity, manager?: EntityManager): Promise<BudgetView> {
    const [view] = await this.present([budget], manager);
    return view;
  }
}
