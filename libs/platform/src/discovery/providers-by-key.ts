import type { DiscoverableDecorator, DiscoveryService } from '@nestjs/core';

/**
 * Every provider marked with a keyed discovery decorator (`@DiscussionOf('proposals')`,
 * `@PersonalData('comments')`…), by its key. Registries call it once, at application bootstrap.
 */
// `never` accepts a decorator keyed by any string type (`DiscoverableDecorator<ResourceKind>`…).
export function providersByKey<T>(discovery: DiscoveryService, decorator: DiscoverableDecorator<never>): Map<string, T> {
  const found = new Map<string, T>();
  for (const wrapper of discovery.getProviders({ metadataKey: decorator.KEY })) {
    const key: string | undefined = discovery.getMetadataByDecorator(decorator, wrapper);
    if (key && wrapper.instance && !found.has(key)) found.set(key, wrapper.instance as T);
  }
  return found;
}
