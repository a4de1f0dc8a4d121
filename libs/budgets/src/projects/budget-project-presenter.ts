import { Injectable } from '@nestjs/common';
import type { BudgetProjectView } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import type { BudgetProjectEntity } from '../entities/budget-project.entity';

@Injectable()
export class BudgetProjectPresenter {
  constructor(private readonly users: UsersService) {}

  async present(projects: BudgetProjectEntity[]): Promise<BudgetProjectView[]> {
    const authors = await this.users.publicProfiles(projects.flatMap((p) => (p.suggestedById ? [p.suggestedById] : [])));
    return projects.map((p) => ({
      id: p.id,
      budgetId: p.budgetId,
      title: p.title,
      description: p.description,
      cost: p.cost,
      district: p.district,
      category: p.category,
      feasibility: p.feasibility,
      unfeasibleReason: p.unfeasibleReason,
      externalId: p.externalId,
      suggestedBy: p.suggestedById ? (authors.get(p.suggestedById) ?? { id: p.suggestedById, displayName: 'Deleted user' }) : null,
      sourceProposalId: p.sourceProposalId,
      moderationState: p.moderationState,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    }));
  }

  async presentOne(project: BudgetProjectEntity): Promise<BudgetProjectView> {
    const [view] = await this.present([project]);
    return view;
  }
}
