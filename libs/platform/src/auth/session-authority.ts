import type { Role } from '@polity/contracts';

/** What an access token's session is allowed now, as the database says. */
export interface SessionStanding {
  roles: Role[];
  /** The account's chosen language, for its pages and mail (null: not chosen). */
  locale: string | null;
}

/**
 * Decides whether a session is still live and with which roles. The identity feature implements
 * it over PostgreSQL, the source of truth: a token's own claims say who it was issued to, never
 * what that person may still do, so a logout, a reset, a role change or an erasure holds at once
 * and survives Redis losing its memory.
 */
export abstract class SessionAuthority {
  /** Null when the session ended, the account was erased, or the session is not this user's. */
  abstract standing(userId: string, sessionId: string): Promise<SessionStanding | null>;
}
