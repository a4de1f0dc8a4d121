/**
 * Every kind of thing Polity holds, spelled once: as in its route (`/budget-projects/:id`), and
 * the same in reports, moderation, links, rooms (`budget-projects:<id>`), audit targets and open data.
 */
export const RESOURCE_KINDS = [
  'proposals',
  'comments',
  'budgets',
  'budget-projects',
  'surveys',
  'survey-answers',
  'threads',
  'thread-posts',
  'meetings',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * The singular spellings the api documented before kinds were unified. Requests may still use them;
 * answers always give the kind's one name.
 */
export const FORMER_KIND_SPELLINGS: Readonly<Record<string, ResourceKind>> = {
  proposal: 'proposals',
  comment: 'comments',
  budget: 'budgets',
  'budget-project': 'budget-projects',
  survey: 'surveys',
  'survey-answer': 'survey-answers',
  thread: 'threads',
  'thread-post': 'thread-posts',
  meeting: 'meetings',
};

export function isResourceKind(value: unknown): value is ResourceKind {
  return typeof value === 'string' && (RESOURCE_KINDS as readonly string[]).includes(value);
}

/**
 * The kind's one name for a current or former spelling; anything else is returned unchanged (and
 * then refused by whoever checks it). A string stays a string, so lookups need no cast.
 */
export function canonicalKind<T>(value: T): T {
  return typeof value === 'string' ? ((FORMER_KIND_SPELLINGS[value] as T | undefined) ?? value) : value;
}

/**
 * What a feature registers for one of its kinds, each with a decorator on a provider:
 * - `discussion` (`@DiscussionOf`): comments and follows attach to it, links point at it;
 * - `room` (`@RoomPolicyFor`): who may watch `<kind>:<id>` live;
 * - `moderation` (`@ModeratableKind`): its text is screened, reported and decided on;
 * - `decisions` (`@DecisionSubjectKind`): council decisions about it change it.
 */
export type KindRegistration = 'discussion' | 'room' | 'moderation' | 'decisions';

/** Which registrations each kind must have, no more and no fewer; both processes check at boot. */
export const KIND_REGISTRATIONS: Readonly<Record<ResourceKind, readonly KindRegistration[]>> = {
  proposals: ['discussion', 'room', 'moderation', 'decisions'],
  comments: ['moderation'],
  budgets: ['discussion', 'room'],
  'budget-projects': ['discussion', 'moderation'],
  surveys: ['discussion', 'room'],
  'survey-answers': ['moderation'],
  threads: ['discussion', 'room', 'decisions'],
  'thread-posts': ['moderation'],
  meetings: ['discussion', 'room'],
};

/** The kinds with a given registration, as the catalogue above requires. */
export function kindsWith(registration: KindRegistration): ResourceKind[] {
  return RESOURCE_KINDS.filter((kind) => KIND_REGISTRATIONS[kind].includes(registration));
}

/**
 * Refuses to boot when a registry's kinds differ from the catalogue, naming what is missing or
 * unexpected: a kind nobody can moderate, or a room nobody can join, is found at start, not by a resident.
 */
export function assertKindRegistrations(registration: KindRegistration, registered: Iterable<string>): void {
  const found = new Set(registered);
  const wanted = kindsWith(registration);
  const missing = wanted.filter((kind) => !found.has(kind));
  const unexpected = [...found].filter((kind) => !(wanted as string[]).includes(kind));
  if (missing.length > 0 || unexpected.length > 0) {
    const parts = [
      missing.length > 0 ? `missing for ${missing.join(', ')}` : '',
      unexpected.length > 0 ? `registered for ${unexpected.join(', ')}, which KIND_REGISTRATIONS does not list` : '',
    ].filter(Boolean);
    throw new KindCatalogueError(`The ${registration} registration is ${parts.join('; and ')}`);
  }
}

export class KindCatalogueError extends Error {
  override readonly name = 'KindCatalogueError';
}
