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
