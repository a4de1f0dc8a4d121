import type { Election } from '../election';
import { EqualSharesEngine, type PricedCandidate } from './equal-shares.engine';
import { compactClasses, NOTHING_LEFT, pairKey, reassign, type SupporterPair, supporterPairs } from './supporter-pairs';
import type { VoterGroups } from './voter-groups';

export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

export interface EqualSharesRound {
  project: number;
  /** What each paying supporter paid per unit of weight (per approval). */
  maxPayment: Fraction;
  /** maxPayment / cost: what a unit of benefit cost its supporters; the lowest won the round. */
  effectivePrice: Fraction;
  /** Supporters who paid the full maxPayment. */
  payingFull: number;
  /** Supporters who held less than that and paid all of it (possibly nothing). */
  payingAllTheyHad: number;
  /** Money all voters still hold after the round. */
  moneyLeft: Fraction;
}

interface ExactEvaluation extends PricedCandidate<Fraction> {
  pairs: SupporterPair[];
  /** Pairs that hold less than their due and pay all they have (1) or pay the full price (0). */
  exhausted: Uint8Array;
  payingWeight: bigint;
  /** The price per unit of weight is priceNumerator / (denominator · payingWeight). */
  priceNumerator: bigint;
}

const SCALE = 10n ** 30n;

/**
 * Equal Shares in exact integer arithmetic at one share. Voters with equal remaining money form
 * a budget class holding numerator / denominator, one denominator for all, scaled up whenever a
 * price with a new denominator is paid. Slower than the interval engine (numbers grow with every
 * round) but never in doubt: it decides where that engine cannot, and writes the round report.
 */
export class ExactEngine extends EqualSharesEngine<Fraction, ExactEvaluation> {
  readonly rounds: EqualSharesRound[] = [];
  private money: bigint[];
  private classSize: number[] = [];
  private denominator: bigint;
  private readonly groupClass: Int32Array;
  private scratch = new Float64Array(16);
  private readonly costs: bigint[];

  constructor(election: Election, groups: VoterGroups, votes: readonly number[], share: Fraction) {
    super(election, groups, votes);
    this.costs = election.projects.map((project) => BigInt(project.cost));
    this.money = [0n, share.numerator];
    this.denominator = share.denominator;
    this.groupClass = new Int32Array(groups.groupCount).fill(1);
    this.compact();
  }

  protected lowestPossiblePrice(weight: number): Fraction {
    return { numerator: 1n, denominator: BigInt(weight) };
  }

  protected evaluate(project: number): ExactEvaluation | null {
    const cost = this.costs[project] * this.denominator;
    const pairs = supporterPairs(this.groups, this.groupClass, project, this.scratch);
    let total = 0n;
    let payingWeight = 0n;
    for (const pair of pairs) {
      total += BigInt(pair.count) * this.money[pair.budgetClass];
      payingWeight += BigInt(pair.count * pair.weight);
    }
    if (total < cost) return null;

    // Water filling: those below the price pay all they hold; the price rises until nobody more runs out.
    const exhausted = new Uint8Array(pairs.length);
    let spent = 0n;
    for (let changed = true; changed;) {
      changed = false;
      pairs.forEach((pair, i) => {
        const have = this.money[pair.budgetClass];
        if (exhausted[i] === 0 && have * payingWeight < BigInt(pair.weight) * (cost - spent)) {
          exhausted[i] = 1;
          spent += BigInt(pair.count) * have;
          payingWeight -= BigInt(pair.count * pair.weight);
          changed = true;
        }
      });
    }
    const priceNumerator = cost - spent;
    return {
      project,
      pairs,
      exhausted,
      payingWeight,
      priceNumerator,
      surelyAffordable: true,
      price: { numerator: priceNumerator, denominator: this.denominator * payingWeight * this.costs[project] },
    };
  }

  protected surelyDearer(a: Fraction, b: Fraction): boolean {
    return this.priceOrder(a, b) > 0;
  }

  protected priceOrder(a: Fraction, b: Fraction): -1 | 0 | 1 {
    const left = a.numerator * b.denominator;
    const right = b.numerator * a.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  protected orderKey(price: Fraction): number {
    return Number((price.numerator * SCALE) / price.denominator);
  }

  protected uncertain(): Error {
    return new Error('the exact engine is never uncertain');
  }

  protected pay(evaluation: ExactEvaluation): void {
    const { payingWeight: w, priceNumerator, pairs, project } = evaluation;
    const maxPayment = { numerator: priceNumerator, denominator: this.denominator * w };
    const firstNew = this.money.length;
    const next = new Map<number, number>();
    let payingFull = 0;
    pairs.forEach((pair, index) => {
      if (evaluation.exhausted[index] === 1) {
        next.set(pairKey(this.groups, pair), NOTHING_LEFT);
        return;
      }
      payingFull += pair.count;
      next.set(pairKey(this.groups, pair), this.money.length);
      this.money.push(this.money[pair.budgetClass] * w - BigInt(pair.weight) * priceNumerator);
    });
    // Everyone else's money is restated over the new denominator.
    for (let k = 1; k < firstNew; k++) this.money[k] *= w;
    this.denominator *= w;
    reassign(this.groups, this.groupClass, project, next, this.money.length);
    this.compact();
    let left = 0n;
    for (let k = 1; k < this.money.length; k++) left += BigInt(this.classSize[k]) * this.money[k];
    this.rounds.push({
      project,
      maxPayment,
      effectivePrice: { numerator: maxPayment.numerator, denominator: maxPayment.denominator * this.costs[project] },
      payingFull,
      payingAllTheyHad: this.votes[project] - payingFull,
      moneyLeft: { numerator: left, denominator: this.denominator },
    });
  }

  private compact(): void {
    this.classSize = compactClasses(this.groups, this.groupClass, this.money.length, (from, to) => {
      this.money[to] = this.money[from];
    });
    this.money.length = this.classSize.length;
    if (this.scratch.length < this.classSize.length) this.scratch = new Float64Array(this.classSize.length * 2);
  }
}
