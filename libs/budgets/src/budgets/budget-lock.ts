import type { Transaction } from '@polity/platform';

/**
 * Transaction-scoped advisory locks on one budget. Ballots and project edits take the shared
 * lock (they never wait for each other); phase changes and publication take the exclusive lock,
 * so no ballot commits into a phase that has just closed.
 */
export const BudgetLock = {
  async shared(tx: Transaction, budgetId: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended('budget:' || $1, 0))`, [budgetId]);
  },
  async exclusive(tx: Transaction, budgetId: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('budget:' || $1, 0))`, [budgetId]);
  },
};
