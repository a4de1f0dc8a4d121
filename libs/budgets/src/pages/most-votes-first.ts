import type { PotOutcomeDto } from '../outcomes/outcomes.dto';
import { greedyRule } from '../rules/greedy.rule';

/**
 * The projects "most votes first" would have funded in a pot, from the published figures alone:
 * greedy funding looks only at each project's support and cost, and the outcome lists both for every
 * project anyone voted for (the only ones greedy funds). The same rule code, so the same tie-breaks.
 */
export function mostVotesFirst(pot: PotOutcomeDto): string[] {
  const projects = [...pot.winners, ...pot.notFunded];
  const election = {
    budget: pot.budget,
    projects: projects.map((project) => ({
      id: project.projectId,
      cost: project.cost,
      ...(project.externalId && { tieBreak: project.externalId }),
    })),
    ballots: [],
  };
  const support = { votes: projects.map((project) => project.votes), score: projects.map((project) => project.points) };
  return greedyRule(election, {}, [], support).winners.map((index) => projects[index].projectId);
}
