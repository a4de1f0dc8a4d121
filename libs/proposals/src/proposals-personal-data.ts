import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PersonalData, PersonalDataSource } from '@polity/platform';
import { Repository } from 'typeorm';
import { ProposalEntity } from './proposal.entity';
import { ProposalSupportEntity } from './proposal-support.entity';

/**
 * Proposals and supports stay after erasure, so counts and discussions keep their meaning; the
 * author row is anonymised, so they read "Deleted user".
 */
@PersonalData('proposals')
@Injectable()
export class ProposalsPersonalData implements PersonalDataSource {
  constructor(
    @InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>,
    @InjectRepository(ProposalSupportEntity) private readonly supports: Repository<ProposalSupportEntity>,
  ) {}

  async exportFor(userId: string): Promise<unknown> {
    const [written, supported] = await Promise.all([
      this.proposals.find({ where: { authorId: userId }, order: { createdAt: 'ASC' } }),
      this.supports.find({ where: { userId }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      written: written.map((p) => ({ id: p.id, title: p.title, body: p.body, status: p.status, createdAt: p.createdAt })),
      supported: supported.map((s) => ({ proposalId: s.proposalId, at: s.createdAt })),
    };
  }

  async eraseFor(): Promise<void> {
    // Nothing to remove: see the class comment.
  }
}
