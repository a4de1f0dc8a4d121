import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { roomName } from '@polity/contracts';
import { DiscussableResource, Principal, Problems, ResourceKind, Transaction } from '@polity/platform';
import { RoomPolicy, RoomPolicyFor } from '@polity/realtime';
import { Repository } from 'typeorm';
import { ProposalEntity } from './proposal.entity';
import { ProposalLock } from './proposal-lock';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Proposals are public: anyone may watch one that exists, and the list. */
@RoomPolicyFor('proposal')
@Injectable()
export class ProposalRoomPolicy implements RoomPolicy {
  constructor(@InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>) {}

  async canJoin(_principal: Principal | undefined, id: string | undefined): Promise<boolean> {
    return id !== undefined && UUID.test(id) && (await this.proposals.existsBy({ id }));
  }
}

@RoomPolicyFor('proposals')
@Injectable()
export class ProposalListRoomPolicy implements RoomPolicy {
  canJoin(_principal: Principal | undefined, id: string | undefined): boolean {
    return id === undefined;
  }
}

/** Lets comments and follows attach to proposals. */
@ResourceKind('proposals')
@Injectable()
export class ProposalDiscussion implements DiscussableResource {
  constructor(@InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>) {}

  async roomFor(id: string): Promise<string | null> {
    return (await this.proposals.existsBy({ id })) ? roomName('proposal', id) : null;
  }

  async assertOpenForContribution(tx: Transaction, id: string): Promise<void> {
    await ProposalLock.shared(tx, id);
    const proposal = await tx.manager.findOne(ProposalEntity, { where: { id }, select: { id: true, status: true } });
    if (!proposal) throw Problems.notFound('That proposal');
    if (proposal.status === 'withdrawn')
      throw Problems.conflict('proposal_withdrawn', 'This proposal was withdrawn; its discussion is closed.');
  }
}
