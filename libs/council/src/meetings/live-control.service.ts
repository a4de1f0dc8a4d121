import { Injectable } from '@nestjs/common';
import type { AgendaItemView, MeetingStatus, MeetingSummaryView } from '@polity/contracts';
import { type Principal, Problems, recordAudit, type Transaction, UnitOfWork } from '@polity/platform';
import { AgendaItemEntity } from '../entities/agenda-item.entity';
import type { MeetingEntity } from '../entities/meeting.entity';
import { itemOf, lockMeeting } from './meeting-lock';
import { MeetingPresenter, meetingSummary } from './meeting-presenter';

/** Where each clerk action may move a meeting from. */
const STATUS_STEPS: Record<'start' | 'adjourn' | 'end' | 'cancel', { from: readonly MeetingStatus[]; to: MeetingStatus }> = {
  start: { from: ['scheduled', 'adjourned'], to: 'live' },
  adjourn: { from: ['live'], to: 'adjourned' },
  end: { from: ['live', 'adjourned'], to: 'ended' },
  // Once under way a meeting adjourns or ends instead: what it already decided stands.
  cancel: { from: ['scheduled'], to: 'cancelled' },
};
type StatusStep = keyof typeof STATUS_STEPS;

/**
 * The clerk's live steps: start, open an item, close it, adjourn, end. Each commits with its
 * domain event; the live listener pushes it to `meetings:<id>`.
 */
@Injectable()
export class LiveControlService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly presenter: MeetingPresenter,
  ) {}

  async move(principal: Principal, meetingId: string, step: Exclude<StatusStep, 'cancel'>): Promise<MeetingSummaryView> {
    return this.transition(principal, meetingId, step);
  }

  /** Calls off a meeting that has not started; calendars subscribed to the feed show it cancelled. */
  cancel(principal: Principal, meetingId: string, reason: string): Promise<MeetingSummaryView> {
    return this.transition(principal, meetingId, 'cancel', reason);
  }

  private async transition(principal: Principal, meetingId: string, step: StatusStep, reason?: string): Promise<MeetingSummaryView> {
    const meeting = await this.unitOfWork.run(async (tx) => {
      const found = await lockMeeting(tx, meetingId);
      const { from, to } = STATUS_STEPS[step];
      if (!from.includes(found.status)) throw Problems.conflict('invalid_transition', `A ${found.status} meeting cannot ${step}.`);
      const before = found.status;
      const now = new Date();
      if (to === 'live') found.startedAt ??= now;
      if (to === 'ended') {
        await this.closeOpenItem(tx, found, now);
        found.endedAt = now;
      }
      if (to === 'cancelled') found.cancellationReason = reason ?? null;
      found.status = to;
      await tx.manager.save(found);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: `meeting.${step}`,
        target: { kind: 'meetings', id: meetingId },
        before: { status: before },
        after: reason === undefined ? { status: to } : { status: to, reason },
      });
      tx.publish('meeting.status_changed', { meetingId, from: before, to });
      return found;
    });
    return meetingSummary(meeting);
  }

  /** Opens an item for discussion; the item open before it closes. */
  async openItem(principal: Principal, meetingId: string, itemId: string): Promise<AgendaItemView> {
    const item = await this.unitOfWork.run(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      if (meeting.status !== 'live') throw Problems.conflict('meeting_not_live', 'Start (or resume) the meeting before opening an item.');
      const found = await itemOf(tx, meetingId, itemId);
      if (found.status === 'open') return found;
      const now = new Date();
      await this.closeOpenItem(tx, meeting, now);
      found.status = 'open';
      found.openedAt = now;
      found.closedAt = null;
      await tx.manager.save(found);
      await tx.manager.update('council_meeting', { id: meetingId }, { currentItemId: itemId });
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'meeting.item_opened',
        target: { kind: 'agenda_item', id: itemId },
        before: null,
        after: { meetingId },
      });
      tx.publish('meeting.item_opened', { meetingId, agendaItemId: itemId });
      return found;
    });
    const [view] = await this.presenter.items([item]);
    return view;
  }

  async closeItem(principal: Principal, meetingId: string, itemId: string): Promise<AgendaItemView> {
    const item = await this.unitOfWork.run(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      const found = await itemOf(tx, meetingId, itemId);
      if (found.status !== 'open') throw Problems.conflict('item_not_open', 'This item is not open.');
      await this.closeOpenItem(tx, meeting, new Date());
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'meeting.item_closed',
        target: { kind: 'agenda_item', id: itemId },
        before: null,
        after: { meetingId },
      });
      return tx.manager.findOneByOrFail(AgendaItemEntity, { id: itemId });
    });
    const [view] = await this.presenter.items([item]);
    return view;
  }

  private async closeOpenItem(tx: Transaction, meeting: MeetingEntity, now: Date): Promise<void> {
    const open = await tx.manager.findOneBy(AgendaItemEntity, { meetingId: meeting.id, status: 'open' });
    meeting.currentItemId = null;
    await tx.manager.update('council_meeting', { id: meeting.id }, { currentItemId: null });
    if (!open) return;
    await tx.manager.update(AgendaItemEntity, { id: open.id }, { status: 'closed', closedAt: now });
    tx.publish('meeting.item_closed', { meetingId: meeting.id, agendaItemId: open.id });
  }
}
