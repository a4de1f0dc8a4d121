/**
 * The pure model the outcome rules work on: no database, no framework. Money is in whole
 * currency units (safe integers); every comparison that can decide a winner is exact.
 */
export interface ElectionProject {
  id: string;
  /** Whole currency units, > 0. */
  cost: number;
  /** What ties are last broken by, when not the id (e.g. an imported file's own project id). */
  tieBreak?: string;
}

/**
 * One voter's ballot: indexes into `projects`, with a weight each: 1 for an approval, the points
 * of a cumulative ballot, or positional points (`maxLength - rank`) of an ordinal one.
 */
export interface ElectionBallot {
  projects: readonly number[];
  /** Omitted for approval ballots (every weight 1). */
  weights?: readonly number[];
}

export interface Election {
  budget: number;
  projects: readonly ElectionProject[];
  ballots: readonly ElectionBallot[];
}

/** How much support each project has: voters who chose it, and the sum of their weights. */
export interface ProjectSupport {
  votes: number[];
  score: number[];
}

export function tallySupport(election: Election): ProjectSupport {
  const votes = new Array<number>(election.projects.length).fill(0);
  const score = new Array<number>(election.projects.length).fill(0);
  for (const ballot of election.ballots) {
    ballot.projects.forEach((project, i) => {
      votes[project] += 1;
      score[project] += ballot.weights?.[i] ?? 1;
    });
  }
  return { votes, score };
}

/** The last tie-break: project ids compared as plain strings (code units), the same on every machine. */
export function compareIds(a: ElectionProject, b: ElectionProject): number {
  const [x, y] = [a.tieBreak ?? a.id, b.tieBreak ?? b.id];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Greedy order: more support first, then the lower cost, then the project id. Projects nobody
 * chose are left out: no rule funds a project without a single supporter.
 */
export function greedyOrder(election: Election, support: ProjectSupport): number[] {
  const { projects } = election;
  return projects
    .map((_, index) => index)
    .filter((index) => support.votes[index] > 0)
    .sort((a, b) => support.score[b] - support.score[a] || projects[a].cost - projects[b].cost || compareIds(projects[a], projects[b]));
}

export function totalCost(election: Election, winners: readonly number[]): number {
  return winners.reduce((sum, index) => sum + election.projects[index].cost, 0);
}

/** No project with a supporter is left that would still fit in the budget. */
export function isExhaustive(election: Election, support: ProjectSupport, winners: readonly number[]): boolean {
  const chosen = new Set(winners);
  const left = election.budget - totalCost(election, winners);
  return election.projects.every((project, index) => chosen.has(index) || support.votes[index] === 0 || project.cost > left);
}

/** Ordinal ballots count as positional points: the first of `maxLength` places gets `maxLength`. */
export function positionalWeights(rankingLength: number, maxLength: number): number[] {
  return Array.from({ length: rankingLength }, (_, rank) => maxLength - rank);
}
