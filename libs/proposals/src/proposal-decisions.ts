import { Injectable } from '@nestjs/common';
import type { DecisionSummary } from '@polity/contracts';
import { type DecisionSubject, DecisionSubjectKind, recordAudit, type Transaction } from '@polity/platform';
import { ProposalEntity } from './proposal.entity';
import { ProposalLock } from './proposal-lock';

/**
 * A council decision that says so sets the status of the proposals it concerns (a correction sets
 * it again). The council's word stands over the usual answer transitions; a withdrawn proposal stays withdrawn.
 */
@DecisionSubjectKind('proposals')
@Injectable()
export class ProposalDecisions implements DecisionSubject {
  async applyDecision(tx: Transaction, id: string, decision: DecisionSummary): Promise<void> {
    if (decision.proposalStatus === null) return;
    await ProposalLock.exclusive(tx, id);
    const proposal = await tx.manager.findOne(ProposalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!proposal || proposal.status === 'withdrawn' || proposal.status === decision.proposalStatus) return;
    const before = proposal.status;
    await tx.manager.update(ProposalEntity, { id }, { status: decision.proposalStatus });
    await recordAudit(tx, {
      actorId: null,
      action: 'proposal.status_decided',
      target: { kind: 'proposals', id },
      before: { status: before },
      after: { status: decision.proposalStatus, decisionId: decision.decisionId, revision: decision.revision },
    });
    tx.publish('proposal.updated', { proposalId: id });
  }
}
