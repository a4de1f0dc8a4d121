import { Injectable } from '@nestjs/common';
import { type DomainEvent, roomName } from '@polity/contracts';
import { DiscussableResources, OnDomainEvent } from '@polity/platform';
import { Broadcaster } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { DecisionsQuery } from '../decisions/decisions.query';
import { AgendaItemEntity } from '../entities/agenda-item.entity';
import { MeetingEntity } from '../entities/meeting.entity';
import { MeetingPresenter, meetingSummary } from '../meetings/meeting-presenter';

const LIST_ROOM = 'meetings';

/**
 * Pushes the clerk's committed steps to `meetings:<id>`; a decision (or its correction) also goes to
 * the room of every resource it concerns, all at once.
 */
@Injectable()
export class CouncilLiveListener {
  constructor(
    private readonly dataSource: DataSource,
    private readonly presenter: MeetingPresenter,
    private readonly decisions: DecisionsQuery,
    private readonly resources: DiscussableResources,
    private readonly broadcaster: Broadcaster,
  ) {}

  @OnDomainEvent(['meeting.scheduled', 'meeting.updated'])
  async meetingChanged(event: DomainEvent<'meeting.scheduled'> | DomainEvent<'meeting.updated'>): Promise<void> {
    const meeting = await this.dataSource.manager.findOneBy(MeetingEntity, { id: event.payload.meetingId });
    if (!meeting) return;
    const summary = meetingSummary(meeting);
    await Promise.all([
      this.broadcaster.toRoom(roomName('meetings', meeting.id), 'meeting.updated', summary),
      this.broadcaster.toRoom(LIST_ROOM, 'meeting.updated', summary),
    ]);
  }

  @OnDomainEvent('meeting.status_changed')
  async statusChanged(event: DomainEvent<'meeting.status_changed'>): Promise<void> {
    const { meetingId, from, to } = event.payload;
    const status = { id: meetingId, from, to, at: event.occurredAt };
    await Promise.all([
      this.broadcaster.toRoom(roomName('meetings', meetingId), 'meeting.status', status),
      this.broadcaster.toRoom(LIST_ROOM, 'meeting.status', status),
    ]);
  }

  @OnDomainEvent(['meeting.item_opened', 'meeting.item_closed'])
  async itemChanged(event: DomainEvent<'meeting.item_opened'> | DomainEvent<'meeting.item_closed'>): Promise<void> {
    const item = await this.dataSource.manager.findOneBy(AgendaItemEntity, { id: event.payload.agendaItemId });
    if (!item) return;
    const [view] = await this.presenter.items([item]);
    await this.broadcaster.toRoom(roomName('meetings', item.meetingId), 'meeting.item', view);
  }

  @OnDomainEvent(['meeting.decision_recorded', 'meeting.decision_corrected'])
  async decided(event: DomainEvent<'meeting.decision_recorded'> | DomainEvent<'meeting.decision_corrected'>): Promise<void> {
    const { meetingId, decisionId, links } = event.payload;
    const [decision, linkedRooms] = await Promise.all([this.decisions.one(decisionId), this.resources.publicRooms(links)]);
    if (!decision) return;
    const name = event.type === 'meeting.decision_recorded' ? 'decision.recorded' : 'decision.corrected';
    const rooms = [roomName('meetings', meetingId), ...linkedRooms];
    await Promise.all(rooms.map((room) => this.broadcaster.toRoom(room, name, decision)));
  }
}
