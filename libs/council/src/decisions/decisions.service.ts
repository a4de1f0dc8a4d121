import { Injectable } from '@nestjs/common';
import type { DecisionContentView, DecisionView } from '@polity/contracts';
import { cleanText, DecisionSubjects, type Principal, Problems, recordAudit, type Transaction, UnitOfWork } from '@polity/platform';
import { AgendaLinkEntity } from '../entities/agenda-link.entity';
import { DecisionEntity } from '../entities/decision.entity';
import { DecisionCorrectionEntity } from '../entities/decision-correction.entity';
import { itemOf, lockMeeting } from '../meetings/meeting-lock';
import { contentOf, summaryOf } from './decision-content';
import { DecisionPresenter } from './decision-presenter';
import type { CorrectDecisionDto, RecordDecisionDto } from './decisions.dto';

type DecisionInput = Partial<Omit<RecordDecisionDto, 'text'>> & { text?: string };

/** The vote counts: as given, or counted from the roll call; both given, they must agree. */
function votesOf(input: DecisionInput, fallback: DecisionContentView['votes'] | null): DecisionContentView['votes'] {
  const counted = input.rollCall && {
    for: input.rollCall.filter((entry) => entry.vote === 'for').length,
    against: input.rollCall.filter((entry) => entry.vote === 'against').length,
    abstain: input.rollCall.filter((entry) => entry.vote === 'abstain').length,
  };
  const votes = input.votes ?? counted ?? fallback;
  if (!votes)
    throw Problems.unprocessable('votes_required', 'Give the votes, or a roll call to count them from.', [
      { field: 'votes', rule: 'required', message: 'required without rollCall' },
    ]);
  if (counted && (counted.for !== votes.for || counted.against !== votes.against || counted.abstain !== votes.abstain))
    throw Problems.unprocessable('roll_call_mismatch', 'The vote counts do not match the roll call.', [
      {
        field: 'votes',
        rule: 'matchesRollCall',
        message: `the roll call counts ${counted.for} for, ${counted.against} against, ${counted.abstain} abstaining`,
      },
    ]);
  return votes;
}

function assertProposalStatusApplies(status: string | null, links: readonly { kind: string }[]): void {
  if (status !== null && !links.some((link) => link.kind === 'proposals'))
    throw Problems.unprocessable('no_linked_proposal', 'This agenda item concerns no proposal whose status the decision could set.', [
      { field: 'proposalStatus', rule: 'linkedProposal', message: 'the agenda item links no proposal' },
    ]);
}

/**
 * Records council decisions and corrections. A decision commits together with its effects on the
 * resources it concerns (a proposal's status, a thread's timeline) and the event that pushes it
 * live and tells followers.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly subjects: DecisionSubjects,
    private readonly presenter: DecisionPresenter,
  ) {}

  async record(
    principal: Principal,
    meetingId: string,
    itemId: string,
    input: RecordDecisionDto,
    idempotencyKey: string | undefined,
  ): Promise<DecisionView> {
    const votes = votesOf(input, null);
    const decision = await this.unitOfWork.run(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      const item = await itemOf(tx, meetingId, itemId);
      if (idempotencyKey) {
        const earlier = await tx.manager.findOneBy(DecisionEntity, { agendaItemId: itemId, idempotencyKey });
        if (earlier) return earlier;
      }
      if (meeting.status !== 'live' || item.status !== 'open')
        throw Problems.conflict('item_not_open', 'Decisions are recorded on the open item of a live meeting.');
      const links = await this.linksOf(tx, itemId);
      assertProposalStatusApplies(input.proposalStatus ?? null, links);
      const saved = await tx.manager.save(
        tx.manager.create(DecisionEntity, {
          meetingId,
          agendaItemId: itemId,
          outcome: input.outcome,
          text: cleanText(input.text),
          votesFor: votes.for,
          votesAgainst: votes.against,
          votesAbstain: votes.abstain,
          rollCall: input.rollCall ?? null,
          proposalStatus: input.proposalStatus ?? null,
          recordedById: principal.userId,
          idempotencyKey: idempotencyKey ?? null,
          decidedAt: new Date(),
        }),
      );
      await this.subjects.apply(tx, links, summaryOf(saved, meeting, item));
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'decision.recorded',
        target: { kind: 'decision', id: saved.id },
        before: null,
        after: { ...contentOf(saved) },
      });
      tx.publish('meeting.decision_recorded', { meetingId, agendaItemId: itemId, decisionId: saved.id, outcome: saved.outcome, links });
      return saved;
    });
    const [view] = await this.presenter.present([decision]);
    return view;
  }

  /** A correction replaces what the decision says; the previous version and the reason stay visible. */
  async correct(principal: Principal, decisionId: string, input: CorrectDecisionDto): Promise<DecisionView> {
    const decision = await this.unitOfWork.run(async (tx) => {
      const found = await tx.manager.findOneBy(DecisionEntity, { id: decisionId });
      if (!found) throw Problems.notFound('That decision');
      const meeting = await lockMeeting(tx, found.meetingId);
      // Read again under the meeting's lock: a concurrent correction may have moved it on.
      const current = await tx.manager.findOneByOrFail(DecisionEntity, { id: decisionId });
      const item = await itemOf(tx, meeting.id, current.agendaItemId);
      const previous = contentOf(current);
      // Counts and roll call must still agree after the correction, whichever of them it changes.
      const votes = votesOf({ ...input, rollCall: input.rollCall ?? current.rollCall ?? undefined }, previous.votes);
      const links = await this.linksOf(tx, item.id);
      if (input.proposalStatus !== undefined) assertProposalStatusApplies(input.proposalStatus, links);
      if (input.outcome !== undefined) current.outcome = input.outcome;
      if (input.text !== undefined) current.text = cleanText(input.text);
      if (input.rollCall !== undefined) current.rollCall = input.rollCall;
      if (input.proposalStatus !== undefined) current.proposalStatus = input.proposalStatus;
      current.votesFor = votes.for;
      current.votesAgainst = votes.against;
      current.votesAbstain = votes.abstain;
      current.revision += 1;
      current.correctedAt = new Date();
      await tx.manager.save(current);
      await tx.manager.insert(DecisionCorrectionEntity, {
        decisionId,
        revision: current.revision,
        reason: cleanText(input.reason),
        previous,
        correctedById: principal.userId,
        correctedAt: current.correctedAt,
      });
      await this.subjects.apply(tx, links, summaryOf(current, meeting, item));
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'decision.corrected',
        target: { kind: 'decision', id: decisionId },
        before: { ...previous },
        after: { ...contentOf(current), reason: input.reason },
      });
      tx.publish('meeting.decision_corrected', {
        meetingId: meeting.id,
        agendaItemId: item.id,
        decisionId,
        revision: current.revision,
        outcome: current.outcome,
        links,
      });
      return current;
    });
    const [view] = await this.presenter.present([decision]);
    return view;
  }

  private async linksOf(tx: Transaction, agendaItemId: string): Promise<{ kind: AgendaLinkEntity['kind']; id: string }[]> {
    const rows = await tx.manager.find(AgendaLinkEntity, { where: { agendaItemId }, order: { position: 'ASC' } });
    return rows.map((row) => ({ kind: row.kind, id: row.resourceId }));
  }
}
