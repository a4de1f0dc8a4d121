import { BUDGET_PHASES, type BudgetPhase } from '@polity/contracts';

export interface BudgetSchedule {
  proposingStartsAt: Date | null;
  reviewingStartsAt: Date | null;
  votingStartsAt: Date | null;
  votingEndsAt: Date | null;
}

/** The phase each schedule date starts, in order. */
export const SCHEDULED_PHASES: readonly [keyof BudgetSchedule, BudgetPhase][] = [
  ['proposingStartsAt', 'proposing'],
  ['reviewingStartsAt', 'reviewing'],
  ['votingStartsAt', 'voting'],
  ['votingEndsAt', 'closed'],
];

export const phaseIndex = (phase: BudgetPhase): number => BUDGET_PHASES.indexOf(phase);
export const isAtLeast = (phase: BudgetPhase, than: BudgetPhase): boolean => phaseIndex(phase) >= phaseIndex(than);

/**
 * The phase a budget is in now: the stored one, or later if the schedule says a later phase has
 * begun. Gates use this, so voting closes on the minute even before the worker records it.
 */
export function effectivePhase(budget: BudgetSchedule & { phase: BudgetPhase }, now: Date = new Date()): BudgetPhase {
  let phase = budget.phase;
  for (const [field, scheduled] of SCHEDULED_PHASES) {
    const startsAt = budget[field];
    if (startsAt && startsAt <= now && phaseIndex(scheduled) > phaseIndex(phase)) phase = scheduled;
  }
  return phase;
}

/**
 * An official moved the budget to `to` by hand at `now`: the schedule is made to say so, so the
 * stored dates (and the exported `.pb`'s date_begin/date_end) tell what happened. The phase's own
 * date becomes now, earlier phases' dates still to come become now, later ones stay as planned.
 * Changes `budget` and returns the changed fields.
 */
export function scheduleMovedTo(budget: BudgetSchedule, to: BudgetPhase, now: Date): Partial<BudgetSchedule> {
  const changed: Partial<BudgetSchedule> = {};
  for (const [field, phase] of SCHEDULED_PHASES) {
    if (phaseIndex(phase) > phaseIndex(to)) break;
    const at = budget[field];
    if ((phase === to && (at === null || at > now)) || (at !== null && at > now)) changed[field] = budget[field] = now;
  }
  return changed;
}

/** The schedule's dates, where given, must come in phase order. */
export function scheduleProblem(schedule: BudgetSchedule): string | null {
  let previous: [string, Date] | null = null;
  for (const [field] of SCHEDULED_PHASES) {
    const at = schedule[field];
    if (!at) continue;
    if (previous && at <= previous[1]) return `${field} must come after ${previous[0]}.`;
    previous = [field, at];
  }
  return null;
}

/** effectivePhase as SQL over a budget row aliased `b`, for filtering lists. */
export const EFFECTIVE_PHASE_SQL = `(CASE
  WHEN b.phase IN ('closed', 'published') THEN b.phase
  WHEN b.voting_ends_at <= now() THEN 'closed'
  WHEN b.voting_starts_at <= now() AND b.phase IN ('draft', 'proposing', 'reviewing') THEN 'voting'
  WHEN b.reviewing_starts_at <= now() AND b.phase IN ('draft', 'proposing') THEN 'reviewing'
  WHEN b.proposing_starts_at <= now() AND b.phase = 'draft' THEN 'proposing'
  ELSE b.phase END)`;
