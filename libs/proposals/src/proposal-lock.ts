import type { Transaction } from '@polity/platform';

/**
 * Transaction-scoped advisory locks on one proposal. Supports and comments take the shared lock
 * (they never wait for each other, and touch no row of the proposal); an author's edit takes the
 * exclusive lock, so "no support or comment yet" stays true until the edit commits.
 */
export const ProposalLock = {
  async shared(tx: Transaction, proposalId: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended('proposal:' || $1, 0))`, [proposalId]);
  },
  async exclusive(tx: Transaction, proposalId: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('proposal:' || $1, 0))`, [proposalId]);
  },
};
