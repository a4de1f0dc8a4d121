import type { BallotRulesView, DistrictVoting } from '@polity/contracts';
import type { FieldProblem } from '@polity/platform';
import type { StoredBallotLimits } from '../entities/budget.entity';
import { type BudgetSchedule, scheduleProblem } from './budget-phases';
import type { BallotRulesDto } from './budget-rules.dto';

/** What a budget is configured with, whether from a request or from the stored row. */
export interface BudgetSettings {
  totalAmount: number;
  ballot: BallotRulesView;
  districts: { code: string; amount: number }[];
  districtVoting: DistrictVoting | null;
  schedule: BudgetSchedule;
}

const LIMITS_BY_KIND: Record<BallotRulesView['kind'], readonly (keyof StoredBallotLimits)[]> = {
  approval: ['minProjects', 'maxProjects', 'maxCost'],
  cumulative: ['minProjects', 'maxProjects', 'maxPoints', 'maxPointsPerProject'],
  ordinal: ['minLength', 'maxLength'],
};

export function toBallotRules(dto: BallotRulesDto): BallotRulesView {
  return {
    kind: dto.kind,
    minProjects: dto.minProjects ?? null,
    maxProjects: dto.maxProjects ?? null,
    maxCost: dto.maxCost ?? null,
    maxPoints: dto.maxPoints ?? null,
    maxPointsPerProject: dto.maxPointsPerProject ?? null,
    minLength: dto.minLength ?? null,
    maxLength: dto.maxLength ?? null,
  };
}

export function ballotLimits({ kind: _kind, ...limits }: BallotRulesView): StoredBallotLimits {
  return limits;
}

/** Every way the settings contradict themselves, each naming its field; empty when sound. */
export function settingsProblems(settings: BudgetSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, rule: string, message: string): void => void problems.push({ field, rule, message });
  const { ballot } = settings;
  const allowed = LIMITS_BY_KIND[ballot.kind];
  for (const key of Object.keys(ballotLimits(ballot)) as (keyof StoredBallotLimits)[]) {
    if (ballot[key] !== null && !allowed.includes(key))
      problem(`ballot.${key}`, 'not_for_kind', `${key} does not apply to ${ballot.kind} ballots.`);
  }
  if (ballot.kind === 'cumulative' && ballot.maxPoints === null)
    problem('ballot.maxPoints', 'required', 'Cumulative ballots need maxPoints.');
  for (const [min, max] of [
    ['minProjects', 'maxProjects'],
    ['minLength', 'maxLength'],
  ] as const) {
    const [low, high] = [ballot[min], ballot[max]];
    if (low !== null && high !== null && low > high) problem(`ballot.${min}`, 'min_above_max', `${min} is above ${max}.`);
  }
  const codes = settings.districts.map((district) => district.code);
  if (new Set(codes).size !== codes.length) problem('districts', 'duplicate_district', 'A district appears twice.');
  if (settings.districts.length > 0) {
    const sum = settings.districts.reduce((total, district) => total + district.amount, 0);
    if (sum !== settings.totalAmount) {
      problem('districts', 'amounts_sum', `The districts' amounts add up to ${sum}, not the total amount ${settings.totalAmount}.`);
    }
    if (!settings.districtVoting) problem('districtVoting', 'required', 'With districts, say whether residents vote in one or in each.');
  } else if (settings.districtVoting) problem('districtVoting', 'no_districts', 'districtVoting needs districts.');
  const order = scheduleProblem(settings.schedule);
  if (order) problem('schedule', 'schedule_order', order);
  return problems;
}
