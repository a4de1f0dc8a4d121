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
  constructor(private readonly auth: AuthConfig) {}

  of(scope: string, id: string): string {
    return createHmac('sha256', this.auth.pseudonymSecret).update(`${scope}:${id}`).digest('base64url').slice(0, 16);
  }
}
