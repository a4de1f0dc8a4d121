import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FieldProblem, parseCsv, Problems, RateLimitConfig, recordAudit, UnitOfWork } from '@polity/platform';
import { IsNull, Not, Repository } from 'typeorm';
import { AttemptLimiter } from '../auth/attempt-limiter';
import { UserEntity } from '../users/user.entity';
import { CensusEntryEntity, CensusSecondary } from './census-entry.entity';
import { CensusHasher, normalizeBirthDate, normalizeIdentifier, normalizePostcode } from './census-hasher';
import type { CensusStatsResponseDto, CensusUploadResponseDto, VerifyResidentDto } from './census.dto';
import { CensusUploadEntity } from './census-upload.entity';

const BATCH = 5000;
const MAX_REPORTED_ERRORS = 20;
/** A resident's identifier takes a few wrong guesses a day, whatever account they come from. */
const RESIDENT_WINDOW_SECONDS = 86_400;

interface ParsedCensus {
  secondary: CensusSecondary;
  entries: Map<string, { hash: Buffer; district: string | null }>;
}

@Injectable()
export class CensusService {
  constructor(
    @InjectRepository(CensusEntryEntity) private readonly entries: Repository<CensusEntryEntity>,
    private readonly unitOfWork: UnitOfWork,
    private readonly hasher: CensusHasher,
    private readonly attempts: AttemptLimiter,
    private readonly limits: RateLimitConfig,
  ) {}

  /** Imports a census CSV (`identifier,birth_date[,district]` or `identifier,postcode[,district]`). */
  async upload(adminId: string, csv: unknown, mode: 'merge' | 'replace'): Promise<CensusUploadResponseDto> {
    if (typeof csv !== 'string' || csv.trim() === '') {
      throw Problems.badRequest('census_empty', 'Send the census as a text/csv body with a header row.');
    }
    const parsed = this.parse(csv);
    return this.unitOfWork.run(async (tx) => {
      const upload = await tx.manager.save(
        tx.manager.create(CensusUploadEntity, {
          uploadedByUserId: adminId,
          mode,
          secondary: parsed.secondary,
          rows: parsed.entries.size,
          added: 0,
          removed: 0,
        }),
      );
      const all = [...parsed.entries.values()];
      for (let start = 0; start < all.length; start += BATCH) {
        const batch = all.slice(start, start + BATCH);
        const inserted: { inserted: boolean }[] = await tx.manager.query(
          `INSERT INTO census_entry (lookup_hash, district, last_upload_id)
           SELECT hash, district, $3::uuid FROM unnest($1::bytea[], $2::text[]) AS t(hash, district)
           ON CONFLICT (lookup_hash) DO UPDATE SET district = EXCLUDED.district, last_upload_id = EXCLUDED.last_upload_id
           RETURNING (xmax = 0) AS inserted`,
          [batch.map((entry) => entry.hash), batch.map((entry) => entry.district), upload.id],
        );
        upload.added += inserted.filter((row) => row.inserted).length;
      }
      if (mode === 'replace') {
        const [, removed] = await tx.manager.query<[unknown, number]>(
          'DELETE FROM census_entry WHERE last_upload_id <> $1 AND claimed_by_user_id IS NULL',
          [upload.id],
        );
        upload.removed = removed;
      }
      await tx.manager.save(upload);
      await recordAudit(tx, {
        actorId: adminId,
        action: 'census.uploaded',
        target: { kind: 'census_upload', id: upload.id },
        after: { mode, rows: upload.rows, added: upload.added, removed: upload.removed },
      });
      return { uploadId: upload.id, secondary: upload.secondary, rows: upload.rows, added: upload.added, removed: upload.removed };
    });
  }

  async stats(): Promise<CensusStatsResponseDto> {
    const [entries, claimed] = await Promise.all([this.entries.count(), this.entries.countBy({ claimedByUserId: Not(IsNull()) })]);
    return { entries, claimed };
  }

  /**
   * Claims the census entry matching what the person typed, and marks their account verified.
   * Each guess is counted before it is checked, per account and per resident identifier: many
   * accounts guessing one resident's birth date share the resident's (daily) allowance.
   */
  async verify(userId: string, claim: VerifyResidentDto): Promise<UserEntity> {
    const identifier = normalizeIdentifier(claim.identifier);
    const accountKey = `census-account:${userId}`;
    const detail = 'Too many verification attempts; wait before trying again, or contact the council.';
    await this.attempts.assertAllowed(
      [accountKey],
      { max: this.limits.verificationMaxFailures, windowSeconds: this.limits.failureWindowSeconds },
      detail,
    );
    await this.attempts.assertAllowed(
      [this.attempts.key('census-resident', identifier)],
      { max: this.limits.verificationMaxFailures, windowSeconds: RESIDENT_WINDOW_SECONDS },
      detail,
    );
    const hashes: Buffer[] = [];
    if (claim.birthDate !== undefined) {
      const birthDate = normalizeBirthDate(claim.birthDate);
      if (!birthDate) throw Problems.badRequest('validation_failed', 'birthDate is not a calendar date.');
      hashes.push(this.hasher.hash(identifier, 'birth_date', birthDate));
    }
    if (claim.postcode !== undefined) hashes.push(this.hasher.hash(identifier, 'postcode', normalizePostcode(claim.postcode)));

    const outcome = await this.unitOfWork.run(async (tx) => {
      const user = await tx.manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.erasedAt) throw Problems.notFound('Your account');
      if (user.verifiedAt) throw Problems.conflict('already_verified', 'Your account is already verified.');
      const claimed: { district: string | null }[] = await tx.manager.query(
        // Wrapped in a CTE so the driver hands back rows (a bare UPDATE yields [rows, count]).
        `WITH claimed AS (
           UPDATE census_entry SET claimed_by_user_id = $1, claimed_at = now()
           WHERE id = (SELECT id FROM census_entry WHERE lookup_hash = ANY($2::bytea[]) AND claimed_by_user_id IS NULL LIMIT 1 FOR UPDATE)
           RETURNING district
         )
         SELECT district FROM claimed`,
        [userId, hashes],
      );
      if (claimed.length === 0) {
        const taken = await tx.manager.existsBy(CensusEntryEntity, { lookupHash: hashes[0] });
        const takenAny = taken || (hashes[1] !== undefined && (await tx.manager.existsBy(CensusEntryEntity, { lookupHash: hashes[1] })));
        return takenAny ? ('claimed_elsewhere' as const) : ('no_match' as const);
      }
      user.verifiedAt = new Date();
      user.residentDistrict = claimed[0].district;
      await tx.manager.save(user);
      tx.publish('user.verified', { userId });
      return user;
    });

    if (outcome === 'claimed_elsewhere') {
      throw Problems.conflict(
        'census_entry_claimed',
        'This resident has already verified another account. Contact the council if that was not you.',
      );
    }
    if (outcome === 'no_match') throw Problems.unprocessable('not_in_census', 'These details do not match a resident on the census.');
    await this.attempts.clear(accountKey);
    return outcome;
  }

  private parse(csv: string): ParsedCensus {
    const [header, ...rows] = parseCsv(csv);
    const columns = (header?.cells ?? []).map((cell) => cell.trim().toLowerCase());
    const identifierAt = columns.findIndex((column) => ['identifier', 'resident_id', 'id'].includes(column));
    const birthDateAt = columns.indexOf('birth_date');
    const postcodeAt = columns.indexOf('postcode');
    const districtAt = columns.indexOf('district');
    if (identifierAt === -1 || (birthDateAt === -1) === (postcodeAt === -1)) {
      throw Problems.unprocessable(
        'census_header',
        'The first row must name the columns: identifier, then either birth_date or postcode, and optionally district.',
      );
    }
    const secondary: CensusSecondary = birthDateAt !== -1 ? 'birth_date' : 'postcode';
    const secondaryAt = birthDateAt !== -1 ? birthDateAt : postcodeAt;
    const entries = new Map<string, { hash: Buffer; district: string | null }>();
    const errors: FieldProblem[] = [];
    for (const { line, cells } of rows) {
      const identifier = normalizeIdentifier(cells[identifierAt] ?? '');
      const raw = cells[secondaryAt] ?? '';
      const value = secondary === 'birth_date' ? normalizeBirthDate(raw) : normalizePostcode(raw) || null;
      if (!identifier || !value) {
        if (errors.length < MAX_REPORTED_ERRORS) {
          errors.push({
            field: `line ${line}`,
            rule: 'census_row',
            message: `line ${line} needs an identifier and a ${secondary === 'birth_date' ? 'YYYY-MM-DD birth date' : 'postcode'}`,
          });
        }
        continue;
      }
      const hash = this.hasher.hash(identifier, secondary, value);
      const district = districtAt === -1 ? null : cells[districtAt]?.trim() || null;
      entries.set(hash.toString('hex'), { hash, district });
    }
    if (errors.length > 0) {
      throw Problems.unprocessable('census_rows_invalid', 'Some rows of the census are not valid; nothing was imported.', errors);
    }
    if (entries.size === 0) throw Problems.unprocessable('census_empty', 'The census has a header but no residents.');
    return { secondary, entries };
  }
}
