import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { newestFirstPage, Page } from '@polity/platform';
import { DataSource, Repository } from 'typeorm';
import { ModerationLogEntryEntity } from '../entities/moderation-log-entry.entity';
import type { ModerationLogEntryDto, ModerationLogQueryDto, ModerationStatsDto, StatsQueryDto } from './transparency.dto';

const DAY_MS = 86_400_000;

/** The public moderation log and its aggregate figures. */
@Injectable()
export class TransparencyQuery {
  constructor(
    @InjectRepository(ModerationLogEntryEntity) private readonly log: Repository<ModerationLogEntryEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async entries(query: ModerationLogQueryDto): Promise<Page<ModerationLogEntryDto>> {
    const builder = this.log.createQueryBuilder('l');
    if (query.kind) builder.andWhere('l.content_kind = :kind', { kind: query.kind });
    const page = await newestFirstPage(builder, 'occurred_at', (row) => row.occurredAt, query);
    return { items: page.items.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })), nextCursor: page.nextCursor };
  }

  async stats(query: StatsQueryDto): Promise<ModerationStatsDto> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    const [row] = await this.dataSource.query<Record<string, string | null>[]>(
      `SELECT
         (SELECT count(*) FROM moderation_screening WHERE created_at >= $1 AND created_at < $2) AS screened,
         (SELECT count(*) FROM moderation_screening WHERE flagged AND created_at >= $1 AND created_at < $2) AS flagged,
         (SELECT count(*) FROM moderation_report WHERE created_at >= $1 AND created_at < $2) AS reports,
         (SELECT count(*) FROM moderation_appeal WHERE created_at >= $1 AND created_at < $2) AS appeals,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM created_at - queued_at))
            FROM moderation_decision WHERE queued_at IS NOT NULL AND created_at >= $1 AND created_at < $2) AS median,
         l.*
       FROM (SELECT count(*) FILTER (WHERE action = 'held') AS held,
                    count(*) FILTER (WHERE action = 'hidden') AS hidden,
                    count(*) FILTER (WHERE action = 'restored') AS restored,
                    count(*) FILTER (WHERE action = 'dismissed') AS dismissed,
                    count(*) FILTER (WHERE action = 'author_blocked') AS blocked,
                    count(*) FILTER (WHERE action = 'appeal_upheld') AS upheld,
                    count(*) FILTER (WHERE action = 'appeal_overturned') AS overturned
               FROM moderation_log_entry WHERE occurred_at >= $1 AND occurred_at < $2) l`,
      [from, to],
    );
    const n = (key: string) => Number(row[key] ?? 0);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      screened: n('screened'),
      flagged: n('flagged'),
      reports: n('reports'),
      held: n('held'),
      hidden: n('hidden'),
      restored: n('restored'),
      dismissed: n('dismissed'),
      authorsBlocked: n('blocked'),
      appeals: n('appeals'),
      appealsUpheld: n('upheld'),
      appealsOverturned: n('overturned'),
      medianSecondsToDecision: row.median === null ? null : Math.round(Number(row.median) * 10) / 10,
    };
  }
}
