import { LINKABLE_KINDS, type LinkableKind, type ResourceKind } from '@polity/contracts';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a staff member pasted to link resources: the address of each one's page on this site
 * (`/proposals/<id>`, or the whole URL), one per line. Lines that are no such address come back as
 * they were, for the form to name.
 */
export function resourceLinksFrom(text: string): { links: { kind: LinkableKind; id: string }[]; unknown: string[] } {
  const links: { kind: LinkableKind; id: string }[] = [];
  const unknown: string[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const path = line.replace(/^https?:\/\/[^/]+/, '').replace(/[?#].*$/, '');
    const [, kind, id] = /^\/([a-z-]+)\/([^/]+)\/?$/.exec(path) ?? [];
    if (kind && (LINKABLE_KINDS as readonly string[]).includes(kind) && UUID.test(id)) links.push({ kind: kind as LinkableKind, id });
    else unknown.push(line.slice(0, 80));
  }
  return { links, unknown };
}

/** The addresses of linked resources, one per line, as the forms that take them show them again. */
export const resourceAddresses = (links: readonly { kind: string; id: string }[]): string =>
  links.map((link) => `/${link.kind}/${link.id}`).join('\n');
