import { Injectable } from '@nestjs/common';
import type { CommentView } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import { canSeeContent, Principal, renderMarkdown } from '@polity/platform';
import type { CommentEntity } from './comment.entity';

/**
 * Turns comment rows into the view a reader may see, with authors' display names and rendered
 * bodies. A deleted comment, or a held or hidden one the reader may not see, keeps its place in
 * the thread without its text or author.
 */
@Injectable()
export class CommentPresenter {
  constructor(private readonly users: UsersService) {}

  async present(comments: CommentEntity[], reader?: Principal): Promise<CommentView[]> {
    const shown = (comment: CommentEntity) =>
      comment.deletedAt === null && canSeeContent(comment.moderationState, comment.authorId, reader);
    const authors = await this.users.publicProfiles(comments.filter(shown).map((comment) => comment.authorId));
    return comments.map((comment) => {
      const show = shown(comment);
      return {
        id: comment.id,
        kind: comment.kind,
        resourceId: comment.resourceId,
        parentId: comment.parentId,
        depth: comment.depth,
        body: show ? comment.body : null,
        bodyHtml: show && comment.body !== null ? renderMarkdown(comment.body) : null,
        alignment: show ? comment.alignment : null,
        author: show ? (authors.get(comment.authorId) ?? null) : null,
        upvotes: comment.upvotes,
        downvotes: comment.downvotes,
        deleted: comment.deletedAt !== null,
        moderationState: comment.moderationState,
        edited: comment.editedAt !== null,
        createdAt: comment.createdAt.toISOString(),
        updatedAt: comment.updatedAt.toISOString(),
      };
    });
  }

  async presentOne(comment: CommentEntity, reader?: Principal): Promise<CommentView> {
    const [view] = await this.present([comment], reader);
    return view;
  }
}
