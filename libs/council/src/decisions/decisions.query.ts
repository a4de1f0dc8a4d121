import { Injectable } from '@nestjs/common';
import type { DecisionView, LinkableKind } from '@polity/contracts';
import { DiscussableResources, newestFirstPage, type Page, type PageQueryDto, type Principal } from '@polity/platform';
import { DataSource } from 'typeorm';
import { DecisionEntity } from '../entities/decision.entity';
import { DecisionPresenter } from './decision-presenter';

/** Traceability: every decision about one resource, newest first, with its meeting and agenda item. */
@Injectable()
export class DecisionsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly resources: DiscussableResources,
    private readonly presenter: DecisionPresenter,
  ) {}

  async about(kind: LinkableKind, id: string, query: PageQueryDto, principal: Principal | undefined): Promise<Page<DecisionView>> {
    await this.resources.roomOf(kind, id, principal);
    const builder = this.dataSource.manager
      .createQueryBuilder(DecisionEntity, 'd')
      .innerJoin('council_agenda_link', 'l', 'l.agenda_item_id = d.agenda_item_id')
      .where('l.kind = :kind AND l.resource_id = :id', { kind, id });
    const page = await newestFirstPage(builder, 'decided_at', (row) => row.decidedAt, query);
    return { items: await this.presenter.present(page.items), nextCursor: page.nextCursor };
  }

  async one(id: string): Promise<DecisionView | null> {
    const decision = await this.dataSource.manager.findOneBy(DecisionEntity, { id });
    return decision ? ((await this.presenter.present([decision]))[0] ?? null) : null;
  }
}
