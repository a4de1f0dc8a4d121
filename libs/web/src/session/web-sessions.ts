import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthConfig, type Principal, RuntimeConfig, SESSION_COOKIE, SessionAuthority, SessionCookies } from '@polity/platform';
import type { Response } from 'express';

/** A signed-out visitor's random id, which their forms' CSRF tokens are bound to. */
export const VISITOR_COOKIE = 'polity_visitor';

const VISITOR_MAX_AGE_MS = 365 * 24 * 3600 * 1000;

const sign = (key: Buffer, value: string): string => createHmac('sha256', key).update(value).digest('base64url');
const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Browser sessions are the api's own sessions (auth_session rows): the cookie names one and is
 * signed so it cannot be forged, and every request asks the SessionAuthority whether that session
 * still stands and with which roles, so a logout, a password reset, a role change or an erasure
 * ends it in the browser exactly as it ends the api's tokens.
 */
@Injectable()
export class WebSessions {
  private readonly csrfKey: Buffer;

  constructor(
    auth: AuthConfig,
    private readonly runtime: RuntimeConfig,
    private readonly authority: SessionAuthority,
    private readonly cookies: SessionCookies,
  ) {
    // A key of its own, derived from the deployment's token secret: one secret to configure.
    this.csrfKey = createHmac('sha256', auth.accessTokenSecret).update('polity web csrf').digest();
  }

  /** Sets the cookie for a session the api just opened; it lasts as long as the session's refresh tokens may. */
  open(response: Response, userId: string, sessionId: string, maxAgeSeconds: number): void {
    const cookie = this.cookies.seal(userId, sessionId, Math.floor(Date.now() / 1000) + maxAgeSeconds);
    response.cookie(SESSION_COOKIE, cookie, this.options(maxAgeSeconds * 1000));
  }

  close(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.options());
  }

  /** The person a session cookie signs in, and their chosen language, if it is genuine, unexpired, and its session still stands. */
  async signedIn(cookie: string | undefined): Promise<{ principal: Principal; locale: string | null } | undefined> {
    const identity = this.cookies.identify(cookie);
    if (!identity) return undefined;
    const { userId, sessionId } = identity;
    const standing = await this.authority.standing(userId, sessionId);
    return standing ? { principal: { userId, sessionId, roles: standing.roles }, locale: standing.locale } : undefined;
  }

  /** A new signed-out visitor's id, set as a cookie. */
  newVisitor(response: Response): string {
    const id = randomBytes(16).toString('base64url');
    response.cookie(VISITOR_COOKIE, id, this.options(VISITOR_MAX_AGE_MS));
    return id;
  }

  /** The token every state-changing form carries, bound to the session (or, signed out, to the visitor). */
  csrfToken(boundTo: string): string {
    return sign(this.csrfKey, boundTo);
  }

  csrfValid(boundTo: string, token: unknown): boolean {
    return typeof token === 'string' && same(token, this.csrfToken(boundTo));
  }

  private options(maxAge?: number) {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.runtime.isProduction, path: '/', ...(maxAge ? { maxAge } : {}) };
  }
}
