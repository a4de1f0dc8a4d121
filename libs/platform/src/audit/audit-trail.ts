import type { Transaction } from '../events/transaction';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  /** The person acting, or null for the system. */
  actorId: string | null;
  action: string;
  target: { kind: string; id?: string | null };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Writes the audit row inside the action's own transaction: a rolled-back action leaves no row,
 * and a committed one cannot lack it.
 */
export async function recordAudit(tx: Transaction, record: AuditRecord): Promise<void> {
  await tx.manager.insert(AuditEntryEntity, {
    actorId: record.actorId,
    action: record.action,
    targetKind: record.target.kind,
    targetId: record.target.id ?? null,
    before: record.before ?? null,
    after: record.after ?? null,
  });
}
