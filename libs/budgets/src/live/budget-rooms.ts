import { Injectable } from '@nestjs/common';
import { roomName } from '@polity/contracts';
import {
  canSeeContent,
  type DiscussableResource,
  isUuid,
  type Principal,
  Problems,
  DiscussionOf,
  type Transaction,
} from '@polity/platform';
import { type RoomPolicy, RoomPolicyFor } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { assertVisible, managesBudgets } from '../budgets/budget-access';
import { effectivePhase } from '../budgets/budget-phases';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetProjectEntity } from '../entities/budget-project.entity';

/** `budgets:<id>`: anyone may watch a budget past its draft; drafts only officials. */
@RoomPolicyFor('budgets')
@Injectable()
export class BudgetRoomPolicy implements RoomPolicy {
  constructor(private readonly dataSource: DataSource) {}

  async canJoin(principal: Principal | undefined, id: string | undefined): Promise<boolean> {
    if (!isUuid(id)) return false;
    const budget = await this.dataSource.manager.findOneBy(BudgetEntity, { id });
    return budget !== null && (effectivePhase(budget) !== 'draft' || managesBudgets(principal));
  }
}

/** Comments and follows on a budget; its room hears of them. */
@DiscussionOf('budgets')
@Injectable()
export class BudgetDiscussion implements DiscussableResource {
  constructor(private readonly dataSource: DataSource) {}

  async roomFor(id: string, principal: Principal | undefined): Promise<string | null> {
    const budget = await this.dataSource.manager.findOneBy(BudgetEntity, { id });
    if (!budget || (effectivePhase(budget) === 'draft' && !managesBudgets(principal))) return null;
    return roomName('budgets', id);
  }

  async assertOpenForContribution(tx: Transaction, id: string, principal: Principal): Promise<void> {
    assertVisible(await tx.manager.findOneBy(BudgetEntity, { id }), principal);
  }

  async titleOf(id: string): Promise<string | null> {
    const budget = await this.dataSource.manager.findOneBy(BudgetEntity, { id });
    return budget && effectivePhase(budget) !== 'draft' ? budget.title : null;
  }
}

/** Comments and follows on a project; they are heard in its budget's room. */
@DiscussionOf('budget-projects')
@Injectable()
export class BudgetProjectDiscussion implements DiscussableResource {
  constructor(private readonly dataSource: DataSource) {}

  async roomFor(id: string, principal: Principal | undefined): Promise<string | null> {
    const project = await this.dataSource.manager.findOneBy(BudgetProjectEntity, { id });
    if (!project || !canSeeContent(project.moderationState, project.suggestedById ?? '', principal)) return null;
    const budget = await this.dataSource.manager.findOneBy(BudgetEntity, { id: project.budgetId });
    if (!budget || (effectivePhase(budget) === 'draft' && !managesBudgets(principal))) return null;
    return roomName('budgets', budget.id);
  }

  async assertOpenForContribution(tx: Transaction, id: string, principal: Principal): Promise<void> {
    const project = await tx.manager.findOneBy(BudgetProjectEntity, { id });
    if (!project) throw Problems.notFound('That project');
    if (project.moderationState !== 'visible')
      throw Problems.conflict('content_not_visible', 'This suggestion is awaiting moderation or was hidden.');
    assertVisible(await tx.manager.findOneBy(BudgetEntity, { id: project.budgetId }), principal);
  }

  async titleOf(id: string): Promise<string | null> {
    const project = await this.dataSource.manager.findOneBy(BudgetProjectEntity, { id });
    if (project?.moderationState !== 'visible') return null;
    const budget = await this.dataSource.manager.findOneBy(BudgetEntity, { id: project.budgetId });
    return budget && effectivePhase(budget) !== 'draft' ? project.title : null;
  }
}
