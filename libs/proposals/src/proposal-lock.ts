import { AdvisoryLock, type Transaction } from '@polity/platform';

/**
 * Locks on one proposal. Supports and comments take the shared lock (they never wait for each
 * other, and touch no row of the proposal); an author's edit takes the exclusive lock, so "no
 * support or comment yet" stays true until the edit commits.
 */
export const ProposalLock = {
  shared: (tx: Transaction, proposalId: string): Promise<void> => AdvisoryLock.shared(tx, `proposal:${proposalId}`),
  exclusive: (tx: Transaction, proposalId: string): Promise<void> => AdvisoryLock.exclusive(tx, `proposal:${proposalId}`),
};
