import { Injectable } from '@nestjs/common';
import type { ProposalStatus, ProposalView } from '@polity/contracts';
import { CommentsService } from '@polity/comments';
import { DistrictsService } from '@polity/districts';
import { FollowsService } from '@polity/follows';
import { ContentGate } from '@polity/moderation';
import { cleanText, Principal, Problems, recordAudit, Transaction, UnitOfWork } from '@polity/platform';
import { ProposalEntity } from './proposal.entity';
import { editRefusal } from './proposal-editing';
import { ProposalLock } from './proposal-lock';
import { ProposalPresenter } from './proposal-presenter';
import { ProposalSupportCounts } from './proposal-support-counts';
import type { AnswerProposalDto, CreateProposalDto, UpdateProposalDto, WithdrawProposalDto } from './proposals.dto';

/** Where an official answer may move a proposal from each status. */
const ANSWER_TRANSITIONS: Record<ProposalStatus, readonly ProposalStatus[]> = {
  published: ['evaluating', 'accepted', 'rejected'],
  evaluating: ['evaluating', 'accepted', 'rejected'],
  accepted: ['accepted', 'implemented'],
  rejected: ['rejected'],
  implemented: ['implemented'],
  withdrawn: [],
};

/**
 * Writes these columns of a proposal already read and locked in this transaction, in one UPDATE
 * that hands back the new updated_at (save() would read the row again first), and applies them to
 * `found`, which the caller presents.
 */
async function write(tx: Transaction, found: ProposalEntity, changes: Partial<ProposalEntity>): Promise<void> {
  const result = await tx.manager
    .createQueryBuilder()
    .update(ProposalEntity)
    .set(changes)
    .where('id = :id', { id: found.id })
    .returning('updated_at')
    .execute();
  const [row] = result.raw as { updated_at: Date }[];
  Object.assign(found, changes, { updatedAt: row.updated_at });
}

@Injectable()
export class ProposalsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly presenter: ProposalPresenter,
    private readonly counts: ProposalSupportCounts,
    private readonly districts: DistrictsService,
    private readonly comments: CommentsService,
    private readonly follows: FollowsService,
    private readonly gate: ContentGate,
  ) {}

  async create(principal: Principal, input: CreateProposalDto): Promise<ProposalView> {
    if (input.district !== undefined) await this.districts.assertExists(input.district);
    const proposal = await this.unitOfWork.run(async (tx) => {
      const moderationState = await this.gate.admit(tx, principal.userId, ['proposals']);
      const saved = await tx.manager.save(
        tx.manager.create(ProposalEntity, {
          title: cleanText(input.title),
          body: cleanText(input.body),
          tags: input.tags,
          district: input.district ?? null,
          latitude: input.location?.lat ?? null,
          longitude: input.location?.lng ?? null,
          authorId: principal.userId,
          moderationState,
        }),
      );
      await this.follows.follow('proposals', saved.id, principal.userId, tx.manager);
      tx.publish('proposal.published', { proposalId: saved.id, authorId: principal.userId });
      tx.publish('content.submitted', { kind: 'proposals', contentId: saved.id, authorId: principal.userId });
      return saved;
    });
    return this.presenter.presentOne(proposal);
  }

  /** The author may edit until the first support or comment. */
  async update(principal: Principal, id: string, input: UpdateProposalDto): Promise<ProposalView> {
    if (input.district) await this.districts.assertExists(input.district);
    const proposal = await this.unitOfWork.run(async (tx) => {
      await ProposalLock.exclusive(tx, id);
      const found = await this.forAuthor(tx, principal, id);
      // The same rule as the views' `editable`, on exact facts read under the proposal's lock.
      const refusal = editRefusal({
        status: found.status,
        moderationState: found.moderationState,
        supportCount: await this.counts.exactOne(id, tx.manager),
        commented: await this.comments.hasAny('proposals', id, tx),
      });
      if (refusal) throw refusal;
      const stateBefore = found.moderationState;
      const changes: Partial<ProposalEntity> = {
        moderationState: await this.gate.admitEdit(tx, principal.userId, ['proposals'], stateBefore),
      };
      if (input.title !== undefined) changes.title = cleanText(input.title);
      if (input.body !== undefined) changes.body = cleanText(input.body);
      if (input.tags !== undefined) changes.tags = input.tags;
      if (input.district !== undefined) changes.district = input.district;
      if (input.location !== undefined) {
        changes.latitude = input.location?.lat ?? null;
        changes.longitude = input.location?.lng ?? null;
      }
      await write(tx, found, changes);
      tx.publish('proposal.updated', { proposalId: id });
      if (found.moderationState !== stateBefore) tx.publish('proposal.moderated', { proposalId: id, state: found.moderationState });
      tx.publish('content.submitted', { kind: 'proposals', contentId: id, authorId: principal.userId });
      return found;
    });
    return this.presenter.presentOne(proposal);
  }

  async withdraw(principal: Principal, id: string, input: WithdrawProposalDto): Promise<ProposalView> {
    const proposal = await this.unitOfWork.run(async (tx) => {
      await ProposalLock.exclusive(tx, id);
      const found = await this.forAuthor(tx, principal, id);
      if (found.status !== 'published' && found.status !== 'evaluating') {
        throw Problems.conflict('not_withdrawable', `A ${found.status} proposal cannot be withdrawn.`);
      }
      await write(tx, found, { status: 'withdrawn', withdrawnReason: cleanText(input.reason) });
      tx.publish('proposal.withdrawn', { proposalId: id, authorId: principal.userId });
      return found;
    });
    return this.presenter.presentOne(proposal);
  }

  /** An official's answer: moves the status and records who answered, when and why. */
  async answer(principal: Principal, id: string, input: AnswerProposalDto): Promise<ProposalView> {
    const proposal = await this.unitOfWork.run(async (tx) => {
      await ProposalLock.exclusive(tx, id);
      const found = await tx.manager.findOne(ProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw Problems.notFound('That proposal');
      if (!ANSWER_TRANSITIONS[found.status].includes(input.status)) {
        throw Problems.conflict('invalid_transition', `A ${found.status} proposal cannot be answered as ${input.status}.`);
      }
      const before = { status: found.status, answer: found.answerText };
      await write(tx, found, {
        status: input.status,
        answerText: cleanText(input.answer),
        answeredById: principal.userId,
        answeredAt: new Date(),
      });
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'proposal.answered',
        target: { kind: 'proposals', id },
        before,
        after: { status: found.status, answer: found.answerText },
      });
      tx.publish('proposal.answered', { proposalId: id, status: input.status, answeredById: principal.userId });
      return found;
    });
    return this.presenter.presentOne(proposal);
  }

  private async forAuthor(tx: Transaction, principal: Principal, id: string): Promise<ProposalEntity> {
    const found = await tx.manager.findOne(ProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw Problems.notFound('That proposal');
    if (found.authorId !== principal.userId) {
      throw Problems.forbidden('not_author', 'Only the author can change this proposal.');
    }
    return found;
  }
}
