import type { DomainEvent } from '@polity/contracts';
import { batchJobs, jobOptions } from './outbox-relay';

const supportChanged = (id: string): DomainEvent => ({
  id,
  type: 'proposal.support_changed',
  occurredAt: '2026-11-30T10:00:00.000Z',
  payload: { proposalId: 'p-1' },
});
const COUNT = 'proposals.sync-support-count';

describe('the outbox relay’s job options', () => {
  const start = 600_000_000_000; // a window boundary: a multiple of 600 ms

  it('runs a live count at once for the first support of a window, and once at its end for the rest', () => {
    expect(jobOptions(COUNT, supportChanged('e1'), start + 10, true)).toEqual({
      jobId: `${COUNT}-p-1-1000000000-leading`,
      removeOnComplete: true,
    });
    // Every later event of the window asks for the same trailing run, which the queue keeps once.
    const later = [jobOptions(COUNT, supportChanged('e2'), start + 100), jobOptions(COUNT, supportChanged('e3'), start + 500)];
    expect(later).toEqual([
      { jobId: `${COUNT}-p-1-1000000000`, delay: 500, removeOnComplete: true },
      { jobId: `${COUNT}-p-1-1000000000`, delay: 100, removeOnComplete: true },
    ]);
    // The next window starts over.
    expect(jobOptions(COUNT, supportChanged('e4'), start + 610, true).jobId).toBe(`${COUNT}-p-1-1000000001-leading`);
  });

  it('gives trailing-only coalescing one job per window, and every other job one per event', () => {
    const results = { ...supportChanged('e5'), payload: { surveyId: 's-1' } } as DomainEvent;
    expect(jobOptions('surveys.sync-results', results, 5_000, true)).toEqual({
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
    expect(jobs[0].jobId).toBe('moderation.screen-content-batch-e0');
    expect(batchJobs('moderation.screen-content', [events[7]])).toEqual([{ payload: events[7], jobId: 'moderation.screen-content-e7' }]);
  });
});
