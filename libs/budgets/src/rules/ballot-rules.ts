import type { BallotKind, BallotRulesView } from '@polity/contracts';
import type { FieldProblem } from '@polity/platform';
import { countOf } from '@polity/contracts';

export type BallotRules = BallotRulesView;

/** What a voter sends; exactly the field of the budget's ballot kind. */
export interface BallotSubmission {
  projectIds?: string[];
  points?: Record<string, number>;
  ranking?: string[];
}

export interface BallotChoice {
  projectId: string;
  /** 1 for an approval, the points given, or positional points (`maxLength - rank`) of a ranking. */
  points: number;
  /** 0-based place in a ranking; null for other kinds. */
  rank: number | null;
}

export type BallotCheck = { ok: true; choices: BallotChoice[]; totalCost: number } | { ok: false; problems: FieldProblem[] };

const FIELD: Record<BallotKind, keyof BallotSubmission> = { approval: 'projectIds', cumulative: 'points', ordinal: 'ranking' };

/** How many places a ranking has when the budget sets no maximum: every project on the ballot. */
export const rankingLength = (rules: BallotRules, eligibleCount: number): number => rules.maxLength ?? eligibleCount;

/**
 * Checks a ballot against the budget's rules and the projects on the ballot (id → cost), and
 * names every broken rule. `potAmount` is what `maxCost: 'budget'` means: the amount of the pot
 * (the district's, or the whole budget's) the ballot is for.
 */
export function checkBallot(
  rules: BallotRules,
  submission: BallotSubmission,
  projects: ReadonlyMap<string, number>,
  potAmount: number,
): BallotCheck {
  const field = FIELD[rules.kind];
  const problems: FieldProblem[] = [];
  const problem = (at: string, rule: string, message: string): void => void problems.push({ field: at, rule, message });
  const sent = (Object.keys(FIELD) as BallotKind[]).map((kind) => FIELD[kind]).filter((key) => submission[key] !== undefined);
  if (sent.length !== 1 || sent[0] !== field) {
    problem(field, 'ballot_kind', `This budget's ballot is ${rules.kind}: send ${field} and nothing else.`);
    return { ok: false, problems };
  }

  const entries: [string, number][] =
    rules.kind === 'cumulative' ? Object.entries(submission.points ?? {}) : (submission[field] as string[]).map((id) => [id, 1]);
  const seen = new Set<string>();
  entries.forEach(([id, points], index) => {
    const at = rules.kind === 'cumulative' ? `points.${id}` : `${field}[${index}]`;
    if (!projects.has(id)) problem(at, 'unknown_project', `${id} is not a project on this ballot.`);
    else if (seen.has(id)) problem(at, 'duplicate_project', `${id} is chosen twice.`);
    if (!Number.isSafeInteger(points) || points < 1) problem(at, 'points_positive_integer', 'Points are whole numbers of at least 1.');
    else if (rules.maxPointsPerProject !== null && points > rules.maxPointsPerProject) {
      problem(at, 'max_points_per_project', `At most ${countOf(rules.maxPointsPerProject, 'point')} per project; ${points} given.`);
    }
    seen.add(id);
  });
  if (problems.length > 0) return { ok: false, problems };

  const count = entries.length;
  const totalCost = entries.reduce((sum, [id]) => sum + (projects.get(id) ?? 0), 0);
  const totalPoints = entries.reduce((sum, [, points]) => sum + points, 0);
  const [min, max, minRule, maxRule] =
    rules.kind === 'ordinal'
      ? [rules.minLength, rules.maxLength, 'min_length', 'max_length']
      : [rules.minProjects, rules.maxProjects, 'min_projects', 'max_projects'];
  if (count < Math.max(min ?? 1, 1))
    problem(field, minRule, `Choose at least ${countOf(Math.max(min ?? 1, 1), 'project')}; ${count} chosen.`);
  if (max !== null && count > max) problem(field, maxRule, `Choose at most ${countOf(max, 'project')}; ${count} chosen.`);
  if (rules.kind === 'approval' && rules.maxCost !== null) {
    const limit = rules.maxCost === 'budget' ? potAmount : rules.maxCost;
    if (totalCost > limit) problem(field, 'max_cost', `The chosen projects cost ${totalCost} in all; at most ${limit} may be chosen.`);
  }
  if (rules.kind === 'cumulative' && rules.maxPoints !== null && totalPoints > rules.maxPoints) {
    problem(field, 'max_points', `At most ${countOf(rules.maxPoints, 'point')} in all; ${totalPoints} given.`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const places = rankingLength(rules, projects.size);
  const choices = entries.map(([projectId, points], rank) =>
    rules.kind === 'ordinal' ? { projectId, points: places - rank, rank } : { projectId, points, rank: null },
  );
  return { ok: true, choices, totalCost };
}
