import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ThreadStageChangeView, ThreadView } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import { type Principal, renderMarkdown } from '@polity/platform';
import { In, Repository } from 'typeorm';
import type { StageChangeEntity } from '../entities/stage-change.entity';
import type { ThreadEntity } from '../entities/thread.entity';
import { ThreadLinkEntity } from '../entities/thread-link.entity';
import { ThreadPostEntity } from '../entities/thread-post.entity';
import { PostPresenter } from '../posts/post-presenter';

const MAX_PINNED_SHOWN = 10;

@Injectable()
export class ThreadPresenter {
  constructor(
    private readonly users: UsersService,
    private readonly posts: PostPresenter,
    @InjectRepository(ThreadLinkEntity) private readonly links: Repository<ThreadLinkEntity>,
    @InjectRepository(ThreadPostEntity) private readonly postRows: Repository<ThreadPostEntity>,
  ) {}

  async present(thread: ThreadEntity, reader: Principal | undefined): Promise<ThreadView> {
    const [view] = await this.presentMany([thread], reader);
    return view;
  }

  /** Threads for a page, in three batched queries whatever the page size. */
  async presentMany(threads: ThreadEntity[], reader: Principal | undefined): Promise<ThreadView[]> {
    if (threads.length === 0) return [];
    const threadIds = threads.map((thread) => thread.id);
    const [facilitators, links, pinned] = await Promise.all([
      this.users.publicProfiles(threads.flatMap((thread) => thread.facilitatorIds)),
      this.links.find({ where: { threadId: In(threadIds) }, order: { position: 'ASC' } }),
      this.postRows
        .find({ where: { threadId: In(threadIds), pinned: true, moderationState: 'visible' }, order: { createdAt: 'ASC' } })
        .then((posts) => this.posts.present(posts, reader)),
    ]);
    return threads.map((thread) => ({
      id: thread.id,
      title: thread.title,
      serviceName: thread.serviceName,
      department: thread.department,
      description: thread.description,
      descriptionHtml: renderMarkdown(thread.description),
      stages: thread.stages,
      currentStage: thread.currentStage,
      status: thread.status,
      facilitators: thread.facilitatorIds.flatMap((id) => facilitators.get(id) ?? []),
      links: links.filter((link) => link.threadId === thread.id).map((link) => ({ kind: link.kind, id: link.resourceId })),
      pinnedPosts: pinned.filter((post) => post.threadId === thread.id).slice(0, MAX_PINNED_SHOWN),
      postCount: thread.postCount,
      createdAt: thread.createdAt.toISOString(),
      updatedAt: thread.updatedAt.toISOString(),
    }));
  }

  async stageChanges(changes: StageChangeEntity[]): Promise<ThreadStageChangeView[]> {
    const people = await this.users.publicProfiles(changes.map((change) => change.changedById));
    return changes.map((change) => ({
      id: change.id,
      threadId: change.threadId,
      from: change.fromStage,
      to: change.toStage,
      summary: change.summary,
      summaryHtml: renderMarkdown(change.summary),
      by: people.get(change.changedById) ?? { id: change.changedById, displayName: 'Deleted user' },
      at: change.createdAt.toISOString(),
    }));
  }
}
