import { type Election, isExhaustive, tallySupport, totalCost } from '../election';
import { greedyRule } from '../greedy.rule';
import { type EqualSharesRound, ExactEngine, type Fraction } from './exact.engine';
import { IntervalEngine, UncertainDecision } from './interval.engine';
import { groupVoters } from './voter-groups';

export const EQUAL_SHARES_COMPLETIONS = ['add1-greedy', 'add1', 'greedy', 'none'] as const;
export type EqualSharesCompletion = (typeof EQUAL_SHARES_COMPLETIONS)[number];

export interface EqualSharesOptions {
  /**
   * `add1`: raise every voter's share one currency unit at a time from floor(B/n) while the
   * outcome stays within the budget. `greedy`: fill what is left by support. `add1-greedy`
   * (default, as in Wieliczka, Aarau, Assen and equalshares.net): both. `none`: plain MES at B/n.
   */
  completion?: EqualSharesCompletion;
  /**
   * With add1, stop at the first exhaustive outcome (default true). Pabulib's `equalshares/add1`
   * files were computed without this stop.
   */
  exhaustiveStop?: boolean;
}

export interface EqualSharesResult {
  /** Equal Shares winners in the order they were chosen, then those the greedy completion added. */
  winners: number[];
  /** The rounds of the Equal Shares run that gave the outcome, at `share`. */
  rounds: EqualSharesRound[];
  /** Projects added by the greedy completion, in order. */
  completedByGreedy: number[];
  /** Each voter's share in that run, and where add1 started. */
  share: Fraction;
  initialShare: Fraction;
  /** Engine runs, and how many single shares floating point could not settle. */
  runs: number;
  exactRuns: number;
}

export type EqualSharesProgress = (progress: { runs: number; share: number }) => void;

const sameOutcome = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((p, i) => p === b[i]);

/**
 * The Method of Equal Shares with cost utilities and its completions. add1 is defined by raising
 * the share one unit at a time; instead of running every share, this proves the outcome for whole
 * ranges of shares at once and gallops over them, which gives the same outcome, only faster.
 */
export function equalSharesRule(election: Election, options: EqualSharesOptions = {}, onProgress?: EqualSharesProgress): EqualSharesResult {
  const completion = options.completion ?? 'add1-greedy';
  const exhaustiveStop = options.exhaustiveStop ?? true;
  const support = tallySupport(election);
  const groups = groupVoters(election);
  const voters = Math.max(groups.voters, 1);
  let runs = 0;
  let exactRuns = 0;
  const exactly = (share: Fraction): ExactEngine => {
    const engine = new ExactEngine(election, groups, support.votes, share);
    engine.run();
    return engine;
  };
  /** The outcome for every share in [lo, hi], or null when it cannot be proved the same for all. */
  const outcomeOver = (lo: number, hi: number): number[] | null => {
    runs += 1;
    try {
      return new IntervalEngine(election, groups, support.votes, { lo, hi }).run();
    } catch (error) {
      if (error instanceof UncertainDecision) return null;
      throw error;
    }
  };
  const outcomeAt = (share: Fraction): number[] => {
    const value = Number(share.numerator) / Number(share.denominator);
    const outcome = outcomeOver(value, value);
    if (outcome) return outcome;
    exactRuns += 1;
    return exactly(share).rounds.map((round) => round.project);
  };

  let share: Fraction;
  let initialShare: Fraction;
  let outcome: number[];
  if (completion === 'add1' || completion === 'add1-greedy') {
    const whole = (value: number): Fraction => ({ numerator: BigInt(value), denominator: 1n });
    // Beyond this share nobody ever runs out of money, so the outcome no longer changes.
    const ceiling = Math.max(
      Math.floor(election.budget / voters),
      election.projects.reduce((sum, project) => sum + project.cost, 0),
    );
    let first = Math.floor(election.budget / voters);
    initialShare = whole(first);
    outcome = outcomeAt(initialShare);
    let last = first;
    let stride = 1;
    // After a range fails to certify, try single shares for a while (longer after each failure):
    // where the outcome changes at nearly every share, failed range attempts only cost runs.
    let pointsBeforeNextRange = 0;
    let backoff = 1;
    for (;;) {
      if (exhaustiveStop && isExhaustive(election, support, outcome)) {
        share = whole(first);
        break;
      }
      // Extend [first, last], the shares known to give `outcome`, as far as it provably goes.
      let next: number[] | null = null;
      let nextFrom = 0;
      while (last < ceiling) {
        const pointOnly = stride === 1 || pointsBeforeNextRange > 0;
        const to = pointOnly ? last + 1 : Math.min(last + stride, ceiling);
        const found = pointOnly ? outcomeAt(whole(to)) : outcomeOver(last + 1, to);
        onProgress?.({ runs, share: last });
        if (pointOnly && pointsBeforeNextRange > 0) pointsBeforeNextRange -= 1;
        if (found && sameOutcome(found, outcome)) {
          last = to;
          stride *= 2;
          if (!pointOnly) backoff = 1;
        } else if (found) {
          next = found;
          nextFrom = last + 1;
          break;
        } else {
          stride = 1;
          pointsBeforeNextRange = backoff;
          backoff = Math.min(backoff * 2, 64);
        }
      }
      if (!next || totalCost(election, next) > election.budget) {
        share = whole(last);
        break;
      }
      outcome = next;
      first = nextFrom;
      last = nextFrom;
      stride = 1;
    }
  } else {
    initialShare = { numerator: BigInt(election.budget), denominator: BigInt(voters) };
    share = initialShare;
    outcome = outcomeAt(share);
  }

  const explained = exactly(share);
  const exactOutcome = explained.rounds.map((round) => round.project);
  if (!sameOutcome(exactOutcome, outcome)) throw new Error('Equal Shares: the exact and the interval computation disagree');

  let winners = outcome;
  let completedByGreedy: number[] = [];
  if (completion === 'greedy' || completion === 'add1-greedy') {
    winners = greedyRule(election, {}, outcome, support).winners;
    completedByGreedy = winners.slice(outcome.length);
  }
  return { winners, rounds: explained.rounds, completedByGreedy, share, initialShare, runs, exactRuns };
}
