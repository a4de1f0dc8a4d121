import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ModerationQueueItemView } from '@polity/contracts';
import { type CursorPart, decodeCursor, Page, Problems, toPage } from '@polity/platform';
import { In, Repository } from 'typeorm';
import { ModerationItemEntity } from '../entities/moderation-item.entity';
import { ModerationItemPresenter } from './moderation-item.presenter';
import type { ModerationQueueQueryDto, QueueSort } from './moderation-queue.dto';

interface SortPlan {
  key: string;
  direction: 'ASC' | 'DESC';
  cast: 'timestamptz' | 'int' | 'real';
  cursor: CursorPart;
  position: (item: ModerationItemEntity) => (string | number)[];
}

const SORTS: Record<QueueSort, SortPlan> = {
  oldest: {
    key: 'i.queued_at',
    direction: 'ASC',
    cast: 'timestamptz',
    cursor: 'timestamp',
    position: (i) => [i.queuedAt?.toISOString() ?? '', i.id],
  },
  newest: {
    key: 'i.queued_at',
    direction: 'DESC',
    cast: 'timestamptz',
    cursor: 'timestamp',
    position: (i) => [i.queuedAt?.toISOString() ?? '', i.id],
  },
  most_reported: { key: 'i.report_count', direction: 'DESC', cast: 'int', cursor: 'int', position: (i) => [i.reportCount, i.id] },
  highest_score: {
    key: 'coalesce(i.screening_score, 0)',
    direction: 'DESC',
    cast: 'real',
    cursor: 'number',
    position: (i) => [i.screeningScore ?? 0, i.id],
  },
};

/** The open items waiting for a moderator, filtered and sorted, with keyset pagination. */
@Injectable()
export class ModerationQueueQuery {
  constructor(
    @InjectRepository(ModerationItemEntity) private readonly items: Repository<ModerationItemEntity>,
    private readonly presenter: ModerationItemPresenter,
  ) {}

  async list(query: ModerationQueueQueryDto): Promise<Page<ModerationQueueItemView>> {
    const plan = SORTS[query.sort];
    const builder = this.items.createQueryBuilder('i').where('i.open');
    if (query.state) builder.andWhere('i.state = :state', { state: query.state });
    if (query.kind) builder.andWhere('i.kind = :kind', { kind: query.kind });
    if (query.origin) builder.andWhere('i.origin = :origin', { origin: query.origin });
    if (query.reason === 'screening') builder.andWhere('i.screening_hits IS NOT NULL AND jsonb_array_length(i.screening_hits) > 0');
    else if (query.reason) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM moderation_report r WHERE r.item_id = i.id AND r.resolved_at IS NULL AND r.reason = :reason)',
        {
          reason: query.reason,
        },
      );
    }
    const cursor = decodeCursor(query.cursor, [plan.cursor, 'uuid']);
    if (cursor) {
      const comparison = plan.direction === 'ASC' ? '>' : '<';
      builder.andWhere(`(${plan.key}, i.id) ${comparison} (:key::${plan.cast}, :id::uuid)`, { key: cursor[0], id: cursor[1] });
    }
    const rows = await builder
      .orderBy(plan.key, plan.direction)
      .addOrderBy('i.id', plan.direction)
      .limit(query.limit + 1)
      .getMany();
    const page = toPage(rows, query.limit, plan.position, (row) => row);
    return { items: await this.presenter.present(page.items), nextCursor: page.nextCursor };
  }

  /** These items as moderators see them, in the order given, once each; items that do not exist are left out. */
  async many(itemIds: readonly string[]): Promise<ModerationQueueItemView[]> {
    const ids = [...new Set(itemIds)];
    const found = new Map((await this.items.findBy({ id: In(ids) })).map((item) => [item.id, item]));
    return this.presenter.present(ids.flatMap((id) => found.get(id) ?? []));
  }

  async one(itemId: string): Promise<ModerationQueueItemView> {
    const item = await this.items.findOneBy({ id: itemId });
    if (!item) throw Problems.notFound('That moderation item');
    const [view] = await this.presenter.present([item]);
    return view;
  }
}
