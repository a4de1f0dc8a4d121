import { type Election, greedyOrder, type ProjectSupport, tallySupport } from './election';

export interface GreedyOptions {
  /**
   * Stop at the first project that does not fit instead of skipping it (Pabulib's
   * `greedy-no-skip`, used e.g. in Wrocław). Default false: skip and go on.
   */
  stopAtFirstMisfit?: boolean;
}

export interface GreedyStep {
  project: number;
  funded: boolean;
  /** Money left after this step. */
  left: number;
}

export interface GreedyResult {
  winners: number[];
  steps: GreedyStep[];
}

/**
 * Funds projects by decreasing support (approvals, or total points), each one that still fits.
 * `start` continues from an outcome already chosen (the completion step of Equal Shares).
 */
export function greedyRule(
  election: Election,
  options: GreedyOptions = {},
  start: readonly number[] = [],
  support: ProjectSupport = tallySupport(election),
): GreedyResult {
  const chosen = new Set(start);
  let left = election.budget - start.reduce((sum, index) => sum + election.projects[index].cost, 0);
  const winners = [...start];
  const steps: GreedyStep[] = [];
  for (const project of greedyOrder(election, support)) {
    if (chosen.has(project)) continue;
    const cost = election.projects[project].cost;
    const funded = cost <= left;
    if (funded) {
      left -= cost;
      winners.push(project);
      chosen.add(project);
    }
    steps.push({ project, funded, left });
    if (!funded && options.stopAtFirstMisfit) break;
  }
  return { winners, steps };
}
