import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { FollowsService } from '@polity/follows';
import { UsersService } from '@polity/identity';
import { ParticipationConfig, Principal, Problems, Transaction, UnitOfWork } from '@polity/platform';
import { ProposalEntity } from './proposal.entity';
import { ProposalLock } from './proposal-lock';
import { SUPPORT_TALLY_SHARDS } from './proposal-support-tally.entity';
import { ProposalSupportCounts } from './proposal-support-counts';
import type { SupportStateDto } from './proposals.dto';

const SUPPORTABLE = new Set(['published', 'evaluating']);

@Injectable()
export class ProposalSupportsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly counts: ProposalSupportCounts,
    private readonly follows: FollowsService,
    private readonly users: UsersService,
    private readonly participation: ParticipationConfig,
  ) {}

  /** Idempotent: a second support by the same person changes nothing and answers the same. */
  async support(principal: Principal, proposalId: string, follow = true): Promise<SupportStateDto> {
    if (this.participation.supportRequiresVerified && (await this.users.get(principal.userId)).verifiedAt === null) {
      throw Problems.forbidden(
        'verification_required',
        'Only verified residents may support proposals; verify at /api/v1/me/verification.',
      );
    }
    return this.unitOfWork.run(async (tx) => {
      await this.assertSupportable(tx, proposalId);
      const inserted: unknown[] = await tx.manager.query(
        'INSERT INTO proposal_support (proposal_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
        [proposalId, principal.userId],
      );
      if (inserted.length === 1) {
        await this.addToTally(tx, proposalId, 1);
        if (follow) await this.follows.follow('proposals', proposalId, principal.userId, tx.manager);
      }
      return { supportCount: await this.counts.exactOne(proposalId, tx.manager), supportedByMe: true };
    });
  }

  async withdrawSupport(principal: Principal, proposalId: string): Promise<SupportStateDto> {
    return this.unitOfWork.run(async (tx) => {
      await this.assertSupportable(tx, proposalId);
      // Wrapped in a CTE so the driver hands back rows (a bare DELETE yields [rows, count]).
      const deleted: unknown[] = await tx.manager.query(
        'WITH gone AS (DELETE FROM proposal_support WHERE proposal_id = $1 AND user_id = $2 RETURNING 1) SELECT * FROM gone',
        [proposalId, principal.userId],
      );
      if (deleted.length === 1) await this.addToTally(tx, proposalId, -1);
      return { supportCount: await this.counts.exactOne(proposalId, tx.manager), supportedByMe: false };
    });
  }

  private async assertSupportable(tx: Transaction, proposalId: string): Promise<void> {
    await ProposalLock.shared(tx, proposalId);
    const proposal = await tx.manager.findOne(ProposalEntity, {
      where: { id: proposalId },
      select: { id: true, status: true, moderationState: true },
    });
    if (!proposal) throw Problems.notFound('That proposal');
    if (proposal.moderationState !== 'visible')
      throw Problems.conflict('content_not_visible', 'This proposal is awaiting moderation or was hidden.');
    if (!SUPPORTABLE.has(proposal.status)) {
      throw Problems.conflict(
        'not_supportable',
        `Supports are open while a proposal is published or evaluating; this one is ${proposal.status}.`,
      );
    }
  }

  private async addToTally(tx: Transaction, proposalId: string, delta: 1 | -1): Promise<void> {
    await tx.manager.query(
      `INSERT INTO proposal_support_tally (proposal_id, shard, supports) VALUES ($1, $2, $3)
       ON CONFLICT (proposal_id, shard) DO UPDATE SET supports = proposal_support_tally.supports + EXCLUDED.supports`,
      [proposalId, randomInt(SUPPORT_TALLY_SHARDS), delta],
    );
    tx.publish('proposal.support_changed', { proposalId });
  }
}
