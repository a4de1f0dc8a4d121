import { Injectable } from '@nestjs/common';
import type { AgendaItemView, MeetingView } from '@polity/contracts';
import {
  CouncilConfig,
  DiscussableResources,
  type Principal,
  Problems,
  recordAudit,
  type ResourceLinkDto,
  type Transaction,
  UnitOfWork,
  uniqueLinks,
} from '@polity/platform';
import { AgendaItemEntity } from '../entities/agenda-item.entity';
import { AgendaLinkEntity } from '../entities/agenda-link.entity';
import { DecisionEntity } from '../entities/decision.entity';
import { MeetingEntity } from '../entities/meeting.entity';
import { itemOf, lockMeeting } from './meeting-lock';
import { MeetingPresenter, meetingSummary } from './meeting-presenter';
import type { CreateAgendaItemDto, CreateMeetingDto, ReorderAgendaDto, UpdateAgendaItemDto, UpdateMeetingDto } from './meetings.dto';
import { parseStreamUrl } from './stream-url';

/** Clerks schedule meetings and keep their agenda; the live steps are in LiveControlService. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly presenter: MeetingPresenter,
    private readonly resources: DiscussableResources,
    private readonly config: CouncilConfig,
  ) {}

  async create(principal: Principal, input: CreateMeetingDto): Promise<MeetingView> {
    const stream = input.streamUrl ? parseStreamUrl(input.streamUrl, this.config) : null;
    assertEndsAfterStart(input.scheduledAt, input.endsAt);
    const meeting = await this.unitOfWork.run(async (tx) => {
      const saved = await tx.manager.save(
        tx.manager.create(MeetingEntity, {
          body: input.body,
          title: input.title,
          description: input.description,
          place: input.place,
          scheduledAt: new Date(input.scheduledAt),
          endsAt: input.endsAt ? new Date(input.endsAt) : null,
          streamProvider: stream?.provider ?? null,
          streamUrl: stream?.url ?? null,
          streamEmbedUrl: stream?.embedUrl ?? null,
          createdById: principal.userId,
        }),
      );
      tx.publish('meeting.scheduled', { meetingId: saved.id });
      return saved;
    });
    return this.presenter.present(meeting);
  }

  async update(principal: Principal, id: string, input: UpdateMeetingDto): Promise<MeetingView> {
    // Undefined leaves the stream as it is; null or empty removes it.
    const stream = input.streamUrl === undefined ? undefined : input.streamUrl ? parseStreamUrl(input.streamUrl, this.config) : null;
    const meeting = await this.unitOfWork.run(async (tx) => {
      const found = await lockMeeting(tx, id);
      const before = meetingSummary(found);
      if (input.body !== undefined) found.body = input.body;
      if (input.title !== undefined) found.title = input.title;
      if (input.description !== undefined) found.description = input.description;
      if (input.place !== undefined) found.place = input.place;
      if (input.scheduledAt !== undefined) found.scheduledAt = new Date(input.scheduledAt);
      if (input.endsAt !== undefined) found.endsAt = new Date(input.endsAt);
      assertEndsAfterStart(found.scheduledAt, found.endsAt);
      if (stream !== undefined) {
        found.streamProvider = stream?.provider ?? null;
        found.streamUrl = stream?.url ?? null;
        found.streamEmbedUrl = stream?.embedUrl ?? null;
      }
      if (input.recordingUrl !== undefined) found.recordingUrl = input.recordingUrl;
      if (input.minutes !== undefined) found.minutes = input.minutes;
      await tx.manager.save(found);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'meeting.updated',
        target: { kind: 'meetings', id },
        before: { ...before },
        after: { ...meetingSummary(found), minutesChanged: input.minutes !== undefined },
      });
      tx.publish('meeting.updated', { meetingId: id });
      return found;
    });
    return this.presenter.present(meeting);
  }

  async addItem(principal: Principal, meetingId: string, input: CreateAgendaItemDto): Promise<AgendaItemView> {
    await this.resources.assertLinkable(input.links, principal);
    const item = await this.unitOfWork.run(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      if (meeting.status === 'ended' || meeting.status === 'cancelled') {
        throw Problems.conflict('meeting_ended', `This meeting was ${meeting.status}; its agenda is final.`);
      }
      const { last } = (await tx.manager
        .createQueryBuilder(AgendaItemEntity, 'i')
        .select('coalesce(max(i.position), 0)', 'last')
        .where('i.meeting_id = :meetingId', { meetingId })
        .getRawOne<{ last: number }>()) ?? { last: 0 };
      const saved = await tx.manager.save(
        tx.manager.create(AgendaItemEntity, { meetingId, position: Number(last) + 1, title: input.title, description: input.description }),
      );
      await this.replaceLinks(tx, saved.id, input.links);
      tx.publish('meeting.updated', { meetingId });
      return saved;
    });
    const [view] = await this.presenter.items([item]);
    return view;
  }

  /** Links are fixed once the item has a decision: what the decision concerned must not change after the fact. */
  async updateItem(principal: Principal, meetingId: string, itemId: string, input: UpdateAgendaItemDto): Promise<AgendaItemView> {
    if (input.links) await this.resources.assertLinkable(input.links, principal);
    const item = await this.unitOfWork.run(async (tx) => {
      await lockMeeting(tx, meetingId);
      const found = await itemOf(tx, meetingId, itemId);
      if (input.title !== undefined) found.title = input.title;
      if (input.description !== undefined) found.description = input.description;
      await tx.manager.save(found);
      if (input.links) {
        if (await tx.manager.existsBy(DecisionEntity, { agendaItemId: itemId }))
          throw Problems.conflict(
            'item_decided',
            'This item has a decision; what it concerns can no longer change. Correct the decision instead.',
          );
        await this.replaceLinks(tx, itemId, input.links);
      }
      tx.publish('meeting.updated', { meetingId });
      return found;
    });
    const [view] = await this.presenter.items([item]);
    return view;
  }

  async removeItem(meetingId: string, itemId: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      await lockMeeting(tx, meetingId);
      const item = await itemOf(tx, meetingId, itemId);
      if (item.status !== 'pending') throw Problems.conflict('item_discussed', 'Only items not yet discussed can be removed.');
      await tx.manager.delete(AgendaLinkEntity, { agendaItemId: itemId });
      await tx.manager.delete(AgendaItemEntity, { id: itemId });
      await tx.manager.query('UPDATE council_agenda_item SET position = position - 1 WHERE meeting_id = $1 AND position > $2', [
        meetingId,
        item.position,
      ]);
      tx.publish('meeting.updated', { meetingId });
    });
  }

  async reorder(meetingId: string, input: ReorderAgendaDto): Promise<MeetingView> {
    const meeting = await this.unitOfWork.run(async (tx) => {
      const found = await lockMeeting(tx, meetingId);
      const items = await tx.manager.findBy(AgendaItemEntity, { meetingId });
      const known = new Set(items.map((item) => item.id));
      if (input.itemIds.length !== items.length || !input.itemIds.every((id) => known.has(id)))
        throw Problems.unprocessable('incomplete_order', 'Give every agenda item of this meeting exactly once.', [
          { field: 'itemIds', rule: 'permutation', message: `must list the ${items.length} items of the agenda` },
        ]);
      for (const [index, id] of input.itemIds.entries()) await tx.manager.update(AgendaItemEntity, { id }, { position: index + 1 });
      tx.publish('meeting.updated', { meetingId });
      return found;
    });
    return this.presenter.present(meeting);
  }

  private async replaceLinks(tx: Transaction, agendaItemId: string, links: readonly ResourceLinkDto[]): Promise<void> {
    await tx.manager.delete(AgendaLinkEntity, { agendaItemId });
    const unique = uniqueLinks(links);
    if (unique.length > 0)
      await tx.manager.insert(
        AgendaLinkEntity,
        unique.map((link, position) => ({ agendaItemId, kind: link.kind, resourceId: link.id, position })),
      );
  }
}

function assertEndsAfterStart(scheduledAt: string | Date, endsAt: string | Date | null | undefined): void {
  if (endsAt && new Date(endsAt) <= new Date(scheduledAt))
    throw Problems.unprocessable('ends_before_start', 'A meeting ends after it starts.', [
      { field: 'endsAt', rule: 'afterScheduledAt', message: 'must be after scheduledAt' },
    ]);
}
