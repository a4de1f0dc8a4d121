import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ROLES, Role } from '@polity/contracts';
import type Redis from 'ioredis';
import { AuthConfig } from '../config/polity-config';
import { InjectRedis } from '../redis/redis.module';
import type { Principal } from './principal';

interface AccessClaims {
  sub: string;
  sid: string;
  roles: Role[];
  /** Issued-at in milliseconds; `iat` has only second precision, too coarse for revocation epochs. */
  iam: number;
  typ: 'access';
}

const revokedSessionKey = (sessionId: string): string => `auth:revoked-session:${sessionId}`;
const userEpochKey = (userId: string): string => `auth:user-epoch:${userId}`;

/**
 * Issues and verifies short-lived access tokens. Verification also consults Redis, so a logout,
 * a role change or an erased account takes effect at once instead of when the token expires.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AuthConfig,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  issue(principal: Principal): string {
    const claims: AccessClaims = {
      sub: principal.userId,
      sid: principal.sessionId,
      roles: principal.roles,
      iam: Date.now(),
      typ: 'access',
    };
    return this.jwt.sign(claims, {
      secret: this.config.accessTokenSecret,
      expiresIn: this.config.accessTokenTtlSeconds,
      algorithm: 'HS256',
    });
  }

  /** Returns the principal, or null for a token that is malformed, expired or revoked. */
  async verify(token: string): Promise<Principal | null> {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token, { secret: this.config.accessTokenSecret, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !Array.isArray(claims.roles)) {
      return null;
    }
    const [revoked, epoch] = await this.redis.mget(revokedSessionKey(claims.sid), userEpochKey(claims.sub));
    if (revoked !== null) return null;
    if (epoch !== null && claims.iam < Number(epoch)) return null;
    const roles = claims.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
    return { userId: claims.sub, sessionId: claims.sid, roles };
  }

  /** Makes every access token of a session invalid until it would have expired anyway. */
  async revokeSession(sessionId: string): Promise<void> {
    await this.redis.set(revokedSessionKey(sessionId), '1', 'EX', this.config.accessTokenTtlSeconds + 5);
  }

  /** Invalidates every access token a user holds now; new ones (after refresh) carry the new state. */
  async invalidateUserTokens(userId: string): Promise<void> {
    await this.redis.set(userEpochKey(userId), String(Date.now() + 1), 'EX', this.config.accessTokenTtlSeconds + 5);
  }
}
