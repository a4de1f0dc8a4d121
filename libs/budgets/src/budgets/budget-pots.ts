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
export const potFor = (pots: BudgetPot[], district: string | null | undefined): BudgetPot | undefined =>
  pots.find((pot) => pot.district === (district ?? null));
