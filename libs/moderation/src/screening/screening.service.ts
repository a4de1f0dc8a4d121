import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@polity/contracts';
import { isUniqueViolation, ModeratableContents, ModeratedText, Transaction, UnitOfWork } from '@polity/platform';
import { ModerationItemEntity } from '../entities/moderation-item.entity';
import { ModerationScreeningEntity } from '../entities/moderation-screening.entity';
import { enqueue, lockAuthor, lockItem, writeLog } from '../moderation-records';
import { ScreeningSettingsStore } from '../settings/screening-settings.store';
import { fingerprint, normalisedWords } from './normalise-text';
import { ScreeningFacts, ScreeningVerdict, screenText } from './screening-rules';
import type { ScreeningSettings } from './screening-settings';

export type ScreeningOutcome = 'screened' | 'already_screened' | 'gone';

/**
 * Screens one submission in one transaction: the verdict, the rules that fired, the content's new
 * state, the queue entry and the public log line are written together or not at all. The
 * submission's event id is unique in moderation_screening, so a job run twice stores one verdict.
 */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly contents: ModeratableContents,
    private readonly settings: ScreeningSettingsStore,
  ) {}

  async screen(event: DomainEvent<'content.submitted'>): Promise<ScreeningOutcome> {
    try {
      return await this.unitOfWork.run((tx) => this.screenIn(tx, event));
    } catch (error) {
      // Two deliveries of one job at the same moment: the other one stored the verdict.
      if (isUniqueViolation(error, 'uq_moderation_screening_submission_id')) return 'already_screened';
      throw error;
    }
  }

  private async screenIn(tx: Transaction, event: DomainEvent<'content.submitted'>): Promise<ScreeningOutcome> {
    const { kind, contentId, authorId } = event.payload;
    const content = await this.contents.loadOne(tx.manager, kind, contentId);
    if (!content || content.deleted) return 'gone';
    const item = await lockItem(tx, kind, contentId, authorId, content.state);
    // Checked under the item's lock, so a second delivery waits for the first and then sees its verdict.
    if (await tx.manager.existsBy(ModerationScreeningEntity, { submissionId: event.id })) return 'already_screened';
    // Content created held and never looked at before is held by pre-moderation.
    if (item.origin === null && content.state === 'held') item.origin = 'premoderation';
    await lockAuthor(tx, authorId);
    const settings = await this.settings.current(tx.manager);
    const words = normalisedWords(content.text);
    const print = fingerprint(words);
    const verdict = screenText(content.text, await this.facts(tx, item, print, settings), settings);
    await tx.manager.insert(ModerationScreeningEntity, {
      submissionId: event.id,
      itemId: item.id,
      authorId,
      fingerprint: print,
      score: verdict.score,
      hits: verdict.hits,
      flagged: verdict.flagged,
    });
    await this.apply(tx, item, content, verdict);
    return 'screened';
  }

  private async apply(tx: Transaction, item: ModerationItemEntity, content: ModeratedText, verdict: ScreeningVerdict): Promise<void> {
    item.screeningScore = verdict.score;
    item.screeningHits = verdict.hits;
    item.screenedAt = new Date();
    // Held content with no cause on record was held by its feature on submission: pre-moderation.
    if (content.state !== 'held') item.heldBy = null;
    else item.heldBy ??= 'premoderation';
    if (verdict.flagged && content.state !== 'hidden') {
      const newlyHeld = content.state === 'visible' || item.heldBy === 'premoderation';
      enqueue(item, 'screening');
      if (content.state === 'visible') await this.contents.get(item.kind).setState(tx, item.contentId, 'held');
      item.state = 'held';
      // A hold by reports stays theirs: only a moderator lifts it.
      if (item.heldBy !== 'reports') item.heldBy = 'screening';
      if (newlyHeld) {
        await writeLog(tx, {
          contentKind: item.kind,
          reason: 'screening',
          action: 'held',
          origin: 'screening',
          rules: verdict.hits.map((hit) => hit.rule),
        });
      }
      tx.publish('moderation.item_queued', { itemId: item.id });
    } else if (!verdict.flagged && (item.heldBy === 'premoderation' || item.heldBy === 'screening')) {
      // Clean: pre-moderated text is released, and so is text an earlier screening held, once fixed.
      await this.contents.get(item.kind).setState(tx, item.contentId, 'visible');
      item.state = 'visible';
      item.heldBy = null;
      const wasQueued = item.open;
      item.open = item.reportCount > 0;
      if (wasQueued) tx.publish('moderation.item_queued', { itemId: item.id });
    }
    if (!verdict.flagged && (content.state === 'visible' || item.state === 'visible'))
      await this.contents.get(item.kind).cleared?.(tx, item.contentId);
    // An update of the known columns, not save(), which would read the row again first.
    const { state, heldBy, open, origin, queuedAt, screeningScore, screeningHits, screenedAt } = item;
    await tx.manager.update(
      ModerationItemEntity,
      { id: item.id },
      { state, heldBy, open, origin, queuedAt, screeningScore, screeningHits, screenedAt },
    );
  }

  private async facts(tx: Transaction, item: ModerationItemEntity, print: string, settings: ScreeningSettings): Promise<ScreeningFacts> {
    const [rate] = await tx.manager.query<{ minute: string; hour: string }[]>(
      `SELECT count(DISTINCT item_id) FILTER (WHERE created_at > now() - interval '1 minute') AS minute,
              count(DISTINCT item_id) AS hour
         FROM moderation_screening
        WHERE author_id = $1 AND item_id <> $2 AND created_at > now() - interval '1 hour'`,
      [item.authorId, item.id],
    );
    const [repeats] = await tx.manager.query<{ same: string; others: string }[]>(
      `SELECT count(DISTINCT item_id) FILTER (WHERE author_id = $1) AS same,
              count(DISTINCT author_id) FILTER (WHERE author_id <> $1) AS others
         FROM moderation_screening
        WHERE fingerprint = $2 AND item_id <> $3 AND created_at > now() - make_interval(hours => $4)`,
      [item.authorId, print, item.id, settings.repeats.windowHours],
    );
    return {
      postsLastMinute: Number(rate.minute),
      postsLastHour: Number(rate.hour),
      sameAuthorRepeats: Number(repeats.same),
      otherAuthorRepeats: Number(repeats.others),
    };
  }
}
