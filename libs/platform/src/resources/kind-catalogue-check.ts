import { Injectable, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { type DiscoverableDecorator, DiscoveryService } from '@nestjs/core';
import { assertKindRegistrations, isResourceKind, type KindRegistration } from '@polity/contracts';
import { providersByKey } from '../discovery/providers-by-key';

/**
 * A provider the api and the worker include: at boot, each registration decorator's kinds must be
 * exactly those KIND_REGISTRATIONS lists, or the process stops naming what is missing or extra (as
 * the worker does for a job without a handler). Modules built from a few features, as some tests
 * do, leave it out.
 */
export function KindCatalogueCheck(
  decorators: Partial<Record<KindRegistration, DiscoverableDecorator<never>>>,
): Type<OnApplicationBootstrap> {
  @Injectable()
  class CheckKindCatalogue implements OnApplicationBootstrap {
    constructor(private readonly discovery: DiscoveryService) {}

    onApplicationBootstrap(): void {
      for (const [registration, decorator] of Object.entries(decorators) as [KindRegistration, DiscoverableDecorator<never>][]) {
        // Room policies also cover rooms that are not kinds (`user`, `moderation`…).
        const kinds = [...providersByKey<unknown>(this.discovery, decorator).keys()].filter(isResourceKind);
        assertKindRegistrations(registration, kinds);
      }
    }
  }
  return CheckKindCatalogue;
}
