import type { Election } from '../election';
import { EqualSharesEngine, type PricedCandidate } from './equal-shares.engine';
import { NOTHING_LEFT, pairKey, reassign, type SupporterPair, supporterPairs } from './supporter-pairs';
import type { VoterGroups } from './voter-groups';

/**
 * Outward rounding: a correctly rounded operation is off by at most half an ulp (2^-53 relative),
 * so widening every result by 2^-50 relative (and a hair absolute) keeps the true value inside.
 */
const RELATIVE = 2 ** -50;
const ABSOLUTE = 1e-300;
const down = (x: number): number => x - (Math.abs(x) * RELATIVE + ABSOLUTE);
const up = (x: number): number => x + (Math.abs(x) * RELATIVE + ABSOLUTE);
/**
 * Room left around a computed price before it is checked against its defining equation, widened
 * when the check fails (cancellation when most supporters pay all they hold).
 */
const PRICE_MARGINS = [1e-12, 1e-9, 1e-6];

/**
 * The price per unit of weight x at which Σ min(money, x·weight) = cost, approximately: start
 * from cost/weight, let those below x·weight pay all they hold, recompute x from the rest, until
 * nobody more runs out (x only rises and the set of the exhausted only grows).
 */
function waterLevel(pairs: SupporterPair[], money: number[], cost: number): number {
  let x = 0;
  let spent = 0;
  let weight = 0;
  for (const pair of pairs) weight += pair.count * pair.weight;
  const exhausted = new Uint8Array(pairs.length);
  for (let changed = true; changed && weight > 0;) {
    x = (cost - spent) / weight;
    changed = false;
    pairs.forEach((pair, i) => {
      const have = money[pair.budgetClass];
      if (exhausted[i] === 0 && have < x * pair.weight) {
        exhausted[i] = 1;
        spent += pair.count * have;
        weight -= pair.count * pair.weight;
        changed = true;
      }
    });
  }
  return weight > 0 ? x : Math.max(...pairs.map((pair) => money[pair.budgetClass] / pair.weight));
}

/** Raised when floating point cannot certify a decision; the caller narrows the range or goes exact. */
export class UncertainDecision extends Error {
  override readonly name = 'UncertainDecision';
}

/** A price per unit of benefit known to lie in [lo, hi]. */
export interface IntervalPrice {
  lo: number;
  hi: number;
  /** Non-zero when the price is exactly 1/inverse (nobody runs out), compared as integers. */
  inverse: number;
}

interface IntervalEvaluation extends PricedCandidate<IntervalPrice> {
  pairs: SupporterPair[];
  /** Bounds on the price per unit of weight. */
  xLo: number;
  xHi: number;
}

/**
 * Equal Shares for every share in a range at once, in floating-point interval arithmetic: each
 * budget class holds an interval sure to contain its money for any share in [lo, hi], and a
 * price is bounded from both sides by solving Σ min(money, price·weight) = cost with the low and
 * the high ends. When every round's winner is certain for the whole range, the outcome is the
 * same for every share in it. Otherwise it gives up with UncertainDecision, and the caller tries
 * a narrower range, down to a single share, which the exact engine settles if even that fails.
 */
export class IntervalEngine extends EqualSharesEngine<IntervalPrice, IntervalEvaluation> {
  private readonly lo: number[];
  private readonly hi: number[];
  private readonly groupClass: Int32Array;
  private scratch = new Float64Array(64);

  constructor(election: Election, groups: VoterGroups, votes: readonly number[], share: { lo: number; hi: number }) {
    super(election, groups, votes);
    this.lo = [0, down(share.lo)];
    this.hi = [0, up(share.hi)];
    this.groupClass = new Int32Array(groups.groupCount).fill(1);
  }

  protected lowestPossiblePrice(weight: number): IntervalPrice {
    return { lo: down(1 / weight), hi: up(1 / weight), inverse: weight };
  }

  protected evaluate(project: number): IntervalEvaluation | null {
    const cost = this.election.projects[project].cost;
    const pairs = supporterPairs(this.groups, this.groupClass, project, this.scratch);
    let moneyLo = 0;
    let moneyHi = 0;
    let weight = 0;
    for (const pair of pairs) {
      moneyLo = down(moneyLo + down(pair.count * this.lo[pair.budgetClass]));
      moneyHi = up(moneyHi + up(pair.count * this.hi[pair.budgetClass]));
      weight += pair.count * pair.weight;
    }
    if (moneyHi < cost) return null;
    const surelyAffordable = moneyLo >= cost;
    if (surelyAffordable && pairs.every((pair) => down(this.lo[pair.budgetClass] * weight) >= up(pair.weight * cost))) {
      // Nobody runs out for any share in range: everyone pays cost/weight per unit of weight.
      const xLo = down(cost / weight);
      const xHi = up(cost / weight);
      return { project, pairs, xLo, xHi, surelyAffordable, price: { lo: down(xLo / cost), hi: up(xHi / cost), inverse: weight } };
    }
    const xLo = this.certifiedPrice(pairs, this.hi, cost, 'lower');
    const xHi = surelyAffordable ? this.certifiedPrice(pairs, this.lo, cost, 'upper') : Infinity;
    return { project, pairs, xLo, xHi, surelyAffordable, price: { lo: down(xLo / cost), hi: up(xHi / cost), inverse: 0 } };
  }

  protected surelyDearer(a: IntervalPrice, b: IntervalPrice): boolean {
    return a.inverse > 0 && b.inverse > 0 ? a.inverse < b.inverse : a.lo > b.hi;
  }

  protected priceOrder(a: IntervalPrice, b: IntervalPrice): -1 | 0 | 1 {
    if (a.inverse > 0 && b.inverse > 0) return a.inverse > b.inverse ? -1 : a.inverse < b.inverse ? 1 : 0;
    if (a.hi < b.lo) return -1;
    if (a.lo > b.hi) return 1;
    throw new UncertainDecision();
  }

  protected orderKey(price: IntervalPrice): number {
    return price.lo;
  }

  protected uncertain(): Error {
    return new UncertainDecision();
  }

  protected pay(evaluation: IntervalEvaluation): void {
    const { xLo, xHi, pairs } = evaluation;
    const next = new Map<number, number>();
    for (const pair of pairs) {
      const k = pair.budgetClass;
      const hi = up(this.hi[k] - down(pair.weight * xLo));
      if (hi <= 0) {
        next.set(pairKey(this.groups, pair), NOTHING_LEFT);
        continue;
      }
      next.set(pairKey(this.groups, pair), this.lo.length);
      this.lo.push(Math.max(0, down(this.lo[k] - up(pair.weight * xHi))));
      this.hi.push(hi);
    }
    reassign(this.groups, this.groupClass, evaluation.project, next, this.lo.length);
    if (this.scratch.length < this.lo.length) this.scratch = new Float64Array(this.lo.length * 2);
  }

  /**
   * The price per unit of weight at which the pairs, holding `money`, pay `cost` in all, as a bound
   * proved against the equation: Σ min(money, x·weight) is increasing in x, so x is below the
   * solution when the sum at x is surely ≤ cost, and above it when surely ≥ cost.
   */
  private certifiedPrice(pairs: SupporterPair[], money: number[], cost: number, side: 'lower' | 'upper'): number {
    const estimate = waterLevel(pairs, money, cost);
    for (const margin of PRICE_MARGINS) {
      const bound = side === 'lower' ? Math.max(0, estimate * (1 - margin)) : estimate * (1 + margin);
      if (this.paysEnough(pairs, money, bound, cost, side)) return bound;
    }
    throw new UncertainDecision();
  }

  /** At price x: is the total paid surely ≤ cost ('lower') or surely ≥ cost ('upper')? */
  private paysEnough(pairs: SupporterPair[], money: number[], x: number, cost: number, side: 'lower' | 'upper'): boolean {
    let paidLo = 0;
    let paidHi = 0;
    for (const pair of pairs) {
      const have = money[pair.budgetClass];
      paidLo = down(paidLo + down(pair.count * Math.min(have, down(x * pair.weight))));
      paidHi = up(paidHi + up(pair.count * Math.min(have, up(x * pair.weight))));
    }
    return side === 'lower' ? paidHi <= cost : paidLo >= cost;
  }
}
