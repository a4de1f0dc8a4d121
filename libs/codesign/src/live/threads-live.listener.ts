import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type DomainEvent, roomName } from '@polity/contracts';
import { OnDomainEvent } from '@polity/platform';
import { Broadcaster } from '@polity/realtime';
import { Repository } from 'typeorm';
import { StageChangeEntity } from '../entities/stage-change.entity';
import { ThreadPostEntity } from '../entities/thread-post.entity';
import { PostPresenter } from '../posts/post-presenter';
import { ThreadsQuery } from '../timeline/threads.query';
import { ThreadPresenter } from '../threads/thread-presenter';

const LIST_ROOM = 'threads';

/**
 * Pushes committed thread changes to `threads:<id>` (and the list). Posts go out as an anonymous
 * reader sees them: a held post is not announced, a hidden one keeps its place without text.
 */
@Injectable()
export class ThreadsLiveListener {
  constructor(
    private readonly query: ThreadsQuery,
    private readonly presenter: ThreadPresenter,
    private readonly posts: PostPresenter,
    private readonly broadcaster: Broadcaster,
    @InjectRepository(ThreadPostEntity) private readonly postRows: Repository<ThreadPostEntity>,
    @InjectRepository(StageChangeEntity) private readonly stageChanges: Repository<StageChangeEntity>,
  ) {}

  @OnDomainEvent(['thread.created', 'thread.updated'])
  async threadChanged(event: DomainEvent<'thread.created'> | DomainEvent<'thread.updated'>): Promise<void> {
    const view = await this.query.get(event.payload.threadId, undefined);
    if (event.type === 'thread.updated') await this.broadcaster.toRoom(roomName('threads', view.id), 'thread.updated', view);
    await this.broadcaster.toRoom(LIST_ROOM, 'thread.updated', view);
  }

  @OnDomainEvent('thread.stage_changed')
  async stageChanged(event: DomainEvent<'thread.stage_changed'>): Promise<void> {
    const change = await this.stageChanges.findOneByOrFail({ id: event.payload.stageChangeId });
    const [view] = await this.presenter.stageChanges([change]);
    await this.broadcaster.toRoom(roomName('threads', change.threadId), 'thread.stage_changed', view);
  }

  @OnDomainEvent('thread.post_created')
  async postCreated(event: DomainEvent<'thread.post_created'>): Promise<void> {
    const post = await this.postRows.findOneBy({ id: event.payload.postId });
    if (post?.moderationState !== 'visible') return;
    await this.broadcaster.toRoom(roomName('threads', post.threadId), 'thread.post_created', await this.posts.presentOne(post, undefined));
  }

  @OnDomainEvent(['thread.post_updated', 'thread.post_moderated'])
  async postUpdated(event: DomainEvent<'thread.post_updated'> | DomainEvent<'thread.post_moderated'>): Promise<void> {
    const post = await this.postRows.findOneBy({ id: event.payload.postId });
    if (!post) return;
    await this.broadcaster.toRoom(roomName('threads', post.threadId), 'thread.post_updated', await this.posts.presentOne(post, undefined));
  }
}
