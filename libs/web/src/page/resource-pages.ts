import type { ResourceKind } from '@polity/contracts';

/**
 * The site's page of each kind of resource that has one. Budget projects and thread posts are read
 * on their budget's or thread's page: their addresses here lead there.
 */
const PAGES: Partial<Record<ResourceKind, (id: string) => string>> = {
  proposals: (id) => `/proposals/${id}`,
  budgets: (id) => `/budgets/${id}`,
  'budget-projects': (id) => `/budget-projects/${id}`,
  surveys: (id) => `/surveys/${id}`,
  threads: (id) => `/threads/${id}`,
  'thread-posts': (id) => `/thread-posts/${id}`,
  meetings: (id) => `/meetings/${id}`,
};

/** Where a resource is read on the site, or null while its kind has no page. */
export function resourcePage(kind: string, id: string): string | null {
  return PAGES[kind as ResourceKind]?.(id) ?? null;
}
