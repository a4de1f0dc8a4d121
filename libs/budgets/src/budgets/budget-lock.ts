import { AdvisoryLock, type Transaction } from '@polity/platform';

/**
 * Locks on one budget. Ballots and project edits take the shared lock (they never wait for each
 * other); phase changes and publication take the exclusive lock, so no ballot commits into a
 * phase that has just closed.
 */
export const BudgetLock = {
  shared: (tx: Transaction, budgetId: string): Promise<void> => AdvisoryLock.shared(tx, `budget:${budgetId}`),
  exclusive: (tx: Transaction, budgetId: string): Promise<void> => AdvisoryLock.exclusive(tx, `budget:${budgetId}`),
};
