import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthConfig, Problems, Transaction, UnitOfWork } from '@polity/platform';
import type { SessionEndReason } from '@polity/contracts';
import { IsNull } from 'typeorm';
import { AuthSessionEntity } from './auth-session.entity';
import { RefreshTokenEntity } from './refresh-token.entity';

const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();
const newToken = (): string => randomBytes(32).toString('base64url');

type RotateOutcome =
  { kind: 'rotated'; sessionId: string; userId: string; refreshToken: string } | { kind: 'reused' } | { kind: 'invalid' };

/** Sessions (refresh-token families): opened at sign-in, rotated on refresh, revoked together. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AuthConfig,
  ) {}

  async open(tx: Transaction, userId: string, userAgent: string | undefined): Promise<{ sessionId: string; refreshToken: string }> {
    const session = await tx.manager.save(tx.manager.create(AuthSessionEntity, { userId, userAgent: userAgent?.slice(0, 200) ?? null }));
    const refreshToken = await this.issueRefreshToken(tx, session.id);
    return { sessionId: session.id, refreshToken };
  }

  /**
   * Exchanges a refresh token for its successor. A token already exchanged once is proof of theft
   * (or a replay), so the whole session is revoked, and that revocation is committed before the
   * caller is refused.
   */
  async rotate(refreshToken: string): Promise<{ sessionId: string; userId: string; refreshToken: string }> {
    const outcome = await this.unitOfWork.run<RotateOutcome>(async (tx) => {
      const current = await tx.manager
        .createQueryBuilder(RefreshTokenEntity, 't')
        .innerJoinAndSelect('t.session', 's')
        .where('t.token_hash = :hash', { hash: hashToken(refreshToken) })
        .setLock('pessimistic_write')
        .getOne();
      const session = current?.session;
      if (!current || !session || session.revokedAt || current.expiresAt < new Date()) return { kind: 'invalid' };
      if (current.rotatedAt) {
        await tx.manager.update(AuthSessionEntity, { id: session.id }, { revokedAt: new Date(), revokedReason: 'refresh_token_reuse' });
        tx.publish('user.sessions_ended', { userId: session.userId, reason: 'refresh_token_reuse' });
        return { kind: 'reused' };
      }
      await tx.manager.update(RefreshTokenEntity, { id: current.id }, { rotatedAt: new Date() });
      await tx.manager.update(AuthSessionEntity, { id: session.id }, { lastRefreshedAt: new Date() });
      return { kind: 'rotated', sessionId: session.id, userId: session.userId, refreshToken: await this.issueRefreshToken(tx, session.id) };
    });
    switch (outcome.kind) {
      case 'rotated':
        return outcome;
      case 'reused':
        throw Problems.unauthorized(
          'refresh_token_reused',
          'This refresh token was already used; the session has been signed out for safety.',
        );
      case 'invalid':
        throw Problems.unauthorized('invalid_refresh_token', 'The refresh token is invalid, expired or revoked; sign in again.');
    }
  }

  /** Ends one session: its refresh token, and (read on every request) its access tokens. */
  async revoke(userId: string, sessionId: string, reason: SessionEndReason): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      await tx.manager.update(
        AuthSessionEntity,
        { id: sessionId, userId, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: reason },
      );
      tx.publish('user.sessions_ended', { userId, reason });
    });
  }

  /** Ends every session of a user inside the caller's transaction. */
  async revokeAll(tx: Transaction, userId: string, reason: SessionEndReason): Promise<void> {
    await tx.manager.update(AuthSessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
    tx.publish('user.sessions_ended', { userId, reason });
  }

  private async issueRefreshToken(tx: Transaction, sessionId: string): Promise<string> {
    const token = newToken();
    await tx.manager.insert(RefreshTokenEntity, {
      sessionId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    });
    return token;
  }
}
