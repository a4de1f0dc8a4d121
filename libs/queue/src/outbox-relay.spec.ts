import { type DomainEvent, throttleSlot } from '@polity/contracts';
import { batchJobs, jobOptions } from './outbox-relay';

const supportChanged = (id: string): DomainEvent => ({
  id,
  type: 'proposal.support_changed',
  occurredAt: '2026-11-30T10:00:00.000Z',
  payload: { proposalId: 'p-1' },
});
const COUNT = 'proposals.sync-support-count';

describe('the outbox relay’s job options', () => {
  it('runs a throttled job at once when quiet, and an interval after its last run under a rush', () => {
    const start = 1_000_000;
    expect(throttleSlot(start, 0, 300)).toBe(start);
    // 100 ms later: one more run, 300 ms after the first; events before it are covered by it.
    expect(throttleSlot(start + 100, start, 300)).toBe(start + 300);
    expect(throttleSlot(start + 200, start + 300, 300)).toBeNull();
    // Once that run has gone, the next is 300 ms after it; after a quiet spell, at once again.
    expect(throttleSlot(start + 310, start + 300, 300)).toBe(start + 600);
    expect(throttleSlot(start + 5_000, start + 600, 300)).toBe(start + 5_000);
    // The slot names the job, so the queue keeps one run per slot.
    expect(jobOptions(COUNT, supportChanged('e1'), start + 100, start + 300)).toEqual({
      jobId: `${COUNT}-p-1-${start + 300}`,
      delay: 200,
      removeOnComplete: true,
    });
  });

  it('never lets runs of a throttled job come closer than the interval, whatever the events', () => {
    let latest = 0;
    const runs: number[] = [];
    for (let now = 1_000; now < 11_000; now += 7) {
      const slot = throttleSlot(now, latest, 300);
      if (slot === null) continue;
      latest = slot;
      runs.push(slot);
    }
    const gaps = runs.slice(1).map((run, index) => run - runs[index]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(300);
    expect(runs.filter((run) => run >= 5_000 && run < 6_000).length).toBeLessThanOrEqual(4);
  });

  it('gives trailing-only coalescing one job per window, and every other job one per event', () => {
    const results = { ...supportChanged('e5'), payload: { surveyId: 's-1' } } as DomainEvent;
    expect(jobOptions('surveys.sync-results', results, 5_000)).toEqual({
      jobId: 'surveys.sync-results-s-1-5',
      delay: 1000,
      removeOnComplete: true,
    });
    expect(jobOptions('notifications.fan-out', supportChanged('e6'))).toEqual({ jobId: 'notifications.fan-out-e6' });
  });

  it('groups the events of a batched job, a lone event travelling as itself', () => {
    const submitted = (id: string) =>
      ({ id, type: 'content.submitted', occurredAt: '2026-01-01T00:00:00.000Z', payload: {} }) as unknown as DomainEvent;
    const events = Array.from({ length: 250 }, (_, i) => submitted(`e${i}`));
    const jobs = batchJobs('moderation.screen-content', events);
    expect(jobs.map((job) => ('batch' in job.payload ? job.payload.batch.length : 1))).toEqual([100, 100, 50]);
    expect(jobs[0].jobId).toMatch(/^moderation\.screen-content-batch-e0-[0-9a-f]{16}$/);
    // The same events, the same job; one more event (a pass relayed again after a rollback gathered it), another job.
    expect(batchJobs('moderation.screen-content', events)[0].jobId).toBe(jobs[0].jobId);
    const grown = batchJobs('moderation.screen-content', [...events.slice(0, 99), { ...events[0], id: 'e-late' }]);
    expect(grown[0].jobId).not.toBe(jobs[0].jobId);
    expect(batchJobs('moderation.screen-content', [events[7]])).toEqual([{ payload: events[7], jobId: 'moderation.screen-content-e7' }]);
  });
});
