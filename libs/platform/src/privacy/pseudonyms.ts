import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthConfig } from '../config/polity-config';

/**
 * Stable pseudonyms for exports and open data: a keyed hash of an id, the same on every export,
 * useless for finding the person without the key. Scope it (`budget-ballot`, `author`…) so the
 * same person cannot be linked across kinds.
 */
@Injectable()
export class Pseudonyms {
  /**
   * The pseudonyms given lately: an export of a million rows names a few thousand people, so one
   * HMAC each rather than one per row; emptied when full, so memory stays bounded.
   */
  private readonly recent = new Map<string, string>();

  constructor(private readonly auth: AuthConfig) {}

  of(scope: string, id: string): string {
    const key = `${scope}:${id}`;
    let pseudonym = this.recent.get(key);
    if (pseudonym === undefined) {
      if (this.recent.size >= 100_000) this.recent.clear();
      pseudonym = createHmac('sha256', this.auth.pseudonymSecret).update(key).digest('base64url').slice(0, 16);
      this.recent.set(key, pseudonym);
    }
    return pseudonym;
  }
}
