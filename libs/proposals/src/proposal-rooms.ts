import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { roomName } from '@polity/contracts';
import { canSeeContent, DiscussableResource, isUuid, Principal, Problems, DiscussionOf, Transaction } from '@polity/platform';
import { RoomPolicy, RoomPolicyFor } from '@polity/realtime';
import { Repository } from 'typeorm';
import { ProposalEntity } from './proposal.entity';
import { ProposalLock } from './proposal-lock';

/** Whether a proposal exists and this reader may see it (held and hidden: author and moderators). */
async function visibleTo(proposals: Repository<ProposalEntity>, id: string, principal: Principal | undefined): Promise<boolean> {
  if (!isUuid(id)) return false;
  const proposal = await proposals.findOne({ where: { id }, select: { id: true, authorId: true, moderationState: true } });
  return proposal !== null && canSeeContent(proposal.moderationState, proposal.authorId, principal);
}

/** Proposals are public: anyone may watch one they can see, and the list. */
@RoomPolicyFor('proposals')
@Injectable()
export class ProposalRoomPolicy implements RoomPolicy {
  constructor(@InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>) {}

  async canJoin(principal: Principal | undefined, id: string | undefined): Promise<boolean> {
    return id !== undefined && (await visibleTo(this.proposals, id, principal));
  }
}

/** Lets comments and follows attach to proposals. */
@DiscussionOf('proposals')
@Injectable()
export class ProposalDiscussion implements DiscussableResource {
  constructor(@InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>) {}

  async roomFor(id: string, principal: Principal | undefined): Promise<string | null> {
    return (await visibleTo(this.proposals, id, principal)) ? roomName('proposals', id) : null;
  }

  async titleOf(id: string): Promise<string | null> {
    const proposal = await this.proposals.findOne({ where: { id }, select: { title: true, moderationState: true } });
    return proposal?.moderationState === 'visible' ? proposal.title : null;
  }

  async assertOpenForContribution(tx: Transaction, id: string): Promise<void> {
    await ProposalLock.shared(tx, id);
    const proposal = await tx.manager.findOne(ProposalEntity, { where: { id }, select: { id: true, status: true, moderationState: true } });
    if (!proposal) throw Problems.notFound('That proposal');
    if (proposal.status === 'withdrawn')
      throw Problems.conflict('proposal_withdrawn', 'This proposal was withdrawn; its discussion is closed.');
    if (proposal.moderationState !== 'visible')
      throw Problems.conflict(
        'content_not_visible',
        'This proposal is awaiting moderation or was hidden; its discussion is closed meanwhile.',
      );
  }
}
