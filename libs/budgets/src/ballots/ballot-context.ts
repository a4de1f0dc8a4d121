import type { FieldProblem } from '@polity/platform';
import type { EntityManager } from 'typeorm';
import { type BudgetPot, findPot, loadPots, requirePot } from '../budgets/budget-pots';
import type { BudgetEntity } from '../entities/budget.entity';
import { BudgetProjectEntity } from '../entities/budget-project.entity';
import { type BallotChoice, type BallotSubmission, checkBallot } from '../rules/ballot-rules';

export type CheckedBallot =
  { ok: true; pot: BudgetPot; choices: BallotChoice[]; totalCost: number } | { ok: false; problems: FieldProblem[] };

/** What a ballot is checked against: the budget's pots and the feasible projects in each. */
export class BallotContext {
  private constructor(
    readonly budget: BudgetEntity,
    readonly pots: BudgetPot[],
    private readonly onBallot: Map<string | null, Map<string, number>>,
  ) {}

  static async load(manager: EntityManager, budget: BudgetEntity): Promise<BallotContext> {
    const [pots, projects] = await Promise.all([
      loadPots(manager, budget),
      manager.find(BudgetProjectEntity, {
        where: { budgetId: budget.id, feasibility: 'feasible', moderationState: 'visible' },
        select: { id: true, cost: true, district: true },
      }),
    ]);
    const onBallot = new Map(pots.map((pot) => [pot.district, new Map<string, number>()]));
    for (const project of projects) onBallot.get(project.district)?.set(project.id, project.cost);
    return new BallotContext(budget, pots, onBallot);
  }

  get hasDistricts(): boolean {
    return this.pots[0].district !== null;
  }

  /** One ballot per person per budget, or per district where residents vote in each. */
  slotFor(pot: BudgetPot): string {
    return this.budget.districtVoting === 'all' ? (pot.district ?? '') : '';
  }

  /** The pot named by `district`; 422 `budget_district` when the budget lacks it. */
  pot(district: string | undefined): BudgetPot {
    return requirePot(this.pots, district);
  }

  /** A ballot's choices against its pot's rules; a batch's district problems are reported with its other problems. */
  check(submission: BallotSubmission & { district?: string }, prefix = ''): CheckedBallot {
    const found = findPot(this.pots, submission.district, `${prefix}district`);
    if ('problem' in found) return { ok: false, problems: [found.problem] };
    const rules = { kind: this.budget.ballotKind, ...this.budget.ballotLimits };
    const checked = checkBallot(rules, submission, this.onBallot.get(found.pot.district) ?? new Map(), found.pot.amount);
    if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => ({ ...p, field: `${prefix}${p.field}` })) };
    return { ok: true, pot: found.pot, choices: checked.choices, totalCost: checked.totalCost };
  }
}
