import { Global, Injectable, Module } from '@nestjs/common';
import type { Role } from '@polity/contracts';
import { SessionAuthority, type SessionStanding } from '@polity/platform';
import { DataSource } from 'typeorm';

/**
 * A session is live while its row is not revoked and its account not erased; its roles are the
 * account's roles now. One primary-key lookup per authenticated request.
 */
@Injectable()
export class AccountSessionAuthority extends SessionAuthority {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async standing(userId: string, sessionId: string): Promise<SessionStanding | null> {
    const [row] = await this.dataSource.query<{ roles: Role[] }[]>(
      `SELECT u.roles FROM auth_session s JOIN user_account u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.erased_at IS NULL`,
      [sessionId, userId],
    );
    return row ? { roles: row.roles } : null;
  }
}

/** Global, so the platform's token verification (guard, socket handshake) finds it in every process. */
@Global()
@Module({
  providers: [{ provide: SessionAuthority, useClass: AccountSessionAuthority }],
  exports: [SessionAuthority],
})
export class SessionAuthorityModule {}
