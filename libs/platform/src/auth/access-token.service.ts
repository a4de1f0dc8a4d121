import { createSecretKey, type KeyObject } from 'node:crypto';
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
  private readonly jwt: JwtService;

  constructor(
    private readonly config: AuthConfig,
    private readonly authority: SessionAuthority,
  ) {
    // The key as a KeyObject, made once: given the secret as a string, jsonwebtoken first tries to
    // read it as a PEM public key on every verification, which cost a tenth of the api's CPU.
    const key: KeyObject = createSecretKey(Buffer.from(config.accessTokenSecret, 'utf8'));
    this.jwt = new JwtService({
      secret: key,
      signOptions: { algorithm: 'HS256', expiresIn: config.accessTokenTtlSeconds },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  issue(principal: Pick<Principal, 'userId' | 'sessionId'>): string {
    return this.jwt.sign({ sub: principal.userId, sid: principal.sessionId, typ: 'access' });
  }

  /** The token's signed identity, or null when it is malformed or expired. Consults nothing else. */
  identify(token: string): AccessTokenIdentity | null {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token);
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
