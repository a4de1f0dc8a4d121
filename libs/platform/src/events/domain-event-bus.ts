import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { DomainEvent, DomainEventType } from '@polity/contracts';
import { unavailableDependency } from '../errors/dependency-errors';
import { OnDomainEvent, OnDomainEvents } from './on-domain-event.decorator';
import { Slots } from './slots';

/** How many of a transaction's events are delivered at once: enough to overlap round trips, few enough to leave connections for requests. */
const DELIVERY_CONCURRENCY = 8;

type Listener = (event: DomainEvent) => unknown;

interface BatchListener {
  types: ReadonlySet<DomainEventType>;
  handle: (events: DomainEvent[]) => unknown;
}

/** Delivers committed domain events to the `@OnDomainEvent` and `@OnDomainEvents` methods of this process. */
@Injectable()
export class DomainEventBus implements OnApplicationBootstrap {
  private readonly logger = new Logger(DomainEventBus.name);
  private readonly listeners = new Map<DomainEventType, Listener[]>();
  private readonly batchListeners: BatchListener[] = [];

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
        if (types) {
          const handler = (instance as Record<string, Listener>)[method].bind(instance);
          for (const type of typeof types === 'string' ? [types] : types) {
            this.listeners.set(type, [...(this.listeners.get(type) ?? []), handler]);
          }
        }
        const batchTypes = this.discovery.getMetadataByDecorator(OnDomainEvents, wrapper, method);
        if (batchTypes) {
          const handle = (instance as Record<string, BatchListener['handle']>)[method].bind(instance);
          this.batchListeners.push({ types: new Set(typeof batchTypes === 'string' ? [batchTypes] : batchTypes), handle });
        }
      }
    }
  }

  /**
   * Runs every listener of every event, and every batch listener once with all the events of its
   * types; a failing listener is logged and does not stop the others.
   * Events about different subjects are delivered side by side, a few at a time, so the follow-up
   * of a batch (a hundred verdicts, each pushed to its room) takes a few round trips, not a hundred
   * one after another; events about one subject keep their order. An event's subject is the first
   * value of its payload (a proposal, a comment, an item…), by the convention of DomainEventPayloads.
   */
  async deliver(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await Promise.all([this.deliverEach(events), ...this.batchListeners.map((listener) => this.deliverBatch(listener, events))]);
  }

  private async deliverEach(events: readonly DomainEvent[]): Promise<void> {
    // Most transactions publish one event: no scheduling for it.
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

  private async deliverBatch(listener: BatchListener, events: readonly DomainEvent[]): Promise<void> {
    const mine = events.filter((event) => listener.types.has(event.type));
    if (mine.length === 0) return;
    try {
      await listener.handle(mine);
    } catch (error) {
      this.logFailure(error, { eventTypes: [...listener.types], events: mine.length });
    }
  }

  private async deliverOne(event: DomainEvent): Promise<void> {
    for (const listener of this.listeners.get(event.type) ?? []) {
      try {
        await listener(event);
      } catch (error) {
        this.logFailure(error, { eventType: event.type, eventId: event.id });
      }
    }
  }

  /** Redis or PostgreSQL away is expected now and then (the push is lost, clients catch up by `seq`); anything else is a bug. */
  private logFailure(error: unknown, context: Record<string, unknown>): void {
    if (unavailableDependency(error))
      this.logger.warn({ ...context, reason: String((error as Error).message) }, 'domain event listener could not reach a dependency');
    else this.logger.error({ err: error, ...context }, 'domain event listener failed');
  }
}
