import { Global, Injectable, Module } from '@nestjs/common';
import type { Role } from '@polity/contracts';
import { AccessTokenService, ErasedAccounts, SessionAuthority, SessionCookies, type SessionStanding } from '@polity/platform';
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
    const [row] = await this.dataSource.query<{ roles: Role[]; locale: string | null }[]>(
      `SELECT u.roles, u.locale FROM auth_session s JOIN user_account u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.erased_at IS NULL`,
      [sessionId, userId],
    );
    return row ? { roles: row.roles, locale: row.locale } : null;
  }
}

@Injectable()
export class ErasedAccountIds extends ErasedAccounts {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async all(): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ id: string }[]>('SELECT id FROM user_account WHERE erased_at IS NOT NULL');
    return new Set(rows.map((row) => row.id));
  }
}

/**
 * What the platform asks identity about accounts: access tokens and whether their session still
 * stands (the guard, pages' session cookies and the socket handshake), and who was erased (open data). Global, so every
 * process that loads identity has it.
 */
@Global()
@Module({
  providers: [
    AccessTokenService,
    SessionCookies,
    { provide: SessionAuthority, useClass: AccountSessionAuthority },
    { provide: ErasedAccounts, useClass: ErasedAccountIds },
  ],
  exports: [AccessTokenService, SessionCookies, SessionAuthority, ErasedAccounts],
})
export class AccountAuthorityModule {}
