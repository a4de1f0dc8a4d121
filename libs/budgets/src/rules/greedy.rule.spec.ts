import { greedyRule } from './greedy.rule';
import { election, winnerIds } from './testing/election-builder';

describe('greedy rule', () => {
  it('funds by support and skips what no longer fits', () => {
    const e = election(10, { a: 6, b: 5, c: 4 }, [
      { count: 3, approve: ['a'] },
      { count: 2, approve: ['b'] },
      { count: 1, approve: ['c'] },
    ]);
    const result = greedyRule(e);
    expect(winnerIds(e, result.winners)).toEqual(['a', 'c']);
    expect(result.steps.map((s) => [e.projects[s.project].id, s.funded, s.left])).toEqual([
      ['a', true, 4],
      ['b', false, 4],
      ['c', true, 0],
    ]);
  });

  it('stops at the first misfit when asked (Pabulib greedy-no-skip)', () => {
    const e = election(10, { a: 6, b: 5, c: 4 }, [
      { count: 3, approve: ['a'] },
      { count: 2, approve: ['b'] },
      { count: 1, approve: ['c'] },
    ]);
    expect(winnerIds(e, greedyRule(e, { stopAtFirstMisfit: true }).winners)).toEqual(['a']);
  });

  it('breaks ties by lower cost, then by project id', () => {
    const e = election(100, { z: 5, y: 3, x: 3 }, [{ count: 4, approve: ['x', 'y', 'z'] }]);
    expect(winnerIds(e, greedyRule(e).winners)).toEqual(['x', 'y', 'z']);
  });

  it('ranks cumulative ballots by points, not by voters', () => {
    const e = election(5, { many: 5, keen: 5 }, [
      { count: 3, approve: { many: 1 } },
      { count: 1, approve: { keen: 5 } },
    ]);
    expect(winnerIds(e, greedyRule(e).winners)).toEqual(['keen']);
  });

  it('never funds a project nobody voted for', () => {
    const e = election(100, { voted: 10, ignored: 1 }, [{ count: 2, approve: ['voted'] }]);
    expect(winnerIds(e, greedyRule(e).winners)).toEqual(['voted']);
  });

  it('at exactly the budget a project fits; one unit over it does not', () => {
    const fits = election(10, { a: 10 }, [{ count: 1, approve: ['a'] }]);
    const over = election(10, { a: 11 }, [{ count: 1, approve: ['a'] }]);
    expect(greedyRule(fits).winners).toHaveLength(1);
    expect(greedyRule(over).winners).toHaveLength(0);
  });
});
