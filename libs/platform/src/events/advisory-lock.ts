import type { Transaction } from './transaction';

/**
 * Transaction-scoped advisory locks on one resource (`proposal:<id>`, `budget:<id>`): frequent
 * writers take the shared lock and never wait for each other; a change that must see no writer
 * in flight (an edit, a phase change) takes the exclusive one. Released at commit or rollback.
 */
export const AdvisoryLock = {
  async shared(tx: Transaction, key: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))`, [key]);
  },
  async exclusive(tx: Transaction, key: string): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
  },
};
