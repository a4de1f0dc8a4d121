import type { BudgetPhase } from '@polity/contracts';
import type { Transaction } from '@polity/platform';
import type { BudgetEntity } from '../entities/budget.entity';
import { effectivePhase, isAtLeast } from './budget-phases';

/**
 * Records a budget's move to a later phase, by an official or by the schedule. Closing the vote
 * raises the ballots revision, so outcomes computed while voting was open count as preliminary.
 * Call with the budget's exclusive lock held.
 */
export async function recordPhase(tx: Transaction, budget: BudgetEntity, to: BudgetPhase): Promise<void> {
  const from = budget.phase;
  if (from === to) return;
  if (isAtLeast(to, 'closed') && !isAtLeast(from, 'closed')) budget.ballotsRevision += 1;
  budget.phase = to;
  await tx.manager.save(budget);
  tx.publish('budget.phase_changed', { budgetId: budget.id, from, to });
}

/** Records the phase the schedule has already reached, before acting on the budget. */
export async function catchUpPhase(tx: Transaction, budget: BudgetEntity): Promise<BudgetPhase> {
  const phase = effectivePhase(budget);
  await recordPhase(tx, budget, phase);
  return phase;
}
