import { effectivePhase, scheduleMovedTo, scheduleProblem } from './budget-phases';

const at = (iso: string) => new Date(iso);
const schedule = {
  proposingStartsAt: at('2026-03-01T00:00:00Z'),
  reviewingStartsAt: at('2026-04-01T00:00:00Z'),
  votingStartsAt: at('2026-05-01T00:00:00Z'),
  votingEndsAt: at('2026-05-15T00:00:00Z'),
};

describe('budget phases', () => {
  it.each([
    ['2026-02-01T00:00:00Z', 'draft'],
    ['2026-03-01T00:00:00Z', 'proposing'],
    ['2026-04-10T00:00:00Z', 'reviewing'],
    ['2026-05-14T23:59:59Z', 'voting'],
    ['2026-05-15T00:00:00Z', 'closed'],
  ])('on the schedule, at %s the budget is %s', (now, phase) => {
    expect(effectivePhase({ ...schedule, phase: 'draft' }, at(now))).toBe(phase);
  });

  it('an official may be ahead of the schedule, never behind it', () => {
    expect(effectivePhase({ ...schedule, phase: 'voting' }, at('2026-03-02T00:00:00Z'))).toBe('voting');
    expect(effectivePhase({ ...schedule, phase: 'proposing' }, at('2026-05-20T00:00:00Z'))).toBe('closed');
    expect(effectivePhase({ ...schedule, phase: 'published' }, at('2026-05-20T00:00:00Z'))).toBe('published');
  });

  it('wants the dates in phase order', () => {
    expect(scheduleProblem(schedule)).toBeNull();
    expect(scheduleProblem({ ...schedule, votingEndsAt: schedule.votingStartsAt })).toBe('votingEndsAt must come after votingStartsAt.');
    expect(scheduleProblem({ ...schedule, reviewingStartsAt: null, votingStartsAt: at('2026-02-01T00:00:00Z') })).toBe(
      'votingStartsAt must come after proposingStartsAt.',
    );
  });

  it('moves the schedule with a phase moved by hand, so the stored dates say what happened', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const planned = {
      proposingStartsAt: new Date('2026-11-01T00:00:00Z'),
      reviewingStartsAt: null,
      votingStartsAt: new Date('2027-03-01T08:00:00Z'),
      votingEndsAt: new Date('2027-03-21T20:00:00Z'),
    };
    const budget = { ...planned };
    expect(scheduleMovedTo(budget, 'voting', now)).toEqual({ votingStartsAt: now });
    expect(budget).toEqual({ ...planned, votingStartsAt: now });
    expect(scheduleMovedTo(budget, 'closed', now)).toEqual({ votingEndsAt: now });
    expect(scheduleMovedTo({ ...planned }, 'proposing', now)).toEqual({});
  });
});
