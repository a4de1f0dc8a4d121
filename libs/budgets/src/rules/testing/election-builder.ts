import type { Election } from '../election';

/**
 * Small elections written the way a textbook draws them: projects with costs, then groups of
 * voters with what they approve (or the points they give).
 */
export function election(
  budget: number,
  projects: Record<string, number>,
  groups: { count: number; approve: string[] | Record<string, number> }[],
): Election {
  const ids = Object.keys(projects);
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    budget,
    projects: ids.map((id) => ({ id, cost: projects[id] })),
    ballots: groups.flatMap(({ count, approve }) => {
      const chosen = Array.isArray(approve) ? approve.map((id) => [id, 1] as const) : Object.entries(approve);
      const ballot = {
        projects: chosen.map(([id]) => index.get(id) as number),
        ...(!Array.isArray(approve) && { weights: chosen.map(([, weight]) => weight) }),
      };
      return Array.from({ length: count }, () => ballot);
    }),
  };
}

/** A deterministic pseudo-random generator (mulberry32), so property tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const winnerIds = (e: Election, winners: readonly number[]): string[] => winners.map((i) => e.projects[i].id);
