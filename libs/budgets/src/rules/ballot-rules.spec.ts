import type { BallotRulesView } from '@polity/contracts';
import { type BallotRules, checkBallot } from './ballot-rules';
import { formatFraction } from './exact-decimal';

const projects = new Map([
  ['a', 40],
  ['b', 30],
  ['c', 20],
  ['d', 10],
]);
const none: Omit<BallotRulesView, 'kind'> = {
  minProjects: null,
  maxProjects: null,
  maxCost: null,
  maxPoints: null,
  maxPointsPerProject: null,
  minLength: null,
  maxLength: null,
};
const rules = (overrides: Partial<BallotRules> & Pick<BallotRules, 'kind'>): BallotRules => ({ ...none, ...overrides });
const brokenRules = (result: ReturnType<typeof checkBallot>): string[] => (result.ok ? [] : result.problems.map((p) => p.rule));

describe('ballot rules', () => {
  describe('approval', () => {
    it.each([
      [{ maxProjects: 2 }, ['a', 'b'], []],
      [{ maxProjects: 2 }, ['a', 'b', 'c'], ['max_projects']],
      [{ minProjects: 2 }, ['a', 'b'], []],
      [{ minProjects: 2 }, ['a'], ['min_projects']],
      [{ maxCost: 70 }, ['a', 'b'], []],
      [{ maxCost: 69 }, ['a', 'b'], ['max_cost']],
      [{ maxCost: 'budget' as const }, ['a', 'b', 'c', 'd'], []],
    ])('%j with %j breaks %j', (limits, chosen, broken) => {
      expect(brokenRules(checkBallot(rules({ kind: 'approval', ...limits }), { projectIds: chosen }, projects, 100))).toEqual(broken);
    });

    it("measures 'budget' against the pot: at the amount passes, one unit less fails", () => {
      const all = { projectIds: ['a', 'b', 'c', 'd'] };
      expect(brokenRules(checkBallot(rules({ kind: 'approval', maxCost: 'budget' }), all, projects, 100))).toEqual([]);
      expect(brokenRules(checkBallot(rules({ kind: 'approval', maxCost: 'budget' }), all, projects, 99))).toEqual(['max_cost']);
    });

    it('refuses unknown, repeated and missing projects, naming each', () => {
      const result = checkBallot(rules({ kind: 'approval' }), { projectIds: ['a', 'zz', 'a'] }, projects, 100);
      expect(result.ok ? [] : result.problems).toEqual([
        { field: 'projectIds[1]', rule: 'unknown_project', message: 'zz is not a project on this ballot.' },
        { field: 'projectIds[2]', rule: 'duplicate_project', message: 'a is chosen twice.' },
      ]);
      expect(brokenRules(checkBallot(rules({ kind: 'approval' }), { projectIds: [] }, projects, 100))).toEqual(['min_projects']);
    });

    it('refuses the field of another kind of ballot', () => {
      expect(brokenRules(checkBallot(rules({ kind: 'approval' }), { ranking: ['a'] }, projects, 100))).toEqual(['ballot_kind']);
      expect(brokenRules(checkBallot(rules({ kind: 'approval' }), { projectIds: ['a'], ranking: ['a'] }, projects, 100))).toEqual([
        'ballot_kind',
      ]);
    });
  });

  describe('cumulative', () => {
    it.each([
      [{ maxPoints: 10 }, { a: 6, b: 4 }, []],
      [{ maxPoints: 10 }, { a: 6, b: 5 }, ['max_points']],
      [{ maxPoints: 10, maxPointsPerProject: 6 }, { a: 6, b: 4 }, []],
      [{ maxPoints: 10, maxPointsPerProject: 5 }, { a: 6, b: 4 }, ['max_points_per_project']],
      [{ maxPoints: 10 }, { a: 0 }, ['points_positive_integer']],
      [{ maxPoints: 10 }, { a: 1.5 }, ['points_positive_integer']],
    ])('%j with %j breaks %j', (limits, points, broken) => {
      expect(brokenRules(checkBallot(rules({ kind: 'cumulative', ...limits }), { points }, projects, 100))).toEqual(broken);
    });

    it('keeps each project’s points', () => {
      const result = checkBallot(rules({ kind: 'cumulative', maxPoints: 10 }), { points: { a: 7, c: 3 } }, projects, 100);
      expect(result.ok && result.choices).toEqual([
        { projectId: 'a', points: 7, rank: null },
        { projectId: 'c', points: 3, rank: null },
      ]);
    });
  });

  describe('ordinal', () => {
    it.each([
      [{ maxLength: 3 }, ['a', 'b', 'c'], []],
      [{ maxLength: 3 }, ['a', 'b', 'c', 'd'], ['max_length']],
      [{ minLength: 2 }, ['a', 'b'], []],
      [{ minLength: 2 }, ['a'], ['min_length']],
    ])('%j with %j breaks %j', (limits, ranking, broken) => {
      expect(brokenRules(checkBallot(rules({ kind: 'ordinal', ...limits }), { ranking }, projects, 100))).toEqual(broken);
    });

    it('gives positional points: the first of three places gets 3', () => {
      const result = checkBallot(rules({ kind: 'ordinal', maxLength: 3 }), { ranking: ['c', 'a'] }, projects, 100);
      expect(result.ok && result.choices).toEqual([
        { projectId: 'c', points: 3, rank: 0 },
        { projectId: 'a', points: 2, rank: 1 },
      ]);
    });
  });
});

describe('formatFraction', () => {
  it.each([
    [10n, 3n, 2, '3.33'],
    [20n, 3n, 2, '6.67'],
    [1n, 8n, 2, '0.13'],
    [-1n, 8n, 2, '-0.13'],
    [5n, 1n, 0, '5'],
    [1n, 3n, 10, '0.3333333333'],
  ])('%s/%s to %s places is %s', (numerator, denominator, decimals, text) => {
    expect(formatFraction(numerator, denominator, decimals)).toBe(text);
  });
});
