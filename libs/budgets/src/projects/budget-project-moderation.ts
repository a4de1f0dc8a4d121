import { Injectable } from '@nestjs/common';
import type { ContentState } from '@polity/contracts';
import { ModeratableContent, ModeratableKind, ModeratedText, Transaction, updateStates } from '@polity/platform';
import { EntityManager, In, Not, IsNull } from 'typeorm';
import { BudgetProjectEntity } from '../entities/budget-project.entity';

/** Residents' project suggestions as moderation sees them; officials' own projects are not moderated. */
@ModeratableKind('budget-projects')
@Injectable()
export class BudgetProjectModeration implements ModeratableContent {
  async load(manager: EntityManager, ids: string[]): Promise<ModeratedText[]> {
    if (ids.length === 0) return [];
    const rows = await manager.find(BudgetProjectEntity, {
      where: { id: In(ids), suggestedById: Not(IsNull()) },
      select: { id: true, suggestedById: true, title: true, description: true, moderationState: true },
    });
    return rows.map((p) => ({
      id: p.id,
      authorId: p.suggestedById as string,
      text: `${p.title}\n\n${p.description}`,
      state: p.moderationState,
      deleted: false,
    }));
  }

  async setState(tx: Transaction, ids: readonly string[], state: ContentState): Promise<void> {
    for (const project of await updateStates<{ id: string; budget_id: string }>(tx, BudgetProjectEntity, ids, state, 'budget_id'))
      tx.publish('budget.project_changed', { budgetId: project.budget_id, projectId: project.id });
  }
}
