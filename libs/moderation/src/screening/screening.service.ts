import { Injectable, Logger } from '@nestjs/common';
import type { DomainEvent } from '@polity/contracts';
import { isUniqueViolation, ModeratableContents, ModeratedText, Transaction, UnitOfWork } from '@polity/platform';
import { ModerationItemEntity } from '../entities/moderation-item.entity';
import { ModerationScreeningEntity } from '../entities/moderation-screening.entity';
import { authorLockKey, enqueue, type LogEntry, writeLogs } from '../moderation-records';
import { ScreeningSettingsStore } from '../settings/screening-settings.store';
import { fingerprint, normalisedWords } from './normalise-text';
import { ScreeningHistory } from './screening-history';
import { ScreeningVerdict, screenText } from './screening-rules';

export type ScreeningOutcome = 'screened' | 'already_screened' | 'gone';

type Submission = DomainEvent<'content.submitted'>;

/** One submission on its way through a batch: its content, its item and, once decided, its verdict. */
interface Screening {
  event: Submission;
  content: ModeratedText;
  item: ModerationItemEntity;
  print: string;
  verdict?: ScreeningVerdict;
}

/**
 * Screens submissions in one transaction per batch: the verdicts, the rules that fired, the
 * contents' new states, the queue entries and the public log lines are written together or not at
 * all, with a few statements for the whole batch (a transaction and a dozen statements per
 * submission bounded the worker). Each submission's event id is unique in moderation_screening, so
 * a job run twice stores one verdict. A batch that fails (a second delivery racing it, a deadlock)
 * is screened again one submission per transaction, so one bad submission never holds the others.
 */
@Injectable()
export class ScreeningService {
  private readonly logger = new Logger(ScreeningService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly contents: ModeratableContents,
    private readonly settings: ScreeningSettingsStore,
  ) {}

  async screen(event: Submission): Promise<ScreeningOutcome> {
    const [outcome] = await this.screenMany([event]);
    return outcome;
  }

  /** Outcomes in the order of the events given. */
  async screenMany(events: readonly Submission[]): Promise<ScreeningOutcome[]> {
    try {
      const outcomes = await this.unitOfWork.run((tx) => this.screenIn(tx, events));
      return events.map((event) => outcomes.get(event.id) ?? 'gone');
    } catch (error) {
      // Two deliveries of one job at the same moment: the other one stored the verdict.
      if (events.length === 1 && isUniqueViolation(error, 'uq_moderation_screening_submission_id')) return ['already_screened'];
      if (events.length === 1) throw error;
      this.logger.warn({ err: error, submissions: events.length }, 'a screening batch failed; screening its submissions one by one');
      const outcomes: ScreeningOutcome[] = [];
      for (const event of events) outcomes.push(await this.screen(event));
      return outcomes;
    }
  }

  private async screenIn(tx: Transaction, events: readonly Submission[]): Promise<Map<string, ScreeningOutcome>> {
    const outcomes = new Map<string, ScreeningOutcome>();
    const found = await this.loadContents(tx, events);
    const live = events.filter((event) => {
      const content = found.get(contentKey(event));
      if (!content || content.deleted) outcomes.set(event.id, 'gone');
      return content && !content.deleted;
    });
    if (live.length === 0) return outcomes;
    // Items first, in id order, then authors, in key order: every batch takes its locks in the same
    // order, so concurrent batches wait for each other instead of deadlocking.
    const items = await this.lockItems(tx, live, found);
    // Checked under the items' locks, so a second delivery waits for the first and then sees its verdict.
    const done = await this.alreadyScreened(tx, live);
    const pending: Screening[] = [];
    for (const event of live) {
      // Delivered twice within one batch: the first delivery screens it.
      if (done.has(event.id) || outcomes.has(event.id)) {
        outcomes.set(event.id, 'already_screened');
        continue;
      }
      const content = found.get(contentKey(event)) as ModeratedText;
      const item = items.get(contentKey(event)) as ModerationItemEntity;
      pending.push({ event, content, item, print: fingerprint(normalisedWords(content.text)) });
    }
    if (pending.length === 0) return outcomes;
    await lockAuthors(
      tx,
      pending.map((screening) => screening.event.payload.authorId),
    );
    const settings = await this.settings.current(tx.manager);
    const history = await ScreeningHistory.read(
      tx,
      pending.map(({ event, print }) => ({ authorId: event.payload.authorId, print })),
      settings.repeats.windowHours,
    );
    // One after another, as separate jobs would: each counts the ones screened before it.
    for (const screening of pending) {
      const { item, content, print, event } = screening;
      // Content created held and never looked at before is held by pre-moderation.
      if (item.origin === null && content.state === 'held') item.origin = 'premoderation';
      screening.verdict = screenText(content.text, history.factsFor(event.payload.authorId, item.id, print), settings);
      history.add(event.payload.authorId, item.id, print);
      outcomes.set(event.id, 'screened');
    }
    await tx.manager.insert(
      ModerationScreeningEntity,
      pending.map(({ event, item, print, verdict }) => ({
        submissionId: event.id,
        itemId: item.id,
        authorId: event.payload.authorId,
        fingerprint: print,
        score: verdict?.score,
        hits: verdict?.hits,
        flagged: verdict?.flagged,
      })),
    );
    await this.apply(tx, pending);
    return outcomes;
  }

  private async loadContents(tx: Transaction, events: readonly Submission[]): Promise<Map<string, ModeratedText>> {
    const idsByKind = new Map<string, string[]>();
    for (const { payload } of events) idsByKind.set(payload.kind, [...(idsByKind.get(payload.kind) ?? []), payload.contentId]);
    const found = new Map<string, ModeratedText>();
    for (const [kind, ids] of idsByKind) {
      for (const content of await this.contents.get(kind).load(tx.manager, [...new Set(ids)])) found.set(`${kind}:${content.id}`, content);
    }
    return found;
  }

  /** The moderation items of these contents, created on first need and locked for this transaction. */
  private async lockItems(
    tx: Transaction,
    events: readonly Submission[],
    found: Map<string, ModeratedText>,
  ): Promise<Map<string, ModerationItemEntity>> {
    const wanted = [...new Map(events.map((event) => [contentKey(event), event.payload])).values()];
    await tx.manager
      .createQueryBuilder()
      .insert()
      .into(ModerationItemEntity)
      .values(
        wanted.map(({ kind, contentId, authorId }) => ({ kind, contentId, authorId, state: found.get(`${kind}:${contentId}`)?.state })),
      )
      .orIgnore()
      .execute();
    const locked = await tx.manager
      .createQueryBuilder(ModerationItemEntity, 'item')
      .where('(item.kind, item.contentId) IN (SELECT * FROM unnest(CAST(:kinds AS text[]), CAST(:contentIds AS uuid[])))', {
        kinds: wanted.map((payload) => payload.kind),
        contentIds: wanted.map((payload) => payload.contentId),
      })
      .orderBy('item.id')
      .setLock('pessimistic_write')
      .getMany();
    return new Map(locked.map((item) => [`${item.kind}:${item.contentId}`, item]));
  }

  private async alreadyScreened(tx: Transaction, events: readonly Submission[]): Promise<Set<string>> {
    const rows: { submission_id: string }[] = await tx.manager.query(
      'SELECT submission_id FROM moderation_screening WHERE submission_id = ANY($1::uuid[])',
      [events.map((event) => event.id)],
    );
    return new Set(rows.map((row) => row.submission_id));
  }

  /** Each item's new state from its verdict; the writes for the whole batch go together at the end. */
  private async apply(tx: Transaction, screenings: readonly Screening[]): Promise<void> {
    const held = new Map<string, string[]>();
    const released = new Map<string, string[]>();
    const cleared = new Map<string, string[]>();
    const logged: LogEntry[] = [];
    for (const { item, content, verdict } of screenings) {
      if (!verdict) continue;
      item.screeningScore = verdict.score;
      item.screeningHits = verdict.hits;
      item.screenedAt = new Date();
      // Held content with no cause on record was held by its feature on submission: pre-moderation.
      if (content.state !== 'held') item.heldBy = null;
      else item.heldBy ??= 'premoderation';
      if (verdict.flagged && content.state !== 'hidden') {
        const newlyHeld = content.state === 'visible' || item.heldBy === 'premoderation';
        enqueue(item, 'screening');
        if (content.state === 'visible') listIn(held, item.kind).push(item.contentId);
        item.state = 'held';
        // A hold by reports stays theirs: only a moderator lifts it.
        if (item.heldBy !== 'reports') item.heldBy = 'screening';
        if (newlyHeld) {
          logged.push({
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
        listIn(released, item.kind).push(item.contentId);
        item.state = 'visible';
        item.heldBy = null;
        const wasQueued = item.open;
        item.open = item.reportCount > 0;
        if (wasQueued) tx.publish('moderation.item_queued', { itemId: item.id });
      }
      if (!verdict.flagged && (content.state === 'visible' || item.state === 'visible')) listIn(cleared, item.kind).push(item.contentId);
    }
    for (const [kind, ids] of held) await this.contents.get(kind).setState(tx, ids, 'held');
    for (const [kind, ids] of released) await this.contents.get(kind).setState(tx, ids, 'visible');
    await writeLogs(tx, logged);
    for (const [kind, ids] of cleared) await this.contents.get(kind).cleared?.(tx, ids);
    await updateItems(
      tx,
      screenings.map((screening) => screening.item),
    );
  }
}

function listIn(map: Map<string, string[]>, kind: string): string[] {
  let list = map.get(kind);
  if (!list) map.set(kind, (list = []));
  return list;
}

const contentKey = (event: Submission): string => `${event.payload.kind}:${event.payload.contentId}`;

/** Serialises each author's screenings (see authorLockKey), taken in key order in one statement. */
async function lockAuthors(tx: Transaction, authorIds: readonly string[]): Promise<void> {
  const keys = [...new Set(authorIds)].map(authorLockKey).sort();
  await tx.manager.query(
    `SELECT count(pg_advisory_xact_lock(hashtextextended(key, 0))) FROM (SELECT key FROM unnest($1::text[]) AS key ORDER BY key) AS sorted`,
    [keys],
  );
}

/** The screening columns of every item in one statement, not a read-then-write save() each. */
async function updateItems(tx: Transaction, items: readonly ModerationItemEntity[]): Promise<void> {
  await tx.manager.query(
    `UPDATE moderation_item i
        SET state = u.state, held_by = u.held_by, open = u.open, origin = u.origin, queued_at = u.queued_at,
            screening_score = u.screening_score, screening_hits = u.screening_hits, screened_at = u.screened_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::timestamptz[], $7::real[], $8::jsonb[], $9::timestamptz[])
         AS u (id, state, held_by, open, origin, queued_at, screening_score, screening_hits, screened_at)
      WHERE i.id = u.id`,
    [
      items.map((item) => item.id),
      items.map((item) => item.state),
      items.map((item) => item.heldBy),
      items.map((item) => item.open),
      items.map((item) => item.origin),
      items.map((item) => item.queuedAt),
      items.map((item) => item.screeningScore),
      items.map((item) => (item.screeningHits === null ? null : JSON.stringify(item.screeningHits))),
      items.map((item) => item.screenedAt),
    ],
  );
}
