import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthConfig } from '@polity/platform';
import type { CensusSecondary } from './census-entry.entity';

export const normalizeIdentifier = (value: string): string => value.toUpperCase().replace(/[\s.\-/]/g, '');
export const normalizePostcode = (value: string): string => value.toUpperCase().replace(/\s/g, '');

/** A date given as YYYY-MM-DD that exists on the calendar, or null. */
export function normalizeBirthDate(value: string): string | null {
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return null;
  const date = new Date(`${trimmed}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(trimmed) ? trimmed : null;
}

/**
 * The census is stored only as HMAC-SHA256 digests keyed with CENSUS_HASH_KEY, a secret salt kept
 * out of the database: a stolen table cannot be reversed by enumerating birth dates without the key,
 * and the same resident always hashes the same, so a re-upload cannot free a claimed entry.
 */
@Injectable()
export class CensusHasher {
  constructor(private readonly config: AuthConfig) {}

  hash(identifier: string, secondary: CensusSecondary, value: string): Buffer {
    return createHmac('sha256', this.config.censusHashKey).update(`v1|${identifier}|${secondary}|${value}`).digest();
  }
}
