import { Injectable } from '@nestjs/common';
import { FollowsService } from '@polity/follows';
import { UsersService } from '@polity/identity';
import { type Principal, Problems, type Transaction, UnitOfWork } from '@polity/platform';
import { assertVisible } from '../budgets/budget-access';
import { BudgetLock } from '../budgets/budget-lock';
import { effectivePhase } from '../budgets/budget-phases';
import { loadPots, requirePot } from '../budgets/budget-pots';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetBallotEntity } from '../entities/budget-ballot.entity';
import { BallotContext } from './ballot-context';
import { presentBallots } from './ballot-views';
import { deleteBallots, writeBallots } from './ballot-writer';
import type { BallotChoicesDto, BallotDto, CastBallotDto } from './ballots.dto';

/** What the review step learns from a ballot that would be accepted. */
export interface CheckedBallotSummary {
  district: string | null;
  potAmount: number;
  totalCost: number;
}

/** What of the voter the rules look at. */
type Voter = { verifiedAt: Date | null; residentDistrict: string | null };

/** Residents' own ballots: one each (per district where they vote in each), editable while voting. */
@Injectable()
export class BallotsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UsersService,
    private readonly follows: FollowsService,
  ) {}

  async cast(principal: Principal, budgetId: string, input: CastBallotDto): Promise<BallotDto> {
    const voter = await this.users.get(principal.userId);
    return this.unitOfWork.run(async (tx) => {
      const { budget, slot, checked } = await this.checked(tx, principal, voter, budgetId, input);
      await writeBallots(
        tx,
        budgetId,
        [{ voterId: principal.userId, reference: null, slot, district: checked.pot.district, choices: checked.choices }],
        'voter',
      );
      if (input.follow ?? true) await this.follows.follow('budgets', budgetId, principal.userId, tx.manager);
      return this.ownBallot(tx, budget, principal, slot);
    });
  }

  /**
   * Checks a ballot exactly as casting it would, and casts nothing: the site's review step. Throws
   * what `cast` would throw; otherwise says which pot it is for and what the choices cost.
   */
  async check(principal: Principal, budgetId: string, input: BallotChoicesDto): Promise<CheckedBallotSummary> {
    const voter = await this.users.get(principal.userId);
    return this.unitOfWork.run(async (tx) => {
      const { checked } = await this.checked(tx, principal, voter, budgetId, input);
      return { district: checked.pot.district, potAmount: checked.pot.amount, totalCost: checked.totalCost };
    });
  }

  private async checked(tx: Transaction, principal: Principal, voter: Voter, budgetId: string, input: BallotChoicesDto) {
    const budget = await this.votingBudget(tx, budgetId, principal);
    if (budget.requireVerified && voter.verifiedAt === null) {
      throw Problems.forbidden('verification_required', 'This vote is for verified residents; verify at /api/v1/me/verification.');
    }
    const context = await BallotContext.load(tx.manager, budget);
    const district = input.district ?? (context.hasDistricts && voter.residentDistrict ? voter.residentDistrict : undefined);
    if (context.hasDistricts && budget.districtVoting === 'one' && voter.residentDistrict && district !== voter.residentDistrict) {
      throw Problems.unprocessable('wrong_district', `Residents vote in their own district, ${voter.residentDistrict}.`, [
        { field: 'district', rule: 'resident_district', message: `must be ${voter.residentDistrict}` },
      ]);
    }
    // A district the budget lacks is the same answer here as everywhere else, not one of the ballot's problems.
    context.pot(district);
    const checked = context.check({ ...input, district });
    if (!checked.ok) throw Problems.unprocessable('ballot_invalid', checked.problems[0].message, checked.problems);
    return { budget, checked, slot: context.slotFor(checked.pot) };
  }

  async mine(principal: Principal, budgetId: string, district: string | undefined): Promise<BallotDto> {
    return this.unitOfWork.run(async (tx) => {
      const budget = await tx.manager.findOneBy(BudgetEntity, { id: budgetId });
      assertVisible(budget, principal);
      return this.ownBallot(tx, budget, principal, await this.slotOf(tx, budget, district));
    });
  }

  async withdraw(principal: Principal, budgetId: string, district: string | undefined): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const budget = await this.votingBudget(tx, budgetId, principal);
      const slot = await this.slotOf(tx, budget, district);
      const ballot = await tx.manager.findOne(BudgetBallotEntity, {
        where: { budgetId, voterId: principal.userId, slot },
        lock: { mode: 'pessimistic_write' },
      });
      if (!ballot) throw Problems.notFound('Your ballot');
      await deleteBallots(tx, budgetId, [ballot.id]);
    });
  }

  private async votingBudget(tx: Transaction, budgetId: string, principal: Principal): Promise<BudgetEntity> {
    await BudgetLock.shared(tx, budgetId);
    const budget = await tx.manager.findOneBy(BudgetEntity, { id: budgetId });
    assertVisible(budget, principal);
    const phase = effectivePhase(budget);
    if (phase !== 'voting') throw Problems.conflict('not_voting', `Ballots are cast while the budget is voting; it is ${phase}.`);
    return budget;
  }

  private async slotOf(tx: Transaction, budget: BudgetEntity, district: string | undefined): Promise<string> {
    if (budget.districtVoting !== 'all') return '';
    return requirePot(await loadPots(tx.manager, budget), district).district ?? '';
  }

  private async ownBallot(tx: Transaction, budget: BudgetEntity, principal: Principal, slot: string): Promise<BallotDto> {
    const ballot = await tx.manager.findOneBy(BudgetBallotEntity, { budgetId: budget.id, voterId: principal.userId, slot });
    if (!ballot) throw Problems.notFound('Your ballot');
    const [view] = await presentBallots(tx.manager, budget.ballotKind, [ballot]);
    return view;
  }
}
