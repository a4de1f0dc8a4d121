import { hasRole, type Principal, Problems } from '@polity/platform';
import type { BudgetEntity } from '../entities/budget.entity';
import { effectivePhase } from './budget-phases';

/** Officials (and admins) run budgets: create, review, count paper ballots, publish. */
export const managesBudgets = (principal: Principal | undefined): boolean => hasRole(principal, 'official', 'admin');

/** Drafts are for officials; anything later is public. Others get a 404, not a hint it exists. */
export function assertVisible(budget: BudgetEntity | null, principal: Principal | undefined): asserts budget is BudgetEntity {
  if (!budget || (effectivePhase(budget) === 'draft' && !managesBudgets(principal))) throw Problems.notFound('That budget');
}
