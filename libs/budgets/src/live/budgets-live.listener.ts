import { Injectable } from '@nestjs/common';
import { type DomainEvent, roomName } from '@polity/contracts';
import { OnDomainEvent } from '@polity/platform';
import { Broadcaster } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { BudgetPresenter } from '../budgets/budget-presenter';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetProjectEntity } from '../entities/budget-project.entity';
import { BudgetProjectPresenter } from '../projects/budget-project-presenter';

const LIST_ROOM = 'budgets';

/** Pushes committed budget changes to the budget's room and the list. Drafts stay private. */
@Injectable()
export class BudgetsLiveListener {
  constructor(
    private readonly dataSource: DataSource,
    private readonly budgets: BudgetPresenter,
    private readonly projects: BudgetProjectPresenter,
    private readonly broadcaster: Broadcaster,
  ) {}

  @OnDomainEvent(['budget.created', 'budget.updated', 'budget.phase_changed'])
  async budgetChanged(event: DomainEvent<'budget.created' | 'budget.updated' | 'budget.phase_changed'>): Promise<void> {
    const budget = await this.dataSource.manager.findOneBy(BudgetEntity, { id: event.payload.budgetId });
    if (!budget) return;
    const view = await this.budgets.presentOne(budget);
    const room = roomName('budgets', budget.id);
    if (event.type === 'budget.phase_changed') {
      const { from, to } = (event as DomainEvent<'budget.phase_changed'>).payload;
      await this.broadcaster.toRoom(room, 'budget.phase_changed', { id: budget.id, from, to });
    }
    await this.broadcaster.toRoom(room, 'budget.updated', view);
    if (view.phase !== 'draft') await this.broadcaster.toRoom(LIST_ROOM, 'budget.updated', view);
  }

  @OnDomainEvent(['budget.project_changed', 'budget.project_reviewed'])
  async projectChanged(event: DomainEvent<'budget.project_changed' | 'budget.project_reviewed'>): Promise<void> {
    const project = await this.dataSource.manager.findOneBy(BudgetProjectEntity, { id: event.payload.projectId });
    if (!project) return;
    const room = roomName('budgets', project.budgetId);
    // A suggestion held or hidden by moderation is announced as removed, never shown.
    if (project.moderationState !== 'visible') await this.broadcaster.toRoom(room, 'budget.project_removed', { id: project.id });
    else await this.broadcaster.toRoom(room, 'budget.project_updated', await this.projects.presentOne(project));
  }

  @OnDomainEvent('budget.outcome_published')
  async outcomePublished(event: DomainEvent<'budget.outcome_published'>): Promise<void> {
    await this.broadcaster.toRoom(roomName('budgets', event.payload.budgetId), 'budget.outcome_published', event.payload);
  }
}
