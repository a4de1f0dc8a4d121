import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PersonalData, PersonalDataSource } from '@polity/platform';
import { Repository } from 'typeorm';
import { CommentEntity } from './comment.entity';
import { CommentVoteEntity } from './comment-vote.entity';

/** Comments and votes stay after erasure: the author row is anonymised, so they read "Deleted user". */
@PersonalData('comments')
@Injectable()
export class CommentsPersonalData implements PersonalDataSource {
  constructor(
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    @InjectRepository(CommentVoteEntity) private readonly votes: Repository<CommentVoteEntity>,
  ) {}

  async exportFor(userId: string): Promise<unknown> {
    const [written, votes] = await Promise.all([
      this.comments.find({ where: { authorId: userId }, order: { createdAt: 'ASC' } }),
      this.votes.find({ where: { userId }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      written: written.map((c) => ({
        id: c.id,
        on: { kind: c.kind, id: c.resourceId },
        parentId: c.parentId,
        body: c.body,
        alignment: c.alignment,
        createdAt: c.createdAt,
        deletedAt: c.deletedAt,
      })),
      votes: votes.map((v) => ({ commentId: v.commentId, value: v.value, at: v.createdAt })),
    };
  }

  async eraseFor(): Promise<void> {
    // Nothing to remove: see the class comment.
  }
}
