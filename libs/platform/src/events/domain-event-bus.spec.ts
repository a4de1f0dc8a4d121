import type { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { DomainEvent, DomainEventType } from '@polity/contracts';
import { DomainEventBus } from './domain-event-bus';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const moderated = (commentId: string, id: string): DomainEvent => ({
  id,
  type: 'comment.moderated',
  occurredAt: '',
  payload: { commentId, kind: 'proposals', resourceId: 'p', state: 'visible' },
});

/** A bus whose one listener is given, as discovery would have registered it. */
function busWith(listener: (event: DomainEvent) => Promise<void>): DomainEventBus {
  const bus = new DomainEventBus({} as DiscoveryService, {} as MetadataScanner);
  (bus as unknown as { listeners: Map<DomainEventType, unknown[]> }).listeners.set('comment.moderated', [listener]);
  return bus;
}

describe('DomainEventBus.deliver', () => {
  it('keeps the order of events about one subject and lets others pass', async () => {
    const log: string[] = [];
    const bus = busWith(async (event) => {
      log.push(`start ${event.id}`);
      await pause(event.id === 'a1' ? 30 : 5);
      log.push(`end ${event.id}`);
    });
    await bus.deliver([moderated('a', 'a1'), moderated('b', 'b1'), moderated('a', 'a2')]);
    expect(log.indexOf('end b1')).toBeLessThan(log.indexOf('end a1'));
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log).toHaveLength(6);
  });

  it('delivers a batch a few at a time, never more than eight at once, and survives a failing listener', async () => {
    let running = 0;
    let most = 0;
    const bus = busWith(async (event) => {
      running += 1;
      most = Math.max(most, running);
      await pause(10);
      running -= 1;
      if (event.id === 'e3') throw new Error('listener failed');
    });
    const delivered = bus.deliver(Array.from({ length: 40 }, (_, i) => moderated(`c${i}`, `e${i}`)));
    await expect(delivered).resolves.toBeUndefined();
    expect(most).toBe(8);
    expect(running).toBe(0);
  });
});

describe('DomainEventBus.deliver to a batch listener', () => {
  it('hands it every event of its types from one delivery, in order, in one call, and survives its failure', async () => {
    const calls: string[][] = [];
    const each: string[] = [];
    const bus = busWith((event) => {
      each.push(event.id);
      return Promise.resolve();
    });
    (bus as unknown as { batchListeners: unknown[] }).batchListeners.push(
      {
        types: new Set<DomainEventType>(['comment.moderated', 'comment.created']),
        handle: (events: DomainEvent[]) => calls.push(events.map((event) => event.id)),
      },
      { types: new Set<DomainEventType>(['comment.moderated']), handle: () => Promise.reject(new Error('listener failed')) },
      { types: new Set<DomainEventType>(['proposal.updated']), handle: () => calls.push(['never']) },
    );
    const created = { ...moderated('c', 'x'), type: 'comment.created' } as DomainEvent;
    await expect(bus.deliver([moderated('a', 'a1'), created, moderated('b', 'b1')])).resolves.toBeUndefined();
    expect(calls).toEqual([['a1', 'x', 'b1']]);
    expect(each.sort()).toEqual(['a1', 'b1']);
  });
});
