import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ModerationDecisionView } from '@polity/contracts';
import { decodeCursor, ModerationConfig, Page, Problems, toPage } from '@polity/platform';
import { In, Repository } from 'typeorm';
import { ModerationAppealEntity } from '../entities/moderation-appeal.entity';
import { ModerationDecisionEntity } from '../entities/moderation-decision.entity';
import { ModerationItemEntity } from '../entities/moderation-item.entity';

const DAY_MS = 86_400_000;

/** Decisions as their authors and moderators read them: statement, appeal and its deadline. */
@Injectable()
export class DecisionViews {
  constructor(
    @InjectRepository(ModerationDecisionEntity) private readonly decisions: Repository<ModerationDecisionEntity>,
    @InjectRepository(ModerationItemEntity) private readonly items: Repository<ModerationItemEntity>,
    @InjectRepository(ModerationAppealEntity) private readonly appeals: Repository<ModerationAppealEntity>,
    private readonly config: ModerationConfig,
  ) {}

  async one(decisionId: string): Promise<ModerationDecisionView> {
    const decision = await this.decisions.findOneBy({ id: decisionId });
    if (!decision) throw Problems.notFound('That decision');
    const [view] = await this.present([decision]);
    return view;
  }

  /** Decisions about one author's contributions, newest first. */
  async aboutAuthor(authorId: string, limit: number, cursor: string | undefined): Promise<Page<ModerationDecisionView>> {
    const builder = this.decisions
      .createQueryBuilder('d')
      .innerJoin(ModerationItemEntity, 'i', 'i.id = d.item_id')
      .where('i.author_id = :authorId', { authorId });
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    if (after) builder.andWhere('(d.created_at, d.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await builder
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = toPage(
      rows,
      limit,
      (row) => [row.createdAt.toISOString(), row.id],
      (row) => row,
    );
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  async present(decisions: ModerationDecisionEntity[]): Promise<ModerationDecisionView[]> {
    if (decisions.length === 0) return [];
    const [items, appeals] = await Promise.all([
      this.items.findBy({ id: In([...new Set(decisions.map((d) => d.itemId))]) }),
      this.appeals.findBy({ decisionId: In(decisions.map((d) => d.id)) }),
    ]);
    const itemById = new Map(items.map((item) => [item.id, item]));
    const appealByDecision = new Map(appeals.map((appeal) => [appeal.decisionId, appeal]));
    return decisions.map((decision) => {
      const item = itemById.get(decision.itemId) as ModerationItemEntity;
      const appeal = appealByDecision.get(decision.id);
      const final = decision.appealId !== null;
      const appealable = !final && (decision.action === 'hide' || decision.action === 'block');
      return {
        id: decision.id,
        itemId: decision.itemId,
        kind: item.kind,
        contentId: item.contentId,
        action: decision.action,
        reason: decision.reason,
        statement: decision.statement,
        appealableUntil: appealable ? new Date(decision.createdAt.getTime() + this.config.appealDays * DAY_MS).toISOString() : null,
        appeal: appeal
          ? { id: appeal.id, statement: appeal.statement ?? '', createdAt: appeal.createdAt.toISOString(), outcome: appeal.outcome }
          : null,
        final,
        createdAt: decision.createdAt.toISOString(),
      };
    });
  }
}
