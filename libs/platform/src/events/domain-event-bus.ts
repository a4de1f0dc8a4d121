import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { DomainEvent, DomainEventType } from '@polity/contracts';
import { OnDomainEvent } from './on-domain-event.decorator';
import { Slots } from './slots';

/** How many of a transaction's events are delivered at once: enough to overlap round trips, few enough to leave connections for requests. */
const DELIVERY_CONCURRENCY = 8;

type Listener = (event: DomainEvent) => unknown;

/** Delivers committed domain events to the `@OnDomainEvent` methods of this process. */
@Injectable()
export class DomainEventBus implements OnApplicationBootstrap {
  private readonly logger = new Logger(DomainEventBus.name);
  private readonly listeners = new Map<DomainEventType, Listener[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const types = this.discovery.getMetadataByDecorator(OnDomainEvent, wrapper, method);
        if (!types) continue;
        const handler = (instance as Record<string, Listener>)[method].bind(instance);
        for (const type of typeof types === 'string' ? [types] : types) {
          this.listeners.set(type, [...(this.listeners.get(type) ?? []), handler]);
        }
      }
    }
  }

  /**
   * Runs every listener of every event; a failing listener is logged and does not stop the others.
   * Events about different subjects are delivered side by side, a few at a time, so the follow-up
   * of a batch (a hundred verdicts, each pushed to its room) takes a few round trips, not a hundred
   * one after another; events about one subject keep their order. An event's subject is the first
   * value of its payload (a proposal, a comment, an item…), by the convention of DomainEventPayloads.
   */
  async deliver(events: readonly DomainEvent[]): Promise<void> {
    // Most transactions publish nothing or one event: no scheduling for them.
    if (events.length === 0) return;
    if (events.length === 1) return this.deliverOne(events[0]);
    const slots = new Slots(DELIVERY_CONCURRENCY);
    const lastOfSubject = new Map<unknown, Promise<void>>();
    const deliveries = events.map((event) => {
      const subject = Object.values(event.payload as Record<string, unknown>)[0];
      const before = lastOfSubject.get(subject);
      const delivery = (async () => {
        await before;
        const release = await slots.acquire();
        try {
          await this.deliverOne(event);
        } finally {
          release();
        }
      })();
      lastOfSubject.set(subject, delivery);
      return delivery;
    });
    await Promise.all(deliveries);
  }

  private async deliverOne(event: DomainEvent): Promise<void> {
    for (const listener of this.listeners.get(event.type) ?? []) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.error({ err: error, eventType: event.type, eventId: event.id }, 'domain event listener failed');
      }
    }
  }
}
