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

interface SupportOutcome {
  status: string;
  moderation_state: string;
  inserted: number;
  before: number;
}

function assertSupportable(proposal: Pick<SupportOutcome, 'status' | 'moderation_state'> | null | undefined): void {
  if (!proposal) throw Problems.notFound('That proposal');
  if (proposal.moderation_state !== 'visible')
    throw Problems.conflict('content_not_visible', 'This proposal is awaiting moderation or was hidden.');
  if (!SUPPORTABLE.has(proposal.status)) {
    throw Problems.conflict(
      'not_supportable',
      `Supports are open while a proposal is published or evaluating; this one is ${proposal.status}.`,
    );
  }
}

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
      // The lock first, in a statement of its own: the next statement's snapshot is then taken after
      // any withdrawal or edit that held the proposal has committed.
      await ProposalLock.shared(tx, proposalId);
      // One statement checks the proposal, records the support and its tally shard, and reads the
      // count: the busiest write of a consultation night, in one round trip instead of five.
      const [outcome] = await tx.manager.query<SupportOutcome[]>(
        `WITH target AS (SELECT p.id, p.status, p.moderation_state FROM proposal p WHERE p.id = $1),
              supportable AS (SELECT id FROM target WHERE moderation_state = 'visible' AND status = ANY($4::text[])),
              inserted AS (
                INSERT INTO proposal_support (proposal_id, user_id) SELECT id, $2 FROM supportable
                ON CONFLICT DO NOTHING RETURNING proposal_id),
              counted AS (
                INSERT INTO proposal_support_tally (proposal_id, shard, supports) SELECT proposal_id, $3, 1 FROM inserted
                ON CONFLICT (proposal_id, shard) DO UPDATE SET supports = proposal_support_tally.supports + EXCLUDED.supports
                RETURNING 1)
         SELECT t.status, t.moderation_state,
                (SELECT count(*) FROM counted)::int AS inserted,
                -- The statement's snapshot does not see its own tally row: the count before, plus this one.
                (SELECT coalesce(sum(supports), 0) FROM proposal_support_tally WHERE proposal_id = t.id)::int AS before
           FROM target t`,
        [proposalId, principal.userId, randomInt(SUPPORT_TALLY_SHARDS), [...SUPPORTABLE]],
      );
      assertSupportable(outcome);
      if (outcome.inserted === 1) {
        tx.publish('proposal.support_changed', { proposalId });
        if (follow) await this.follows.follow('proposals', proposalId, principal.userId, tx.manager);
      }
      return { supportCount: outcome.before + outcome.inserted, supportedByMe: true };
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
    assertSupportable(proposal && { status: proposal.status, moderation_state: proposal.moderationState });
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
