import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProposalView } from '@polity/contracts';
import {
  canSeeContent,
  type CursorPart,
  decodeCursor,
  hasRole,
  Page,
  Principal,
  Problems,
  toPage,
  type Transaction,
} from '@polity/platform';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { PROPOSAL_SEARCH_DOCUMENT, ProposalEntity } from './proposal.entity';
import { ProposalPresenter } from './proposal-presenter';
import { ProposalLock } from './proposal-lock';
import type { ListProposalsQueryDto, ProposalSort } from './proposals.dto';

type Position = (string | number)[];

interface SortPlan {
  /** Extra select holding the sort key, read back for the cursor. */
  keyExpression: string;
  order: [string, 'ASC' | 'DESC'][];
  /** Rows strictly after the cursor's (key, id). */
  after: string;
  keyType: 'int' | 'timestamptz' | 'text';
  cursor: CursorPart;
}

const SORTS: Record<ProposalSort, SortPlan> = {
  newest: {
    keyExpression: `to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    order: [
      ['p.created_at', 'DESC'],
      ['p.id', 'DESC'],
    ],
    after: '(p.created_at, p.id) < (:key::timestamptz, :id::uuid)',
    keyType: 'timestamptz',
    cursor: 'timestamp',
  },
  most_supported: {
    keyExpression: 'p.support_count',
    order: [
      ['p.support_count', 'DESC'],
      ['p.id', 'DESC'],
    ],
    after: '(p.support_count, p.id) < (:key::int, :id::uuid)',
    keyType: 'int',
    cursor: 'int',
  },
  most_commented: {
    keyExpression: 'p.comment_count',
    order: [
      ['p.comment_count', 'DESC'],
      ['p.id', 'DESC'],
    ],
    after: '(p.comment_count, p.id) < (:key::int, :id::uuid)',
    keyType: 'int',
    cursor: 'int',
  },
  random: {
    // A seeded shuffle: the same seed orders the same way on every page.
    keyExpression: `md5(:seed || p.id::text)`,
    order: [
      [`md5(:seed || p.id::text)`, 'ASC'],
      ['p.id', 'ASC'],
    ],
    after: `(md5(:seed || p.id::text), p.id) > (:key::text, :id::uuid)`,
    keyType: 'text',
    cursor: 'text',
  },
};

/** The shared read model of proposals: what anyone allowed to see one sees (see ProposalReaderViews for a reader's own part). */
@Injectable()
export class ProposalsQuery {
  constructor(
    @InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>,
    private readonly presenter: ProposalPresenter,
  ) {}

  /** A proposal `reader` may see (held and hidden ones: its author and moderators only), else 404. */
  async get(id: string, reader: Principal | undefined): Promise<ProposalView> {
    const proposal = await this.proposals.findOneBy({ id });
    if (!proposal || !canSeeContent(proposal.moderationState, proposal.authorId, reader)) throw Problems.notFound('That proposal');
    return this.presenter.presentOne(proposal);
  }

  /**
   * A public proposal read inside the caller's transaction under the proposal's shared lock: its
   * status and text cannot change (an answer, an edit or a withdrawal waits) until that transaction
   * ends. For other features that act on a proposal's state, such as a budget adopting it.
   */
  async getLocked(tx: Transaction, id: string): Promise<ProposalView> {
    await ProposalLock.shared(tx, id);
    const proposal = await tx.manager.findOneBy(ProposalEntity, { id, moderationState: 'visible' });
    if (!proposal) throw Problems.notFound('That proposal');
    return this.presenter.presentOne(proposal);
  }

  /** The proposal as an anonymous reader sees it, or null when it does not exist or is not public. */
  async findPublic(id: string): Promise<ProposalView | null> {
    const proposal = await this.proposals.findOneBy({ id, moderationState: 'visible' });
    return proposal ? this.presenter.presentOne(proposal) : null;
  }

  async list(query: ListProposalsQueryDto, reader: Principal | undefined): Promise<Page<ProposalView>> {
    if (query.sort === 'random' && !query.seed) {
      throw Problems.badRequest('seed_required', 'sort=random needs a seed (any short string) so that pages do not repeat.');
    }
    const plan = SORTS[query.sort];
    const builder = this.proposals
      .createQueryBuilder('p')
      .addSelect(plan.keyExpression, 'sort_key')
      .setParameter('seed', query.seed ?? '')
      .limit(query.limit + 1);
    this.filter(builder, query);
    this.onlyVisibleTo(builder, reader);
    for (const [expression, direction] of plan.order) builder.addOrderBy(expression, direction);
    const cursor = decodeCursor(query.cursor, [plan.cursor, 'uuid']);
    if (cursor) builder.andWhere(plan.after, { key: cursor[0], id: cursor[1] });

    const { entities, raw } = await builder.getRawAndEntities<{ sort_key: string | number }>();
    const keys = new Map(entities.map((entity, index) => [entity.id, raw[index].sort_key]));
    const page = toPage(
      entities,
      query.limit,
      (row): Position => [plan.keyType === 'int' ? Number(keys.get(row.id)) : String(keys.get(row.id)), row.id],
      (row) => row,
    );
    return { items: await this.presenter.present(page.items), nextCursor: page.nextCursor };
  }

  /** Held and hidden proposals appear only to their authors and moderators, in lists and search alike. */
  private onlyVisibleTo(builder: SelectQueryBuilder<ProposalEntity>, reader: Principal | undefined): void {
    if (hasRole(reader, 'moderator', 'admin')) return;
    if (reader) builder.andWhere(`(p.moderation_state = 'visible' OR p.author_id = :reader)`, { reader: reader.userId });
    else builder.andWhere(`p.moderation_state = 'visible'`);
  }

  private filter(builder: SelectQueryBuilder<ProposalEntity>, query: ListProposalsQueryDto): void {
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    else builder.andWhere(`p.status <> 'withdrawn'`);
    if (query.tag) builder.andWhere('p.tags @> ARRAY[:tag]::text[]', { tag: query.tag });
    if (query.district) builder.andWhere('p.district = :district', { district: query.district });
    if (query.q) builder.andWhere(`${PROPOSAL_SEARCH_DOCUMENT} @@ websearch_to_tsquery('simple', :q)`, { q: query.q });
  }
}
