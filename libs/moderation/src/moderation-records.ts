import type { ContentState, ModerationLogEntryView, ModerationOrigin, ReasonCategory } from '@polity/contracts';
import { Transaction } from '@polity/platform';
import { ModerationItemEntity } from './entities/moderation-item.entity';
import { ModerationLogEntryEntity } from './entities/moderation-log-entry.entity';

/** The moderation item of a piece of content, created on first need and locked for this transaction. */
export async function lockItem(
  tx: Transaction,
  kind: string,
  contentId: string,
  authorId: string,
  state: ContentState,
): Promise<ModerationItemEntity> {
  await tx.manager
    .createQueryBuilder()
    .insert()
    .into(ModerationItemEntity)
    .values({ kind, contentId, authorId, state })
    .orIgnore()
    .execute();
  return tx.manager.findOneOrFail(ModerationItemEntity, { where: { kind, contentId }, lock: { mode: 'pessimistic_write' } });
}

export async function lockItemById(tx: Transaction, id: string): Promise<ModerationItemEntity | null> {
  return tx.manager.findOne(ModerationItemEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** The advisory lock that serialises one author's screenings, so the rate and repeat rules count each other exactly. */
export const authorLockKey = (authorId: string): string => `moderation-author:${authorId}`;

export interface LogEntry {
  contentKind: string;
  reason: ReasonCategory;
  action: ModerationLogEntryView['action'];
  origin: ModerationOrigin;
  rules?: string[];
}

export function writeLog(tx: Transaction, entry: LogEntry): Promise<void> {
  return writeLogs(tx, [entry]);
}

/** Public log lines, in one statement however many (a screening batch holds dozens at once). */
export async function writeLogs(tx: Transaction, entries: readonly LogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.manager.insert(
    ModerationLogEntryEntity,
    entries.map((entry) => ({ ...entry, rules: entry.rules ?? [] })),
  );
}

/** Puts an item in the queue (or keeps it there), recording why. */
export function enqueue(item: ModerationItemEntity, origin: ModerationOrigin): void {
  if (!item.open) item.queuedAt = new Date();
  item.open = true;
  item.origin = origin;
}
