import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ThreadPostView, ThreadTimelineEntry, ThreadView } from '@polity/contracts';
import { decodeCursor, newestFirstPage, type Page, type PageQueryDto, type Principal, Problems, toPage } from '@polity/platform';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { StageChangeEntity } from '../entities/stage-change.entity';
import { ThreadEntity } from '../entities/thread.entity';
import { ThreadDecisionEntity } from '../entities/thread-decision.entity';
import { ThreadPostEntity } from '../entities/thread-post.entity';
import { PostPresenter } from '../posts/post-presenter';
import { ThreadPresenter } from '../threads/thread-presenter';
import type { ListThreadsQueryDto } from '../threads/threads.dto';

type TimelineRow = { type: ThreadTimelineEntry['type']; id: string; at: Date };

/**
 * Threads are public. The timeline merges the thread's top-level posts, stage changes and council
 * decisions in time order, keyed on (time, id) so pages never repeat or skip an entry.
 */
@Injectable()
export class ThreadsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly presenter: ThreadPresenter,
    private readonly posts: PostPresenter,
    @InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>,
  ) {}

  async list(query: ListThreadsQueryDto, reader: Principal | undefined): Promise<Page<ThreadView>> {
    const builder = this.threads.createQueryBuilder('t');
    if (query.status) builder.andWhere('t.status = :status', { status: query.status });
    const page = await newestFirstPage(builder, 'created_at', (row) => row.createdAt, query);
    return { items: await this.presenter.presentMany(page.items, reader), nextCursor: page.nextCursor };
  }

  async get(id: string, reader: Principal | undefined): Promise<ThreadView> {
    return this.presenter.present(await this.find(id), reader);
  }

  async find(id: string): Promise<ThreadEntity> {
    const thread = await this.threads.findOneBy({ id });
    if (!thread) throw Problems.notFound('That thread');
    return thread;
  }

  async timeline(threadId: string, query: PageQueryDto, reader: Principal | undefined): Promise<Page<ThreadTimelineEntry>> {
    await this.find(threadId);
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const rows = await this.dataSource.query<TimelineRow[]>(
      `SELECT type, id, at FROM (
         SELECT 'post' AS type, p.id, p.created_at AS at FROM codesign_post p WHERE p.thread_id = $1 AND p.parent_id IS NULL
         UNION ALL
         SELECT 'stage_changed', s.id, s.created_at FROM codesign_stage_change s WHERE s.thread_id = $1
         UNION ALL
         SELECT 'decision', d.decision_id, d.decided_at FROM codesign_thread_decision d WHERE d.thread_id = $1
       ) entry
       WHERE $2::timestamptz IS NULL OR (at, id) > ($2::timestamptz, $3::uuid)
       ORDER BY at, id
       LIMIT $4`,
      [threadId, after?.[0] ?? null, after?.[1] ?? null, query.limit + 1],
    );
    const served = rows.slice(0, query.limit);
    const ids = (type: TimelineRow['type']) => served.filter((row) => row.type === type).map((row) => row.id);
    const manager = this.dataSource.manager;
    const [posts, changes, decisions] = await Promise.all([
      manager.findBy(ThreadPostEntity, { id: In(ids('post')) }).then((found) => this.posts.present(found, reader)),
      manager.findBy(StageChangeEntity, { id: In(ids('stage_changed')) }).then((found) => this.presenter.stageChanges(found)),
      manager.findBy(ThreadDecisionEntity, { threadId, decisionId: In(ids('decision')) }),
    ]);
    const byId = <T>(items: T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]));
    const postsById = byId(posts, (post) => post.id);
    const changesById = byId(changes, (change) => change.id);
    const decisionsById = byId(decisions, (decision) => decision.decisionId);
    return toPage(
      rows,
      query.limit,
      (row) => [row.at.toISOString(), row.id],
      (row): ThreadTimelineEntry => {
        const at = row.at.toISOString();
        switch (row.type) {
          case 'post':
            return { type: 'post', at, post: postsById.get(row.id)! };
          case 'stage_changed':
            return { type: 'stage_changed', at, stageChange: changesById.get(row.id)! };
          case 'decision':
            return { type: 'decision', at, decision: decisionsById.get(row.id)!.summary };
        }
      },
    );
  }

  /** The newest top-level posts of a thread, newest first: what its facilitators work through. */
  async latestPosts(threadId: string, limit: number, reader: Principal | undefined): Promise<ThreadPostView[]> {
    const rows = await this.dataSource.manager.find(ThreadPostEntity, {
      where: { threadId, parentId: IsNull() },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    return this.posts.present(rows, reader);
  }

  /** Direct replies to a post, oldest first. */
  async replies(threadId: string, postId: string, query: PageQueryDto, reader: Principal | undefined): Promise<Page<ThreadPostView>> {
    const parent = await this.dataSource.manager.findOneBy(ThreadPostEntity, { id: postId, threadId });
    if (!parent) throw Problems.notFound('That post');
    const builder = this.dataSource.manager.createQueryBuilder(ThreadPostEntity, 'p').where('p.parent_id = :postId', { postId });
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (after) builder.andWhere('(p.created_at, p.id) > (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await builder
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(query.limit + 1)
      .getMany();
    const page = toPage(
      rows,
      query.limit,
      (row) => [row.createdAt.toISOString(), row.id],
      (row) => row,
    );
    return { items: await this.posts.present(page.items, reader), nextCursor: page.nextCursor };
  }
}
