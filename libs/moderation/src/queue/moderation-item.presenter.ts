import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModerationQueueItemView, ReportReason } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import { ModeratableContents } from '@polity/platform';
import { DataSource } from 'typeorm';
import type { ModerationItemEntity } from '../entities/moderation-item.entity';

/** The moderator's view of items: the text as it stands, the author, screening hits, reports and claim. */
@Injectable()
export class ModerationItemPresenter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contents: ModeratableContents,
    private readonly users: UsersService,
  ) {}

  async present(items: ModerationItemEntity[]): Promise<ModerationQueueItemView[]> {
    if (items.length === 0) return [];
    const [texts, reasons, people] = await Promise.all([
      this.texts(items),
      this.reportReasons(items.map((item) => item.id)),
      this.users.publicProfiles(items.flatMap((item) => [item.authorId, ...(item.claimedById ? [item.claimedById] : [])])),
    ]);
    const person = (id: string) => people.get(id) ?? { id, displayName: 'Deleted user' };
    const now = Date.now();
    return items.map((item) => ({
      id: item.id,
      kind: item.kind,
      contentId: item.contentId,
      state: item.state,
      open: item.open,
      origin: item.origin,
      author: person(item.authorId),
      text: texts.get(`${item.kind}:${item.contentId}`) ?? null,
      screening:
        item.screenedAt && item.screeningScore !== null
          ? { score: item.screeningScore, hits: item.screeningHits ?? [], screenedAt: item.screenedAt.toISOString() }
          : null,
      reports: { count: item.reportCount, reasons: reasons.get(item.id) ?? {} },
      claim:
        item.claimedById && item.claimedUntil && item.claimedUntil.getTime() > now
          ? { moderator: person(item.claimedById), until: item.claimedUntil.toISOString() }
          : null,
      queuedAt: item.queuedAt?.toISOString() ?? null,
      decidedAt: item.decidedAt?.toISOString() ?? null,
    }));
  }

  private async texts(items: ModerationItemEntity[]): Promise<Map<string, string>> {
    const byKind = new Map<string, string[]>();
    for (const item of items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item.contentId]);
    const texts = new Map<string, string>();
    for (const [kind, ids] of byKind) {
      if (!this.contents.has(kind)) continue;
      for (const content of await this.contents.get(kind).load(this.dataSource.manager, ids))
        texts.set(`${kind}:${content.id}`, content.text);
    }
    return texts;
  }

  private async reportReasons(itemIds: string[]): Promise<Map<string, Partial<Record<ReportReason, number>>>> {
    const rows = await this.dataSource.query<{ item_id: string; reason: ReportReason; count: string }[]>(
      `SELECT item_id, reason, count(*) AS count FROM moderation_report
        WHERE item_id = ANY($1::uuid[]) AND resolved_at IS NULL GROUP BY item_id, reason`,
      [itemIds],
    );
    const reasons = new Map<string, Partial<Record<ReportReason, number>>>();
    for (const row of rows) reasons.set(row.item_id, { ...reasons.get(row.item_id), [row.reason]: Number(row.count) });
    return reasons;
  }
}
