import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthConfig } from '../config/polity-config';
import type { AccessTokenIdentity } from './access-token.service';

/** The browser's handle on its account session: HttpOnly, SameSite=Lax, Secure in production. */
export const SESSION_COOKIE = 'polity_session';

const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The value of one cookie in a Cookie header. */
export const cookieValue = (header: string | undefined, name: string): string | undefined =>
  header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

/**
 * A session cookie's value: `userId.sessionId.expires.mac`, signed so it cannot be forged. It names
 * an api session as an access token does, so pages and the Socket.IO handshake ask the same
 * SessionAuthority whether it still stands.
 */
@Injectable()
export class SessionCookies {
  private readonly key: Buffer;

  constructor(auth: AuthConfig) {
    // A key of its own, derived from the deployment's token secret: one secret to configure.
    this.key = createHmac('sha256', auth.accessTokenSecret).update('polity web session cookie').digest();
  }

  seal(userId: string, sessionId: string, expiresAtSeconds: number): string {
    const value = `${userId}.${sessionId}.${expiresAtSeconds}`;
    return `${value}.${this.mac(value)}`;
  }

  /** Who a cookie names and until when, if it is genuine and unexpired; not yet whether the session stands. */
  identify(cookie: string | undefined): AccessTokenIdentity | null {
    const parts = cookie?.split('.') ?? [];
    if (parts.length !== 4) return null;
    const [userId, sessionId, expires, mac] = parts;
    const expiresAt = Number(expires) * 1000;
    if (!same(mac, this.mac(`${userId}.${sessionId}.${expires}`)) || !(expiresAt > Date.now())) return null;
    return { userId, sessionId, expiresAt };
  }

  private mac(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }
}
