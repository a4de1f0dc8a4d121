import { hasRole, type Principal, Problems, type Transaction } from '@polity/platform';
import { ThreadEntity } from '../entities/thread.entity';

/**
 * A thread's facilitators (and admins) run it, while they hold the official role: facilitation
 * comes with the role and ends with it, even if the thread still lists them.
 */
export const facilitates = (thread: ThreadEntity, principal: Principal | undefined): boolean =>
  hasRole(principal, 'admin') || (hasRole(principal, 'official') && thread.facilitatorIds.includes((principal as Principal).userId));

export function assertFacilitator(thread: ThreadEntity, principal: Principal): void {
  if (!facilitates(thread, principal)) throw Problems.forbidden('not_facilitator', "Only this thread's facilitators can do this.");
}

export function assertOpen(thread: ThreadEntity): void {
  if (thread.status === 'closed') throw Problems.conflict('thread_closed', 'This thread is closed; it takes no new posts or reactions.');
}

/**
 * The thread, locked for the rest of the transaction: stage moves, settings and new posts on one
 * thread take turns, so a post's stage and the thread's counters stay true.
 */
export async function lockThread(
  tx: Transaction,
  id: string,
  mode: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
): Promise<ThreadEntity> {
  const thread = await tx.manager.findOne(ThreadEntity, { where: { id }, lock: { mode } });
  if (!thread) throw Problems.notFound('That thread');
  return thread;
}
