import { Injectable } from '@nestjs/common';
import { BudgetConfig, type Principal, Problems, recordAudit, type Transaction, UnitOfWork } from '@polity/platform';
import { In, IsNull, Not } from 'typeorm';
import { assertVisible, managesBudgets } from '../budgets/budget-access';
import { BudgetLock } from '../budgets/budget-lock';
import { isAtLeast } from '../budgets/budget-phases';
import { catchUpPhase, recordPhase } from '../budgets/budget-transitions';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetBallotEntity } from '../entities/budget-ballot.entity';
import { BudgetOutcomeEntity } from '../entities/budget-outcome.entity';
import type { OutcomeRequest } from '../rules/outcome';
import { loadElections } from './election-loader';
import { computePotOutcomes } from './outcome-computation';
import { OutcomePresenter } from './outcome-presenter';
import { toOutcomeRequest } from './outcome-request';
import type { OutcomeDto, RequestOutcomeDto } from './outcomes.dto';

export interface RequestedOutcome {
  /** True when a worker job computes it; follow `budget.outcome_progress` in the budget's room. */
  queued: boolean;
  outcome: OutcomeDto;
}

@Injectable()
export class OutcomesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly presenter: OutcomePresenter,
    private readonly config: BudgetConfig,
  ) {}

  /**
   * Computes an outcome under a rule: during the request for up to BUDGET_INLINE_OUTCOME_MAX_BALLOTS
   * ballots, by a worker job above. Once voting has closed, asking again for the same rule and
   * options over the same ballots returns the outcome already computed.
   */
  async request(principal: Principal, budgetId: string, input: RequestOutcomeDto): Promise<RequestedOutcome> {
    const request = toOutcomeRequest(input);
    const prepared = await this.unitOfWork.run(async (tx) => {
      await BudgetLock.exclusive(tx, budgetId);
      const budget = await tx.manager.findOne(BudgetEntity, { where: { id: budgetId }, lock: { mode: 'pessimistic_write' } });
      if (!budget) throw Problems.notFound('That budget');
      const phase = await catchUpPhase(tx, budget);
      if (!isAtLeast(phase, 'voting'))
        throw Problems.conflict('no_ballots_yet', `There are no ballots before voting; the budget is ${phase}.`);
      if (isAtLeast(phase, 'closed')) {
        const same = await this.sameOutcome(tx, budget, request);
        if (same) return { queued: same.status === 'computing', outcome: await this.presenter.present(same, budget, tx.manager) };
      }
      if ((await tx.manager.countBy(BudgetBallotEntity, { budgetId })) <= this.config.inlineOutcomeMaxBallots) return null;
      const outcome = await tx.manager.save(this.newOutcome(budget, request, principal, phase));
      tx.publish('budget.outcome_requested', { budgetId, outcomeId: outcome.id });
      return { queued: true, outcome: await this.presenter.present(outcome, budget, tx.manager) };
    });
    if (prepared) return prepared;
    // Small enough to compute now, from one snapshot of the ballots and the revision.
    return this.unitOfWork.run(
      async (tx) => {
        const budget = await tx.manager.findOneByOrFail(BudgetEntity, { id: budgetId });
        const loaded = await loadElections(tx.manager, budget);
        const outcome = this.newOutcome(budget, request, principal, budget.phase);
        Object.assign(outcome, {
          status: 'computed',
          result: { pots: computePotOutcomes(loaded.pots, request), ballots: loaded.ballots, paperBallots: loaded.paperBallots },
          computedAt: new Date(),
        });
        await tx.manager.save(outcome);
        return { queued: false, outcome: await this.presenter.present(outcome, budget, tx.manager) };
      },
      { isolation: 'REPEATABLE READ' },
    );
  }

  /** Officials see every outcome; everyone else the published one. */
  async current(principal: Principal | undefined, budgetId: string, rule: string | undefined): Promise<OutcomeDto> {
    return this.unitOfWork.run(async (tx) => {
      const budget = await tx.manager.findOneBy(BudgetEntity, { id: budgetId });
      assertVisible(budget, principal);
      const outcome = managesBudgets(principal)
        ? await tx.manager.findOne(BudgetOutcomeEntity, {
            where: { budgetId, ...(rule && { rule: rule as BudgetOutcomeEntity['rule'] }) },
            order: { publishedAt: { direction: 'DESC', nulls: 'LAST' }, requestedAt: 'DESC' },
          })
        : await tx.manager.findOneBy(BudgetOutcomeEntity, { budgetId, publishedAt: Not(IsNull()) });
      if (!outcome || (rule && outcome.rule !== rule)) throw Problems.notFound(rule ? `An outcome under ${rule}` : 'A published outcome');
      return this.presenter.present(outcome, budget, tx.manager);
    });
  }

  async byId(principal: Principal | undefined, budgetId: string, outcomeId: string): Promise<OutcomeDto> {
    return this.unitOfWork.run(async (tx) => {
      const budget = await tx.manager.findOneBy(BudgetEntity, { id: budgetId });
      assertVisible(budget, principal);
      const outcome = await tx.manager.findOneBy(BudgetOutcomeEntity, { id: outcomeId, budgetId });
      if (!outcome || (!managesBudgets(principal) && outcome.publishedAt === null)) throw Problems.notFound('That outcome');
      return this.presenter.present(outcome, budget, tx.manager);
    });
  }

  /** Publishes a current outcome of a closed budget; the budget moves to `published`. */
  async publish(principal: Principal, budgetId: string, outcomeId: string): Promise<OutcomeDto> {
    return this.unitOfWork.run(async (tx) => {
      await BudgetLock.exclusive(tx, budgetId);
      const budget = await tx.manager.findOne(BudgetEntity, { where: { id: budgetId }, lock: { mode: 'pessimistic_write' } });
      if (!budget) throw Problems.notFound('That budget');
      const phase = await catchUpPhase(tx, budget);
      if (phase !== 'closed')
        throw Problems.conflict('not_closed', `Outcomes are published once voting has closed; the budget is ${phase}.`);
      const outcome = await tx.manager.findOneBy(BudgetOutcomeEntity, { id: outcomeId, budgetId });
      if (!outcome) throw Problems.notFound('That outcome');
      if (outcome.status !== 'computed') throw Problems.conflict('outcome_not_ready', `The outcome is ${outcome.status}.`);
      if (OutcomePresenter.isStale(outcome, budget)) {
        throw Problems.conflict('outcome_stale', 'Ballots were counted after this outcome was computed; compute it again.');
      }
      outcome.publishedAt = new Date();
      outcome.publishedById = principal.userId;
      await tx.manager.save(outcome);
      await recordPhase(tx, budget, 'published');
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'budget.outcome_published',
        target: { kind: 'budgets', id: budgetId },
        after: { outcomeId, rule: outcome.rule },
      });
      tx.publish('budget.outcome_published', { budgetId, outcomeId, rule: outcome.rule });
      return this.presenter.present(outcome, budget, tx.manager);
    });
  }

  private newOutcome(
    budget: BudgetEntity,
    request: OutcomeRequest,
    principal: Principal,
    phase: BudgetEntity['phase'],
  ): BudgetOutcomeEntity {
    return Object.assign(new BudgetOutcomeEntity(), {
      budgetId: budget.id,
      rule: request.rule,
      options: { ...request.options },
      status: 'computing',
      result: null,
      failure: null,
      ballotsRevision: budget.ballotsRevision,
      phaseAtRequest: phase,
      requestedById: principal.userId,
      requestedAt: new Date(),
      computedAt: null,
      publishedAt: null,
      publishedById: null,
    });
  }

  private async sameOutcome(tx: Transaction, budget: BudgetEntity, request: OutcomeRequest): Promise<BudgetOutcomeEntity | null> {
    const candidates = await tx.manager.find(BudgetOutcomeEntity, {
      where: { budgetId: budget.id, rule: request.rule, ballotsRevision: budget.ballotsRevision, status: In(['computing', 'computed']) },
      order: { requestedAt: 'DESC' },
    });
    const canonical = (options: object): string => JSON.stringify(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)));
    const wanted = canonical(request.options);
    return candidates.find((c) => isAtLeast(c.phaseAtRequest, 'closed') && canonical(c.options) === wanted) ?? null;
  }
}
