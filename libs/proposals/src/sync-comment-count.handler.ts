import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CommentsService } from '@polity/comments';
import { type JobPayloads, roomName } from '@polity/contracts';
import { HandlesJob } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';
import { Repository } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

/**
 * Keeps proposal.comment_count (a sort key) and proposal.commented in step with the comments. The events come through
 * the outbox, so a crash after a comment's commit delays the recount rather than skipping it; the
 * job runs at most once a second per discussion (see JOB_COALESCING), since a recount reads every
 * comment of it. Recounting rather than adding one makes a late or repeated run harmless.
 */
@Injectable()
export class SyncCommentCountHandler {
  constructor(
    @InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>,
    private readonly comments: CommentsService,
    private readonly broadcaster: Broadcaster,
  ) {}

  @HandlesJob('proposals.sync-comment-count')
  async sync(
    event: JobPayloads['proposals.sync-comment-count'],
  ): Promise<{ commentCount: number; commented: boolean } | { status: string }> {
    const { kind, resourceId } = event.payload;
    if (kind !== 'proposals') return { status: 'not a proposal' };
    const [commentCount, commented] = await Promise.all([
      this.comments.countLive(kind, resourceId),
      this.comments.hasAny(kind, resourceId),
    ]);
    await this.proposals.update({ id: resourceId }, { commentCount, commented, updatedAt: () => 'updated_at' });
    await this.broadcaster.toRoom(roomName('proposals', resourceId), 'proposal.comment_count', { id: resourceId, commentCount });
    return { commentCount, commented };
  }
}
