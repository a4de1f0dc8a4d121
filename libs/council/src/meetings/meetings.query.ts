import { Injectable } from '@nestjs/common';
import type { MeetingSummaryView, MeetingView } from '@polity/contracts';
import { decodeCursor, type Page, Problems, toPage } from '@polity/platform';
import { DataSource } from 'typeorm';
import { MeetingEntity } from '../entities/meeting.entity';
import { MeetingPresenter, meetingSummary } from './meeting-presenter';
import type { ListMeetingsQueryDto } from './meetings.dto';

/** How long after its start a meeting still counts as upcoming (it may be running late or live). */
const UPCOMING_GRACE_MS = 12 * 3600_000;
const CALENDAR_LIMIT = 500;

@Injectable()
export class MeetingsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly presenter: MeetingPresenter,
  ) {}

  /** Upcoming meetings soonest first, past ones latest first. */
  async list(query: ListMeetingsQueryDto, now = new Date()): Promise<Page<MeetingSummaryView>> {
    const upcoming = query.when === 'upcoming';
    const builder = this.dataSource.manager.createQueryBuilder(MeetingEntity, 'm');
    const since = new Date(now.getTime() - UPCOMING_GRACE_MS);
    if (upcoming) builder.where("(m.scheduled_at >= :since OR m.status IN ('live', 'adjourned')) AND m.status <> 'ended'", { since });
    else builder.where("(m.scheduled_at < :since OR m.status = 'ended')", { since });
    if (query.status) builder.andWhere('m.status = :status', { status: query.status });
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (after)
      builder.andWhere(`(m.scheduled_at, m.id) ${upcoming ? '>' : '<'} (:at::timestamptz, :id::uuid)`, { at: after[0], id: after[1] });
    const direction = upcoming ? 'ASC' : 'DESC';
    const rows = await builder
      .orderBy('m.scheduled_at', direction)
      .addOrderBy('m.id', direction)
      .limit(query.limit + 1)
      .getMany();
    return toPage(rows, query.limit, (row) => [row.scheduledAt.toISOString(), row.id], meetingSummary);
  }

  async upcomingForCalendar(now = new Date()): Promise<MeetingSummaryView[]> {
    const page = await this.list({ when: 'upcoming', limit: CALENDAR_LIMIT }, now);
    return page.items;
  }

  async get(id: string): Promise<MeetingView> {
    const meeting = await this.dataSource.manager.findOneBy(MeetingEntity, { id });
    if (!meeting) throw Problems.notFound('That meeting');
    return this.presenter.present(meeting);
  }
}
