import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CommentsService } from '@polity/comments';
import type { DomainEvent } from '@polity/contracts';
import { OnDomainEvent } from '@polity/platform';
import { Repository } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

/**
 * Keeps proposal.comment_count (a sort key) in step with the comments. It recounts rather than
 * adding one, so a missed event (a crash after commit) is repaired by the next comment.
 */
@Injectable()
export class ProposalCommentCountListener {
  constructor(
    @InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>,
    private readonly comments: CommentsService,
  ) {}

  @OnDomainEvent(['comment.created', 'comment.deleted', 'comment.moderated'])
  async recount(event: DomainEvent<'comment.created'> | DomainEvent<'comment.deleted'> | DomainEvent<'comment.moderated'>): Promise<void> {
    const { kind, resourceId } = event.payload;
    if (kind !== 'proposals') return;
    const count = await this.comments.countLive(kind, resourceId);
    await this.proposals.update({ id: resourceId }, { commentCount: count, updatedAt: () => 'updated_at' });
  }
}
