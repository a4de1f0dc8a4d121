import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthConfig } from '../config/polity-config';
import type { Principal } from './principal';
import { SessionAuthority } from './session-authority';

interface AccessClaims {
  sub: string;
  sid: string;
  typ: 'access';
  /** Expiry, in seconds since the epoch (set by the signer). */
  exp: number;
}

/** Who a token was issued to and until when; not yet whether that still holds. */
export interface AccessTokenIdentity {
  userId: string;
  sessionId: string;
  expiresAt: number;
}

/**
 * Issues and verifies short-lived access tokens. A token names a user and a session; the roles
 * and the session's life are read from the {@link SessionAuthority} on every verification.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AuthConfig,
    private readonly authority: SessionAuthority,
  ) {}

  issue(principal: Pick<Principal, 'userId' | 'sessionId'>): string {
    return this.jwt.sign(
      { sub: principal.userId, sid: principal.sessionId, typ: 'access' },
      { secret: this.config.accessTokenSecret, expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' },
    );
  }

  /** The token's signed identity, or null when it is malformed or expired. Consults nothing else. */
  identify(token: string): AccessTokenIdentity | null {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token, { secret: this.config.accessTokenSecret, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') {
      return null;
    }
    return { userId: claims.sub, sessionId: claims.sid, expiresAt: claims.exp * 1000 };
  }

  /** Returns the principal, or null for a token that is malformed, expired or whose session ended. */
  async verify(token: string): Promise<Principal | null> {
    const identity = this.identify(token);
    return identity ? this.current(identity) : null;
  }

  /** The principal of a token identified earlier, as of now (a socket re-checks it before each join). */
  async current(identity: AccessTokenIdentity): Promise<Principal | null> {
    if (identity.expiresAt <= Date.now()) return null;
    const standing = await this.authority.standing(identity.userId, identity.sessionId);
    return standing ? { userId: identity.userId, sessionId: identity.sessionId, roles: standing.roles } : null;
  }
}
