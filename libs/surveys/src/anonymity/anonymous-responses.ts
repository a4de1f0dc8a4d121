import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Problems, SurveyConfig, type Transaction, UnitOfWork } from '@polity/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { SurveyPendingResponseEntity } from '../entities/survey-pending-response.entity';
import type { StoredAnswers } from '../responses/check-answers';
import { surveyPhase } from '../surveys/survey-access';
import { SurveyLock } from '../surveys/survey-lock';
import { ResponseSeal } from './response-seal';

export const hashReceipt = (receipt: string): string => createHash('sha256').update(receipt).digest('hex');
export const newReceipt = (): string => randomBytes(32).toString('base64url');

/** What a respondent sent, ready to store. */
export interface ResponseFields {
  answers: StoredAnswers;
  atoms: string[];
  district: string | null;
}

/** A response as its respondent reads it back. */
export interface ResponseRecord {
  answers: StoredAnswers;
  submittedAt: Date;
  updatedAt: Date;
}

const day = (): Date => new Date(new Date().toISOString().slice(0, 10));

/**
 * Anonymous responses reach the results in groups, so that nothing in the database ties one to
 * its respondent. The respondent's transaction writes their participation and a sealed pending
 * response (it shares that transaction's id, so it is ciphertext). A release moves pending
 * responses into `survey_response` in one transaction of its own, in random order, with new
 * random ids and the day as their only time: each release at least SURVEY_MIN_GROUP_SIZE of them,
 * keeping that many back until the survey closes, so the last release is never a lone response.
 * The pending table is vacuumed after each release, so the sealed rows' dead versions go too.
 */
@Injectable()
export class AnonymousResponses {
  private readonly logger = new Logger(AnonymousResponses.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly seal: ResponseSeal,
    private readonly config: SurveyConfig,
  ) {}

  /** Stores a first response; returns the receipt for an editable survey. */
  async hold(tx: Transaction, survey: SurveyEntity, fields: ResponseFields): Promise<{ record: ResponseRecord; receipt?: string }> {
    const receipt = survey.responseMode === 'editable' ? newReceipt() : undefined;
    const now = new Date();
    await tx.manager.insert(SurveyPendingResponseEntity, {
      id: randomUUID(),
      surveyId: survey.id,
      receiptKey: receipt ? this.seal.receiptKey(receipt) : null,
      sealed: this.seal.seal({
        ...fields,
        receiptHash: receipt ? hashReceipt(receipt) : null,
        submittedAt: now.toISOString(),
        updatedAt: now.toISOString(),
      }),
    });
    return { record: { answers: fields.answers, submittedAt: now, updatedAt: now }, receipt };
  }

  /** Changes the response the receipt belongs to, released or still pending. */
  async change(tx: Transaction, survey: SurveyEntity, receipt: string | undefined, fields: ResponseFields): Promise<ResponseRecord> {
    if (!receipt)
      throw Problems.conflict('receipt_required', 'You have answered this anonymous survey; send the receipt you were given to change it.');
    const [released] = await tx.manager.query<{ submitted_at: Date; updated_at: Date }[]>(
      // In a CTE, so the driver hands back the rows (a bare UPDATE yields [rows, count]).
      `WITH changed AS (
         UPDATE survey_response SET answers = $3, atoms = $4, district = $5, updated_at = date_trunc('day', now())
          WHERE survey_id = $1 AND receipt_hash = $2 RETURNING submitted_at, updated_at
       ) SELECT submitted_at, updated_at FROM changed`,
      [survey.id, hashReceipt(receipt), fields.answers, fields.atoms, fields.district],
    );
    if (released) return { answers: fields.answers, submittedAt: released.submitted_at, updatedAt: released.updated_at };
    const pending = await tx.manager.findOne(SurveyPendingResponseEntity, {
      where: { surveyId: survey.id, receiptKey: this.seal.receiptKey(receipt) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!pending) throw Problems.forbidden('receipt_invalid', 'That receipt does not belong to a response to this survey.');
    const previous = this.seal.open(pending.sealed);
    const updatedAt = new Date();
    await tx.manager.update(
      SurveyPendingResponseEntity,
      { id: pending.id },
      { sealed: this.seal.seal({ ...previous, ...fields, updatedAt: updatedAt.toISOString() }) },
    );
    return { answers: fields.answers, submittedAt: new Date(previous.submittedAt), updatedAt };
  }

  /** The response the receipt belongs to, released or pending, or null. */
  async read(manager: EntityManager, surveyId: string, receipt: string): Promise<ResponseRecord | null> {
    const [released] = await manager.query<{ answers: StoredAnswers; submitted_at: Date; updated_at: Date }[]>(
      'SELECT answers, submitted_at, updated_at FROM survey_response WHERE survey_id = $1 AND receipt_hash = $2',
      [surveyId, hashReceipt(receipt)],
    );
    if (released) return { answers: released.answers, submittedAt: released.submitted_at, updatedAt: released.updated_at };
    const pending = await manager.findOneBy(SurveyPendingResponseEntity, { surveyId, receiptKey: this.seal.receiptKey(receipt) });
    if (!pending) return null;
    const opened = this.seal.open(pending.sealed);
    return { answers: opened.answers, submittedAt: new Date(opened.submittedAt), updatedAt: new Date(opened.updatedAt) };
  }

  /** Releases what may be released now; returns how many responses went into the results. */
  async release(surveyId: string): Promise<number> {
    const released = await this.unitOfWork.run(async (tx) => {
      // No response arrives or changes while a release moves them.
      await SurveyLock.exclusive(tx, surveyId);
      const survey = await tx.manager.findOneBy(SurveyEntity, { id: surveyId });
      if (!survey?.anonymous) return 0;
      const pending = await tx.manager.countBy(SurveyPendingResponseEntity, { surveyId });
      const k = this.config.minGroupSize;
      const count = surveyPhase(survey) === 'closed' ? pending : pending >= 2 * k ? pending - k : 0;
      if (count === 0) return 0;
      const rows = await tx.manager.query<{ sealed: Buffer }[]>(
        `WITH moved AS (
           DELETE FROM survey_pending_response WHERE id IN (
             SELECT id FROM survey_pending_response WHERE survey_id = $1 ORDER BY random() LIMIT $2
           ) RETURNING sealed
         ) SELECT sealed FROM moved`,
        [surveyId, count],
      );
      const opened = shuffle(rows.map((row) => this.seal.open(row.sealed)));
      const released = day();
      await tx.manager.query(
        `INSERT INTO survey_response (id, survey_id, respondent_id, receipt_hash, district, answers, atoms, submitted_at, updated_at)
         SELECT gen_random_uuid(), $1, NULL, r.receipt_hash, r.district, r.answers, r.atoms, $3, $3
         FROM jsonb_to_recordset($2::jsonb) AS r(receipt_hash text, district text, answers jsonb, atoms text[])`,
        [
          surveyId,
          JSON.stringify(opened.map((r) => ({ receipt_hash: r.receiptHash, district: r.district, answers: r.answers, atoms: r.atoms }))),
          released,
        ],
      );
      tx.publish('survey.responses_released', { surveyId });
      return opened.length;
    });
    if (released > 0) await this.vacuum();
    return released;
  }

  /** Closed anonymous surveys with responses still waiting. */
  async closedWithPending(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT s.id FROM survey s WHERE s.anonymous AND s.closes_at <= now()
          AND EXISTS (SELECT 1 FROM survey_pending_response p WHERE p.survey_id = s.id)`,
    );
    return rows.map((row) => row.id);
  }

  private async vacuum(): Promise<void> {
    try {
      await this.dataSource.query('VACUUM survey_pending_response');
    } catch (error) {
      // Autovacuum clears them later; the rows are sealed meanwhile.
      this.logger.warn({ err: error }, 'could not vacuum survey_pending_response after a release');
    }
  }
}

/** Fisher–Yates with a cryptographic source: the order of a release tells nothing. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
