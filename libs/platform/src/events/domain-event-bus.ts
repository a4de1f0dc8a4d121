import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { DomainEvent, DomainEventType } from '@polity/contracts';
import { OnDomainEvent } from './on-domain-event.decorator';

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

  /** Runs every listener; a failing listener is logged and does not stop the others. */
  async deliver(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const listener of this.listeners.get(event.type) ?? []) {
        try {
          await listener(event);
        } catch (error) {
          this.logger.error({ err: error, eventType: event.type, eventId: event.id }, 'domain event listener failed');
        }
      }
    }
  }
}
