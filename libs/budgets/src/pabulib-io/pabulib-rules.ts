import type { BallotRulesView } from '@polity/contracts';
import type { PabulibInstance } from '../pabulib/read-pabulib';

/** The ballot rules a Pabulib file declares, in Polity's terms. */
export function rulesFromPabulib(instance: PabulibInstance): BallotRulesView {
  const none = {
    minProjects: null,
    maxProjects: null,
    maxCost: null,
    maxPoints: null,
    maxPointsPerProject: null,
    minLength: null,
    maxLength: null,
  };
  switch (instance.voteType) {
    case 'approval':
      return {
        ...none,
        kind: 'approval',
        minProjects: instance.minLength,
        maxProjects: instance.maxLength,
        maxCost: instance.maxSumCost === null ? null : instance.maxSumCost === instance.budget ? 'budget' : instance.maxSumCost,
      };
    case 'cumulative':
      return {
        ...none,
        kind: 'cumulative',
        minProjects: instance.minLength,
        maxProjects: instance.maxLength,
        // Files without max_sum_points: the most any voter gave, so every real ballot stays valid.
        maxPoints: instance.maxSumPoints ?? Math.max(1, ...instance.votes.map((v) => (v.points ?? []).reduce((a, b) => a + b, 0))),
        maxPointsPerProject: instance.maxPoints,
      };
    case 'ordinal':
      return { ...none, kind: 'ordinal', minLength: instance.minLength, maxLength: instance.maxLength };
  }
}

/** The Pabulib name of the rule an outcome was computed with. */
export function pabulibRuleName(rule: string, options: Record<string, unknown>): string {
  if (rule === 'greedy') return options.stopAtFirstMisfit ? 'greedy-no-skip' : 'greedy';
  const completion = typeof options.completion === 'string' ? options.completion : 'none';
  return completion === 'none' ? 'equalshares' : `equalshares/${completion}`;
}

/** Pabulib dates are written dd.mm.yyyy. */
export function pabulibDate(value: string | undefined): Date | null {
  const match = value ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value.trim()) : null;
  return match ? new Date(Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1]))) : null;
}

export const formatPabulibDate = (date: Date): string =>
  `${String(date.getUTCDate()).padStart(2, '0')}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`;
