import { Injectable } from '@nestjs/common';
import type { ThreadPostView, ThreadReaction, ThreadTimelineEntry } from '@polity/contracts';
import { type Principal, renderMarkdown } from '@polity/platform';
import { DataSource, In } from 'typeorm';
import { PostReactionEntity } from '../entities/post-reaction.entity';
import { StageChangeEntity } from '../entities/stage-change.entity';
import { ThreadPostEntity } from '../entities/thread-post.entity';
import { PostPresenter } from '../posts/post-presenter';
import { ThreadsQuery } from '../timeline/threads.query';

const REPLIES_SHOWN = 50;

/** What a thread's page reads beside its timeline: stage summaries, replies, the reader's reactions, link titles. */
@Injectable()
export class ThreadPageData {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threads: ThreadsQuery,
    private readonly posts: PostPresenter,
  ) {}

  /** One post as the reader may see it; null when there is none. */
  async post(id: string, reader: Principal | undefined): Promise<ThreadPostView | null> {
    const post = await this.dataSource.manager.findOneBy(ThreadPostEntity, { id });
    return post ? this.posts.presentOne(post, reader) : null;
  }

  /** Each finished stage's summary, as its facilitators wrote it when they moved on. */
  async summaries(threadId: string): Promise<Map<string, string>> {
    const changes = await this.dataSource.manager.find(StageChangeEntity, { where: { threadId }, order: { createdAt: 'ASC' } });
    return new Map(changes.filter((change) => change.fromStage).map((change) => [change.fromStage, renderMarkdown(change.summary)]));
  }

  /** The replies under these posts, level by level (replies nest a few deep), by the id of the post they answer. */
  async replies(threadId: string, posts: readonly ThreadPostView[], reader: Principal | undefined): Promise<Map<string, ThreadPostView[]>> {
    const replies = new Map<string, ThreadPostView[]>();
    let level = posts.filter((post) => post.replyCount > 0);
    while (level.length > 0) {
      const pages = await Promise.all(level.map((post) => this.threads.replies(threadId, post.id, { limit: REPLIES_SHOWN }, reader)));
      level.forEach((post, index) => replies.set(post.id, pages[index].items));
      level = pages.flatMap((page) => page.items).filter((post) => post.replyCount > 0);
    }
    return replies;
  }

  async reactionsOf(reader: Principal | undefined, postIds: readonly string[]): Promise<Map<string, ThreadReaction[]>> {
    if (!reader || postIds.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(PostReactionEntity, { where: { userId: reader.userId, postId: In([...postIds]) } });
    const mine = new Map<string, ThreadReaction[]>();
    for (const row of rows) mine.set(row.postId, [...(mine.get(row.postId) ?? []), row.reaction]);
    return mine;
  }
}

export const postsOf = (timeline: readonly ThreadTimelineEntry[]): ThreadPostView[] =>
  timeline.flatMap((entry) => (entry.type === 'post' ? [entry.post] : []));
