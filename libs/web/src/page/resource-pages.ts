import type { ResourceKind } from '@polity/contracts';

/** The site's page of each kind of resource that has one yet (later features add theirs here). */
const PAGES: Partial<Record<ResourceKind, (id: string) => string>> = {
  proposals: (id) => `/proposals/${id}`,
};

/** Where a resource is read on the site, or null while its kind has no page. */
export function resourcePage(kind: string, id: string): string | null {
  return PAGES[kind as ResourceKind]?.(id) ?? null;
}
