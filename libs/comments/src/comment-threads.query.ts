import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { decodeCursor, Page, Principal, toPage } from '@polity/platform';
import { In, Repository } from 'typeorm';
import { CommentEntity } from './comment.entity';
import { CommentPresenter } from './comment-presenter';
import { CommentVoteEntity } from './comment-vote.entity';
import type { CommentSort, CommentThreadDto } from './comments.dto';

interface SortPlan {
  order: [string, 'ASC' | 'DESC'][];
  after: string;
  position: (row: CommentEntity) => (string | number)[];
}

const SORTS: Record<CommentSort, SortPlan> = {
  oldest: {
    order: [
      ['c.created_at', 'ASC'],
      ['c.id', 'ASC'],
    ],
    after: '(c.created_at, c.id) > (:p0::timestamptz, :p1::uuid)',
    position: (row) => [row.createdAt.toISOString(), row.id],
  },
  newest: {
    order: [
      ['c.created_at', 'DESC'],
      ['c.id', 'DESC'],
    ],
    after: '(c.created_at, c.id) < (:p0::timestamptz, :p1::uuid)',
    position: (row) => [row.createdAt.toISOString(), row.id],
  },
  best: {
    order: [
      ['c.upvotes - c.downvotes', 'DESC'],
      ['c.id', 'DESC'],
    ],
    after: '(c.upvotes - c.downvotes, c.id) < (:p0::int, :p1::uuid)',
    position: (row) => [row.upvotes - row.downvotes, row.id],
  },
};

/**
 * Reads a resource's discussion: a page of top-level comments in the chosen order, each with its
 * whole reply tree (oldest first, as a conversation reads), and the reader's own votes.
 */
@Injectable()
export class CommentThreadsQuery {
  constructor(
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    @InjectRepository(CommentVoteEntity) private readonly votes: Repository<CommentVoteEntity>,
    private readonly presenter: CommentPresenter,
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
    const position = decodeCursor(cursor, 2);
    if (position) query.andWhere(plan.after, { p0: position[0], p1: position[1] });
    const roots = await query.getMany();
    const served = roots.slice(0, limit);
    const replies = served.length
      ? await this.comments.find({ where: { rootId: In(served.map((root) => root.id)) }, order: { createdAt: 'ASC', id: 'ASC' } })
      : [];
    const all = [...served, ...replies.filter((reply) => reply.depth > 0)];
    const views = await this.presenter.present(all, reader);
    const myVotes = reader
      ? await this.votesOf(
          reader.userId,
          all.map((comment) => comment.id),
        )
      : new Map<string, 1 | -1>();

    const nodes = new Map<string, CommentThreadDto>(
      views.map((view) => [view.id, { ...view, myVote: myVotes.get(view.id) ?? null, replies: [] }]),
    );
    for (const view of views) {
      if (view.parentId) nodes.get(view.parentId)?.replies.push(nodes.get(view.id) as CommentThreadDto);
    }
    return toPage(roots, limit, plan.position, (root) => nodes.get(root.id) as CommentThreadDto);
  }

  private async votesOf(userId: string, commentIds: string[]): Promise<Map<string, 1 | -1>> {
    if (commentIds.length === 0) return new Map();
    const rows = await this.votes.find({ where: { userId, commentId: In(commentIds) } });
    return new Map(rows.map((row) => [row.commentId, row.value]));
  }
}
