import { compareIds, type Election } from '../election';
import type { VoterGroups } from './voter-groups';

export interface PricedCandidate<Price> {
  project: number;
  /** What a unit of benefit costs the supporters (price per unit of weight / cost). */
  price: Price;
  /** False when the engine cannot tell whether the supporters can afford it at all. */
  surelyAffordable: boolean;
}

/**
 * The rounds of the Method of Equal Shares with cost utilities, independent of how amounts are
 * represented (exact integers, or floating-point intervals that must certify every decision).
 * A supporter's benefit from a project is its cost times their weight: 1 for an approval, their
 * points on a cumulative ballot, positional points on a ranking; each pays at most price × weight.
 * Each round funds the project whose supporters can buy it at the lowest price per unit of
 * benefit; ties go to the lower cost, then more votes, then the project id. A candidate whose
 * earlier price already exceeds the best is not priced again: prices only rise as money is spent.
 */
export abstract class EqualSharesEngine<Price, Evaluation extends PricedCandidate<Price>> {
  constructor(
    protected readonly election: Election,
    protected readonly groups: VoterGroups,
    protected readonly votes: readonly number[],
  ) {}

  /** A price no lower than 1/weight: what supporters of total weight `weight` pay at best. */
  protected abstract lowestPossiblePrice(weight: number): Price;
  /** Prices the project now, or null when its supporters surely cannot afford it. */
  protected abstract evaluate(project: number): Evaluation | null;
  /** `a` is surely dearer than `b` (for the exact engine: dearer). */
  protected abstract surelyDearer(a: Price, b: Price): boolean;
  /** Whether `candidate` wins over `best`, tie-breaks included; may give up as uncertain. */
  protected abstract priceOrder(candidate: Price, best: Price): -1 | 0 | 1;
  /** Charges the winner's supporters. */
  protected abstract pay(evaluation: Evaluation): void;
  /** Orders candidates by their last price, so a good best is found early; for speed only. */
  protected abstract orderKey(price: Price): number;
  protected abstract uncertain(): Error;

  run(): number[] {
    const remaining = new Set<number>();
    const bound: Price[] = [];
    for (let project = 0; project < this.election.projects.length; project++) {
      const total = this.groups.totalWeight[project];
      bound.push(this.lowestPossiblePrice(Math.max(total, 1)));
      if (total > 0) remaining.add(project);
    }
    const winners: number[] = [];
    for (;;) {
      const best = this.bestCandidate(remaining, bound);
      if (!best) break;
      this.pay(best);
      winners.push(best.project);
      remaining.delete(best.project);
    }
    return winners;
  }

  private bestCandidate(remaining: Set<number>, bound: Price[]): Evaluation | null {
    const order = [...remaining].sort((a, b) => this.orderKey(bound[a]) - this.orderKey(bound[b]));
    let best: Evaluation | null = null;
    const unsure: Evaluation[] = [];
    for (const project of order) {
      if (best && this.surelyDearer(bound[project], best.price)) continue;
      const evaluation = this.evaluate(project);
      if (!evaluation) {
        remaining.delete(project);
        continue;
      }
      bound[project] = evaluation.price;
      if (!evaluation.surelyAffordable) unsure.push(evaluation);
      else if (!best || this.beats(evaluation, best)) best = evaluation;
    }
    // A project that may or may not be affordable must lose either way.
    if (unsure.some((evaluation) => !best || !this.surelyDearer(evaluation.price, best.price))) throw this.uncertain();
    return best;
  }

  private beats(candidate: Evaluation, best: Evaluation): boolean {
    const order = this.priceOrder(candidate.price, best.price);
    if (order !== 0) return order < 0;
    const { projects } = this.election;
    const [a, b] = [candidate.project, best.project];
    if (projects[a].cost !== projects[b].cost) return projects[a].cost < projects[b].cost;
    if (this.votes[a] !== this.votes[b]) return this.votes[a] > this.votes[b];
    return compareIds(projects[a], projects[b]) < 0;
  }
}
