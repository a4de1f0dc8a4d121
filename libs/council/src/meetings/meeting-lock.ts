import { Problems, type Transaction } from '@polity/platform';
import { AgendaItemEntity } from '../entities/agenda-item.entity';
import { MeetingEntity } from '../entities/meeting.entity';

/** Every change to a meeting, its agenda and its decisions takes the meeting's row lock, so the clerk's steps apply one at a time. */
export async function lockMeeting(tx: Transaction, id: string): Promise<MeetingEntity> {
  const meeting = await tx.manager.findOne(MeetingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!meeting) throw Problems.notFound('That meeting');
  return meeting;
}

export async function itemOf(tx: Transaction, meetingId: string, itemId: string): Promise<AgendaItemEntity> {
  const item = await tx.manager.findOneBy(AgendaItemEntity, { id: itemId, meetingId });
  if (!item) throw Problems.notFound('That agenda item');
  return item;
}
