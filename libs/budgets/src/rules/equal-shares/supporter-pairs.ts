import type { VoterGroups } from './voter-groups';

/** Voters who hold nothing any more; they are left out of every price. */
export const NOTHING_LEFT = 0;

/** Supporters of one project with the same remaining money (budget class) and weight. */
export interface SupporterPair {
  budgetClass: number;
  weight: number;
  count: number;
}

/**
 * Groups a project's supporters who still hold money by (budget class, weight). `scratch` is a
 * zeroed array at least as long as the number of classes, left zeroed again.
 */
export function supporterPairs(groups: VoterGroups, groupClass: Int32Array, project: number, scratch: Float64Array): SupporterPair[] {
  const { start, group, weight, size } = groups;
  const pairs: SupporterPair[] = [];
  if (groups.unitWeights) {
    for (let e = start[project]; e < start[project + 1]; e++) {
      const budgetClass = groupClass[group[e]];
      if (budgetClass === NOTHING_LEFT) continue;
      if (scratch[budgetClass] === 0) pairs.push({ budgetClass, weight: 1, count: 0 });
      scratch[budgetClass] += size[group[e]];
    }
    for (const pair of pairs) {
      pair.count = scratch[pair.budgetClass];
      scratch[pair.budgetClass] = 0;
    }
    return pairs;
  }
  const stride = groups.maxWeight + 1;
  const byKey = new Map<number, SupporterPair>();
  for (let e = start[project]; e < start[project + 1]; e++) {
    const budgetClass = groupClass[group[e]];
    if (budgetClass === NOTHING_LEFT) continue;
    const key = budgetClass * stride + weight[e];
    const pair = byKey.get(key);
    if (pair) pair.count += size[group[e]];
    else byKey.set(key, { budgetClass, weight: weight[e], count: size[group[e]] });
  }
  return [...byKey.values()];
}

/**
 * After a payment: moves each supporter group of `project` to the class its (class, weight) pair
 * became, as `next` says (keys from pairKey). For approval ballots the key is the class itself,
 * so a typed array stands in for the map.
 */
export function reassign(
  groups: VoterGroups,
  groupClass: Int32Array,
  project: number,
  next: Map<number, number>,
  classCount: number,
): void {
  const { start, group, weight } = groups;
  if (groups.unitWeights) {
    const target = new Int32Array(classCount);
    // With every weight 1, a key is class·2 + 1 (see pairKey).
    for (const [key, to] of next) target[(key - 1) / 2] = to;
    for (let e = start[project]; e < start[project + 1]; e++) {
      const current = groupClass[group[e]];
      if (current !== NOTHING_LEFT) groupClass[group[e]] = target[current];
    }
    return;
  }
  const stride = groups.maxWeight + 1;
  for (let e = start[project]; e < start[project + 1]; e++) {
    const current = groupClass[group[e]];
    if (current !== NOTHING_LEFT) groupClass[group[e]] = next.get(current * stride + weight[e]) as number;
  }
}

/**
 * Drops classes nobody holds any more and renumbers the rest; `move(from, to)` lets the engine
 * carry its own per-class numbers along. Returns the number of voters in each class.
 */
export function compactClasses(
  groups: VoterGroups,
  groupClass: Int32Array,
  classCount: number,
  move: (from: number, to: number) => void,
): number[] {
  const size = new Array<number>(classCount).fill(0);
  for (let g = 0; g < groupClass.length; g++) size[groupClass[g]] += groups.size[g];
  const renumber = new Int32Array(classCount);
  let kept = 1;
  for (let k = 1; k < classCount; k++) {
    if (size[k] === 0) continue;
    renumber[k] = kept;
    if (k !== kept) move(k, kept);
    size[kept] = size[k];
    kept++;
  }
  size.length = kept;
  for (let g = 0; g < groupClass.length; g++) groupClass[g] = renumber[groupClass[g]];
  return size;
}

export const pairKey = (groups: VoterGroups, pair: SupporterPair): number => pair.budgetClass * (groups.maxWeight + 1) + pair.weight;
