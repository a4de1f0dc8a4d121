import { type Election, isExhaustive, tallySupport, totalCost } from '../election';
import { election, seededRandom, winnerIds } from '../testing/election-builder';
import { type EqualSharesOptions, equalSharesRule } from './equal-shares.rule';
import { ExactEngine } from './exact.engine';
import { IntervalEngine, UncertainDecision } from './interval.engine';
import { groupVoters } from './voter-groups';

const ids = (e: Election, options: EqualSharesOptions) => winnerIds(e, equalSharesRule(e, options).winners);

/** The 51/49 textbook case: ten projects each for a majority and a minority of 100 voters. */
const majorityAndMinority = (): Election => {
  const a = Array.from({ length: 10 }, (_, i) => `A${String(i + 1).padStart(2, '0')}`);
  const b = a.map((id) => id.replace('A', 'B'));
  return election(1000, Object.fromEntries([...a, ...b].map((id) => [id, 100])), [
    { count: 51, approve: a },
    { count: 49, approve: b },
  ]);
};

describe('Method of Equal Shares', () => {
  describe('textbook examples', () => {
    it('splits the budget proportionally where greedy gives the majority everything', () => {
      const e = majorityAndMinority();
      // At B/n = 10 each: the majority can buy 5 projects (510), the minority 4 (490).
      expect(ids(e, { completion: 'none' })).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'B01', 'B02', 'B03', 'B04']);
      // add1 at 11 each: 5 and 5, the whole budget, exhaustive.
      const add1 = equalSharesRule(e, { completion: 'add1' });
      expect(winnerIds(e, add1.winners)).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'B01', 'B02', 'B03', 'B04', 'B05']);
      expect(add1.initialShare).toEqual({ numerator: 10n, denominator: 1n });
      expect(add1.share).toEqual({ numerator: 11n, denominator: 1n });
      // The greedy completion of plain MES gives the majority the last 100.
      expect(ids(e, { completion: 'greedy' })).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'B01', 'B02', 'B03', 'B04', 'A06']);
    });

    it('without the exhaustive stop, keeps the last outcome within budget (12 each would overspend)', () => {
      const e = majorityAndMinority();
      const result = equalSharesRule(e, { completion: 'add1', exhaustiveStop: false });
      expect(winnerIds(e, result.winners)).toHaveLength(10);
      expect(result.share).toEqual({ numerator: 11n, denominator: 1n });
    });

    it('lets a voter who has run out pay what is left, and the others cover the rest', () => {
      // 4 voters with 10 each. p1 (24, voters 1-3) costs them 8 each; p2 (12, voters 1 and 4)
      // then costs voter 1 her last 2 and voter 4 the other 10.
      const e = election(40, { p1: 24, p2: 12 }, [
        { count: 1, approve: ['p1', 'p2'] },
        { count: 2, approve: ['p1'] },
        { count: 1, approve: ['p2'] },
      ]);
      const result = equalSharesRule(e, { completion: 'none' });
      expect(winnerIds(e, result.winners)).toEqual(['p1', 'p2']);
      const [first, second] = result.rounds;
      expect(first).toMatchObject({ payingFull: 3, payingAllTheyHad: 0 });
      expect(first.maxPayment.numerator).toBe(8n * first.maxPayment.denominator);
      expect(Number(first.effectivePrice.numerator) / Number(first.effectivePrice.denominator)).toBeCloseTo(1 / 3, 12);
      expect(Number(first.moneyLeft.numerator) / Number(first.moneyLeft.denominator)).toBe(16);
      expect(second).toMatchObject({ payingFull: 1, payingAllTheyHad: 1 });
      expect(Number(second.maxPayment.numerator) / Number(second.maxPayment.denominator)).toBe(10);
      expect(Number(second.moneyLeft.numerator) / Number(second.moneyLeft.denominator)).toBe(4);
    });

    it('uses the exact share B/n without add1, where a fraction decides (10/3 each buys a project of 10)', () => {
      const e = election(10, { p: 10 }, [{ count: 3, approve: ['p'] }]);
      const none = equalSharesRule(e, { completion: 'none' });
      expect(winnerIds(e, none.winners)).toEqual(['p']);
      expect(none.share).toEqual({ numerator: 10n, denominator: 3n });
      // Money exactly equal to the cost is a tie floating point cannot settle: the exact engine does.
      expect(none.exactRuns).toBe(1);
      // floor(10/3) = 3 each is not enough; add1 raises it to 4.
      const add1 = equalSharesRule(e, { completion: 'add1' });
      expect(winnerIds(e, add1.winners)).toEqual(['p']);
      expect(add1.share).toEqual({ numerator: 4n, denominator: 1n });
    });
  });

  describe('ties', () => {
    it('equal price: the lower cost first', () => {
      const e = election(20, { dear: 10, cheap: 6 }, [{ count: 2, approve: ['dear', 'cheap'] }]);
      expect(ids(e, { completion: 'none' })).toEqual(['cheap', 'dear']);
    });

    it('equal price and cost: more votes first (points make the same benefit from fewer voters)', () => {
      const e = election(30, { few: 10, many: 10 }, [
        { count: 1, approve: { few: 2 } },
        { count: 2, approve: { many: 1 } },
      ]);
      expect(ids(e, { completion: 'none' })).toEqual(['many', 'few']);
    });

    it('equal price, cost and votes: the project id', () => {
      const e = election(20, { b: 10, a: 10 }, [{ count: 2, approve: ['a', 'b'] }]);
      expect(ids(e, { completion: 'none' })).toEqual(['a', 'b']);
    });
  });

  it('funds nothing nobody voted for, and with no ballots nothing at all', () => {
    expect(ids(election(100, { a: 10, b: 10 }, [{ count: 2, approve: ['a'] }]), {})).toEqual(['a']);
    expect(ids(election(100, { a: 10 }, []), {})).toEqual([]);
  });

  describe('properties on random elections', () => {
    const random = seededRandom(20261123);
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

    const randomElection = (): Election => {
      const projects = Object.fromEntries(Array.from({ length: int(2, 7) }, (_, i) => [`p${i}`, int(1, 40)]));
      const names = Object.keys(projects);
      const weighted = random() < 0.3;
      const groups = Array.from({ length: int(1, 8) }, () => {
        const chosen = names.filter(() => random() < 0.45);
        const approve = chosen.length ? chosen : [names[0]];
        return { count: int(1, 6), approve: weighted ? Object.fromEntries(approve.map((id) => [id, int(1, 4)])) : approve };
      });
      const all = Object.values(projects).reduce((a, b) => a + b, 0);
      return election(int(Math.ceil(all / 4), all), projects, groups);
    };

    /** add1 as defined: one whole unit at a time, each share computed exactly from scratch. */
    const stepOneUnitAtATime = (e: Election, exhaustiveStop: boolean): { winners: number[]; share: number } => {
      const support = tallySupport(e);
      const groups = groupVoters(e);
      const at = (share: number) => {
        const engine = new ExactEngine(e, groups, support.votes, { numerator: BigInt(share), denominator: 1n });
        return engine.run();
      };
      let share = Math.floor(e.budget / e.ballots.length);
      let winners = at(share);
      const everything = e.projects.reduce((sum, p) => sum + p.cost, 0);
      while (!(exhaustiveStop && isExhaustive(e, support, winners)) && share <= everything) {
        const next = at(share + 1);
        if (totalCost(e, next) > e.budget) break;
        share += 1;
        winners = next;
      }
      return { winners, share };
    };

    it('galloping over proven ranges gives exactly the outcome of stepping one unit at a time', () => {
      for (let i = 0; i < 150; i++) {
        const e = randomElection();
        for (const exhaustiveStop of [true, false]) {
          const stepped = stepOneUnitAtATime(e, exhaustiveStop);
          const result = equalSharesRule(e, { completion: 'add1', exhaustiveStop });
          expect({ case: i, winners: winnerIds(e, result.winners) }).toEqual({ case: i, winners: winnerIds(e, stepped.winners) });
          if (stepped.share <= e.projects.reduce((sum, p) => sum + p.cost, 0)) expect(Number(result.share.numerator)).toBe(stepped.share);
        }
      }
    });

    it('the interval engine agrees with the exact one wherever it is certain, over whole ranges of shares', () => {
      let certified = 0;
      for (let i = 0; i < 150; i++) {
        const e = randomElection();
        const support = tallySupport(e);
        const groups = groupVoters(e);
        const exact = (share: number) => new ExactEngine(e, groups, support.votes, { numerator: BigInt(share), denominator: 1n }).run();
        const lo = int(1, 30);
        const hi = lo + int(0, 6);
        let claimed: number[];
        try {
          claimed = new IntervalEngine(e, groups, support.votes, { lo, hi }).run();
        } catch (error) {
          expect(error).toBeInstanceOf(UncertainDecision);
          continue;
        }
        certified += 1;
        for (let share = lo; share <= hi; share++)
          expect({ case: i, share, winners: exact(share) }).toEqual({ case: i, share, winners: claimed });
      }
      expect(certified).toBeGreaterThan(50);
    });
  });
});
