import { Injectable } from '@nestjs/common';
import type { AgendaItemView, MeetingSummaryView, MeetingView } from '@polity/contracts';
import { renderMarkdown } from '@polity/platform';
import { DataSource } from 'typeorm';
import { DecisionPresenter, linksByItem } from '../decisions/decision-presenter';
import { AgendaItemEntity } from '../entities/agenda-item.entity';
import { DecisionEntity } from '../entities/decision.entity';
import type { MeetingEntity } from '../entities/meeting.entity';

export const meetingSummary = (meeting: MeetingEntity): MeetingSummaryView => ({
  id: meeting.id,
  body: meeting.body,
  title: meeting.title,
  description: meeting.description,
  place: meeting.place,
  scheduledAt: meeting.scheduledAt.toISOString(),
  endsAt: meeting.endsAt?.toISOString() ?? null,
  status: meeting.status,
  stream:
    meeting.streamProvider && meeting.streamUrl && meeting.streamEmbedUrl
      ? { provider: meeting.streamProvider, url: meeting.streamUrl, embedUrl: meeting.streamEmbedUrl }
      : null,
  recordingUrl: meeting.recordingUrl,
  startedAt: meeting.startedAt?.toISOString() ?? null,
  endedAt: meeting.endedAt?.toISOString() ?? null,
  cancellationReason: meeting.cancellationReason,
  currentItemId: meeting.currentItemId,
});

/** A meeting with its agenda, each item's links and decisions. Meetings are public. */
@Injectable()
export class MeetingPresenter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly decisions: DecisionPresenter,
  ) {}

  async present(meeting: MeetingEntity): Promise<MeetingView> {
    const items = await this.dataSource.manager.find(AgendaItemEntity, { where: { meetingId: meeting.id }, order: { position: 'ASC' } });
    return {
      ...meetingSummary(meeting),
      minutes: meeting.minutes,
      minutesHtml: meeting.minutes === null ? null : renderMarkdown(meeting.minutes),
      agenda: await this.items(items),
    };
  }

  async items(items: AgendaItemEntity[]): Promise<AgendaItemView[]> {
    const ids = items.map((item) => item.id);
    const [links, decisions] = await Promise.all([
      linksByItem(this.dataSource, ids),
      ids.length === 0
        ? []
        : this.dataSource.manager
            .createQueryBuilder(DecisionEntity, 'd')
            .where('d.agenda_item_id IN (:...ids)', { ids })
            .orderBy('d.decided_at', 'ASC')
            .addOrderBy('d.id', 'ASC')
            .getMany()
            .then((rows) => this.decisions.present(rows)),
    ]);
    return items.map((item) => ({
      id: item.id,
      meetingId: item.meetingId,
      position: item.position,
      title: item.title,
      description: item.description,
      status: item.status,
      openedAt: item.openedAt?.toISOString() ?? null,
      closedAt: item.closedAt?.toISOString() ?? null,
      links: links.get(item.id) ?? [],
      decisions: decisions.filter((decision) => decision.agendaItem.id === item.id),
    }));
  }
}
