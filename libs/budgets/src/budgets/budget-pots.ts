import { type FieldProblem, Problems } from '@polity/platform';
import type { EntityManager } from 'typeorm';
import type { BudgetEntity } from '../entities/budget.entity';
import { BudgetDistrictEntity } from '../entities/budget-district.entity';

/** One amount projects compete for: a district's, or (without districts) the whole budget's. */
export interface BudgetPot {
  district: string | null;
  amount: number;
}

export async function loadPots(manager: EntityManager, budget: BudgetEntity): Promise<BudgetPot[]> {
  const districts = await manager.find(BudgetDistrictEntity, { where: { budgetId: budget.id }, order: { district: 'ASC' } });
  return districts.length > 0
    ? districts.map((d) => ({ district: d.district, amount: d.amount }))
    : [{ district: null, amount: budget.totalAmount }];
}

/** The pot a district code belongs to; `undefined` when the budget has no such pot. */
const potFor = (pots: BudgetPot[], district: string | null | undefined): BudgetPot | undefined =>
  pots.find((pot) => pot.district === (district ?? null));

/**
 * The pot named by `district`, or what is wrong with `district` for this budget: one lookup and one
 * answer for every route that names a budget's district (ballots, a ballot's read, projects,
 * exports), so a client handles one error, `budget_district`, that lists the districts there are.
 */
export function findPot(
  pots: BudgetPot[],
  district: string | null | undefined,
  field = 'district',
): { pot: BudgetPot } | { detail: string; problem: FieldProblem } {
  const pot = potFor(pots, district);
  if (pot) return { pot };
  const codes = pots.map((p) => p.district).join(', ');
  const [detail, message] =
    pots[0].district === null
      ? ['This budget has no districts; leave district out.', 'not allowed: this budget has no districts']
      : district
        ? [`${district} is not a district of this budget (${codes}).`, `one of ${codes}`]
        : [`Say which district: ${codes}.`, `required: one of ${codes}`];
  return { detail, problem: { field, rule: 'budget_district', message } };
}

/** The pot named by `district`; 422 `budget_district` when the budget lacks it (see findPot). */
export function requirePot(pots: BudgetPot[], district: string | null | undefined, field = 'district'): BudgetPot {
  const found = findPot(pots, district, field);
  if ('pot' in found) return found.pot;
  throw Problems.unprocessable('budget_district', found.detail, [found.problem]);
}
