import { Injectable } from '@nestjs/common';
import type { CommentView } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import { renderMarkdown } from '@polity/platform';
import type { CommentEntity } from './comment.entity';

/** Turns comment rows into the public view, with authors' display names and rendered bodies. */
@Injectable()
export class CommentPresenter {
  constructor(private readonly users: UsersService) {}

  async present(comments: CommentEntity[]): Promise<CommentView[]> {
    const live = comments.filter((comment) => comment.deletedAt === null);
    const authors = await this.users.publicProfiles(live.map((comment) => comment.authorId));
    return comments.map((comment) => {
      const deleted = comment.deletedAt !== null;
      return {
        id: comment.id,
        kind: comment.kind,
        resourceId: comment.resourceId,
        parentId: comment.parentId,
        depth: comment.depth,
        body: deleted ? null : comment.body,
        bodyHtml: deleted || comment.body === null ? null : renderMarkdown(comment.body),
        alignment: deleted ? null : comment.alignment,
        author: deleted ? null : (authors.get(comment.authorId) ?? null),
        upvotes: comment.upvotes,
        downvotes: comment.downvotes,
        deleted,
        edited: comment.editedAt !== null,
        createdAt: comment.createdAt.toISOString(),
        updatedAt: comment.updatedAt.toISOString(),
      };
    });
  }

  async presentOne(comment: CommentEntity): Promise<CommentView> {
    const [view] = await this.present([comment]);
    return view;
  }
}
