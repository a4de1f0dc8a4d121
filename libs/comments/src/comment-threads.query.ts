import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type CursorPart, decodeCursor, DiscussableResources, encodeCursor, Page, Principal, Problems, toPage } from '@polity/platform';
import { In, Repository } from 'typeorm';
import { CommentEntity } from './comment.entity';
import { CommentPresenter } from './comment-presenter';
import { CommentVoteEntity } from './comment-vote.entity';
import type { CommentSort, CommentThreadDto, CommentWithMyVoteDto } from './comments.dto';

interface SortPlan {
  cursor: CursorPart[];
  order: [string, 'ASC' | 'DESC'][];
  after: string;
  position: (row: CommentEntity) => (string | number)[];
}

const SORTS: Record<CommentSort, SortPlan> = {
  oldest: {
    cursor: ['timestamp', 'uuid'],
    order: [
      ['c.created_at', 'ASC'],
      ['c.id', 'ASC'],
    ],
    after: '(c.created_at, c.id) > (:p0::timestamptz, :p1::uuid)',
    position: (row) => [row.createdAt.toISOString(), row.id],
  },
  newest: {
    cursor: ['timestamp', 'uuid'],
    order: [
      ['c.created_at', 'DESC'],
      ['c.id', 'DESC'],
    ],
    after: '(c.created_at, c.id) < (:p0::timestamptz, :p1::uuid)',
    position: (row) => [row.createdAt.toISOString(), row.id],
  },
  best: {
    cursor: ['int', 'uuid'],
    order: [
      ['c.upvotes - c.downvotes', 'DESC'],
      ['c.id', 'DESC'],
    ],
    after: '(c.upvotes - c.downvotes, c.id) < (:p0::int, :p1::uuid)',
    position: (row) => [row.upvotes - row.downvotes, row.id],
  },
};

/** Replies shown with each top-level comment; the rest of its conversation is paged (`moreReplies`). */
export const REPLIES_SHOWN = 50;

const replyPosition = (row: CommentEntity): string[] => [row.createdAt.toISOString(), row.id];

/**
 * Reads a resource's discussion: a page of top-level comments in the chosen order, each with the
 * first replies of its conversation (oldest first, as a conversation reads; a reply always comes
 * after what it answers, so every shown reply's parent is shown too), and the reader's own votes.
 */
@Injectable()
export class CommentThreadsQuery {
  constructor(
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    @InjectRepository(CommentVoteEntity) private readonly votes: Repository<CommentVoteEntity>,
    private readonly presenter: CommentPresenter,
    private readonly resources: DiscussableResources,
  ) {}

  async page(
    kind: string,
    resourceId: string,
    sort: CommentSort,
    limit: number,
    cursor: string | undefined,
    reader: Principal | undefined,
  ): Promise<Page<CommentThreadDto>> {
    const plan = SORTS[sort];
    const query = this.comments
      .createQueryBuilder('c')
      .where('c.kind = :kind AND c.resource_id = :resourceId AND c.depth = 0', { kind, resourceId })
      .limit(limit + 1);
    for (const [expression, direction] of plan.order) query.addOrderBy(expression, direction);
    const position = decodeCursor(cursor, plan.cursor);
    if (position) query.andWhere(plan.after, { p0: position[0], p1: position[1] });
    const roots = await query.getMany();
    const served = roots.slice(0, limit);
    const { replies, more } = await this.firstReplies(served.map((root) => root.id));
    const views = await this.withMyVotes([...served, ...replies], reader);
    const nodes = new Map<string, CommentThreadDto>(views.map((view) => [view.id, { ...view, replies: [], moreReplies: null }]));
    for (const view of views) {
      if (view.parentId) nodes.get(view.parentId)?.replies.push(nodes.get(view.id) as CommentThreadDto);
    }
    for (const [rootId, after] of more) (nodes.get(rootId) as CommentThreadDto).moreReplies = after;
    return toPage(roots, limit, plan.position, (root) => nodes.get(root.id) as CommentThreadDto);
  }

  /** One comment as its discussion shows this reader (its replies not included), for a page to put in place live. */
  async one(commentId: string, reader: Principal | undefined): Promise<CommentThreadDto> {
    const row = await this.comments.findOneBy({ id: commentId });
    if (!row) throw Problems.notFound('That comment');
    await this.resources.roomOf(row.kind, row.resourceId, reader);
    const [view] = await this.withMyVotes([row], reader);
    return { ...view, replies: [], moreReplies: null };
  }

  /** The rest of a conversation after the replies shown with it: flat, oldest first, each with its parent's id. */
  async replies(
    rootId: string,
    limit: number,
    cursor: string | undefined,
    reader: Principal | undefined,
  ): Promise<Page<CommentWithMyVoteDto>> {
    const root = await this.comments.findOneBy({ id: rootId });
    if (!root || root.depth !== 0) throw Problems.notFound('That conversation');
    await this.resources.roomOf(root.kind, root.resourceId, reader);
    const after = decodeCursor(cursor, ['timestamp', 'uuid']);
    const query = this.comments
      .createQueryBuilder('c')
      .where('c.root_id = :rootId AND c.depth > 0', { rootId })
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit + 1);
    if (after) query.andWhere('(c.created_at, c.id) > (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await query.getMany();
    const views = new Map((await this.withMyVotes(rows.slice(0, limit), reader)).map((view) => [view.id, view]));
    return toPage(rows, limit, replyPosition, (row) => views.get(row.id) as CommentWithMyVoteDto);
  }

  /** Up to REPLIES_SHOWN replies per conversation, and where to go on for those that have more. */
  private async firstReplies(rootIds: string[]): Promise<{ replies: CommentEntity[]; more: Map<string, string> }> {
    if (rootIds.length === 0) return { replies: [], more: new Map() };
    const ranked = await this.comments.manager.query<{ id: string }[]>(
      `SELECT id FROM (
         SELECT id, row_number() OVER (PARTITION BY root_id ORDER BY created_at, id) AS n
         FROM comment WHERE root_id = ANY($1::uuid[]) AND depth > 0
       ) ranked WHERE n <= $2`,
      [rootIds, REPLIES_SHOWN + 1],
    );
    const rows = ranked.length
      ? await this.comments.find({ where: { id: In(ranked.map((row) => row.id)) }, order: { createdAt: 'ASC', id: 'ASC' } })
      : [];
    const byRoot = new Map<string, CommentEntity[]>();
    for (const row of rows) byRoot.set(row.rootId, [...(byRoot.get(row.rootId) ?? []), row]);
    const replies: CommentEntity[] = [];
    const more = new Map<string, string>();
    for (const [rootId, conversation] of byRoot) {
      const shown = conversation.slice(0, REPLIES_SHOWN);
      replies.push(...shown);
      if (conversation.length > REPLIES_SHOWN) more.set(rootId, encodeCursor(replyPosition(shown[shown.length - 1])));
    }
    return { replies, more };
  }

  private async withMyVotes(comments: CommentEntity[], reader: Principal | undefined): Promise<CommentWithMyVoteDto[]> {
    const views = await this.presenter.present(comments, reader);
    const mine = reader
      ? await this.votesOf(
          reader.userId,
          comments.map((comment) => comment.id),
        )
      : new Map<string, 1 | -1>();
    return views.map((view) => ({ ...view, myVote: mine.get(view.id) ?? null }));
  }

  private async votesOf(userId: string, commentIds: string[]): Promise<Map<string, 1 | -1>> {
    if (commentIds.length === 0) return new Map();
    const rows = await this.votes.find({ where: { userId, commentId: In(commentIds) } });
    return new Map(rows.map((row) => [row.commentId, row.value]));
  }
}
