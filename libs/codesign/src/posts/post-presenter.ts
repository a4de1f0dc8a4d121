import { Injectable } from '@nestjs/common';
import type { ThreadPostView } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import { canSeeContent, type Principal, renderMarkdown } from '@polity/platform';
import type { ThreadPostEntity } from '../entities/thread-post.entity';

/**
 * Posts as a reader may see them. A deleted post, or a held or hidden one the reader may not see, keeps its place in
 * the thread without its text or author.
 */
@Injectable()
export class PostPresenter {
  constructor(private readonly users: UsersService) {}

  async present(posts: ThreadPostEntity[], reader: Principal | undefined): Promise<ThreadPostView[]> {
    const shown = (post: ThreadPostEntity): post is ThreadPostEntity & { body: string } =>
      post.body !== null && canSeeContent(post.moderationState, post.authorId, reader);
    const authors = await this.users.publicProfiles(posts.filter(shown).map((post) => post.authorId));
    return posts.map((post) => {
      const show = shown(post);
      const body = show ? post.body : null;
      return {
        id: post.id,
        threadId: post.threadId,
        parentId: post.parentId,
        type: post.type,
        body,
        bodyHtml: body === null ? null : renderMarkdown(body),
        author: show ? (authors.get(post.authorId) ?? null) : null,
        official: post.official,
        pinned: post.pinned,
        answered: post.answered,
        stage: post.stage,
        reactions: { support: post.supportCount, meToo: post.meTooCount },
        replyCount: post.replyCount,
        moderationState: post.moderationState,
        edited: post.editedAt !== null,
        deleted: post.deletedAt !== null,
        createdAt: post.createdAt.toISOString(),
      };
    });
  }

  async presentOne(post: ThreadPostEntity, reader: Principal | undefined): Promise<ThreadPostView> {
    const [view] = await this.present([post], reader);
    return view;
  }
}
