import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AccountLinkPurpose } from '@polity/contracts';
import { AuthConfig, isUuid, Problems, type Transaction } from '@polity/platform';
import { DataSource } from 'typeorm';
import { AccountLinkEntity } from './account-link.entity';

/** How long each kind of link works. */
export const ACCOUNT_LINK_TTL_MS: Record<AccountLinkPurpose, number> = {
  confirm_email: 7 * 24 * 3600_000,
  reset_password: 3600_000,
};

/**
 * Signed, single-use, expiring links. The token is the link's id and an HMAC of it with the
 * purpose, so a token for one purpose cannot serve another and none can be guessed.
 */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthConfig,
  ) {}

  async issue(userId: string, purpose: AccountLinkPurpose): Promise<string> {
    const link = await this.dataSource.manager.save(
      this.dataSource.manager.create(AccountLinkEntity, {
        userId,
        purpose,
        expiresAt: new Date(Date.now() + ACCOUNT_LINK_TTL_MS[purpose]),
      }),
    );
    return `${link.id}.${this.sign(link.id, purpose).toString('base64url')}`;
  }

  /** Uses the link once, inside the caller's transaction; returns whose it is. */
  async consume(tx: Transaction, token: string, purpose: AccountLinkPurpose): Promise<string> {
    const [id, signature] = token.split('.');
    const expected = isUuid(id) ? this.sign(id, purpose) : null;
    const given = Buffer.from(signature ?? '', 'base64url');
    if (!expected || given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    const [[used]] = await tx.manager.query<[{ user_id: string; expired: boolean }[], number]>(
      `UPDATE account_link SET used_at = now() WHERE id = $1 AND purpose = $2 AND used_at IS NULL
       RETURNING user_id, expires_at <= now() AS expired`,
      [id, purpose],
    );
    if (!used) throw invalid();
    if (used.expired) throw Problems.badRequest('link_expired', 'This link has expired; ask for a new one.');
    return used.user_id;
  }

  /** After a reset, links still in other mails stop working. */
  async retireAll(tx: Transaction, userId: string, purpose: AccountLinkPurpose): Promise<void> {
    await tx.manager.query('UPDATE account_link SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [
      userId,
      purpose,
    ]);
  }

  private sign(id: string, purpose: AccountLinkPurpose): Buffer {
    return createHmac('sha256', this.auth.accessTokenSecret).update(`account-link:${purpose}:${id}`).digest();
  }
}

const invalid = () => Problems.badRequest('invalid_link', 'This link is not valid or was already used.');
