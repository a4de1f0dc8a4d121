import type { Election } from '../election';

/**
 * An election compiled for Equal Shares: identical ballots merged into one group with a size,
 * and for each project the groups that support it with their weight, as flat typed arrays
 * (project p's supporters are entries start[p] .. start[p+1]).
 */
export interface VoterGroups {
  voters: number;
  groupCount: number;
  size: Float64Array;
  start: Int32Array;
  group: Int32Array;
  weight: Int32Array;
  /** All weights are 1 (approval ballots). */
  unitWeights: boolean;
  maxWeight: number;
  /** Each project's total weight of support (voters times weights). */
  totalWeight: Float64Array;
}

export function groupVoters(election: Election): VoterGroups {
  const projectCount = election.projects.length;
  const groups = new Map<string, number>();
  const members: { projects: number[]; weights: number[] }[] = [];
  const sizes: number[] = [];
  let unitWeights = true;
  let maxWeight = 1;
  for (const ballot of election.ballots) {
    const order = ballot.projects.map((_, i) => i).sort((a, b) => ballot.projects[a] - ballot.projects[b]);
    const projects = order.map((i) => ballot.projects[i]);
    const weights = order.map((i) => ballot.weights?.[i] ?? 1);
    const key = `${projects.join(',')}|${weights.join(',')}`;
    const existing = groups.get(key);
    if (existing !== undefined) {
      sizes[existing] += 1;
      continue;
    }
    groups.set(key, members.length);
    members.push({ projects, weights });
    sizes.push(1);
    for (const weight of weights) {
      if (weight !== 1) unitWeights = false;
      if (weight > maxWeight) maxWeight = weight;
    }
  }
  const start = new Int32Array(projectCount + 1);
  for (const member of members) for (const project of member.projects) start[project + 1] += 1;
  for (let p = 0; p < projectCount; p++) start[p + 1] += start[p];
  const fill = start.slice(0, projectCount);
  const group = new Int32Array(start[projectCount]);
  const weight = new Int32Array(start[projectCount]);
  members.forEach((member, index) => {
    member.projects.forEach((project, i) => {
      const slot = fill[project]++;
      group[slot] = index;
      weight[slot] = member.weights[i];
    });
  });
  const totalWeight = new Float64Array(projectCount);
  for (let p = 0; p < projectCount; p++) {
    for (let e = start[p]; e < start[p + 1]; e++) totalWeight[p] += sizes[group[e]] * weight[e];
  }
  return {
    voters: election.ballots.length,
    groupCount: members.length,
    size: Float64Array.from(sizes),
    start,
    group,
    weight,
    unitWeights,
    maxWeight,
    totalWeight,
  };
}
