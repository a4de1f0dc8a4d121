import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CommentsService } from '@polity/comments';
import type { DomainEvent } from '@polity/contracts';
import { OnDomainEvent, RunLatest } from '@polity/platform';
import { Repository } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

/**
 * Keeps proposal.comment_count (a sort key) in step with the comments. It recounts rather than
 * adding one, so a missed event (a crash after commit) is repaired by the next comment; a burst of
 * comments on one proposal costs a few recounts rather than one each (see RunLatest).
 */
@Injectable()
export class ProposalCommentCountListener {
  private readonly recounts = new RunLatest();

  constructor(
    @InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>,
    private readonly comments: CommentsService,
  ) {}

  @OnDomainEvent(['comment.created', 'comment.deleted', 'comment.moderated'])
  async recount(event: DomainEvent<'comment.created'> | DomainEvent<'comment.deleted'> | DomainEvent<'comment.moderated'>): Promise<void> {
    const { kind, resourceId } = event.payload;
    if (kind !== 'proposals') return;
    await this.recounts.run(resourceId, async () => {
      const count = await this.comments.countLive(kind, resourceId);
      await this.proposals.update({ id: resourceId }, { commentCount: count, updatedAt: () => 'updated_at' });
    });
  }
}
