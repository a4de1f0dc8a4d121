import type { Transaction } from '@polity/platform';
import type { ScreeningFacts } from './screening-rules';

/** One earlier verdict as the rate and repeat rules count it. */
interface Verdict {
  authorId: string;
  itemId: string;
  fingerprint: string;
  lastMinute: boolean;
}

/**
 * The recent verdicts a batch's rate and repeat rules count: read once for all its authors and
 * fingerprints (under the authors' locks), then added to as the batch screens, so each submission
 * counts the ones screened before it exactly as separate transactions would have.
 */
export class ScreeningHistory {
  private readonly byAuthor = new Map<string, Verdict[]>();
  private readonly byFingerprint = new Map<string, Verdict[]>();

  static async read(
    tx: Transaction,
    submissions: readonly { authorId: string; print: string }[],
    repeatWindowHours: number,
  ): Promise<ScreeningHistory> {
    const rows: {
      author_id: string;
      item_id: string;
      fingerprint: string;
      last_minute: boolean;
      in_rate_window: boolean;
      in_repeat_window: boolean;
    }[] = await tx.manager.query(
      `SELECT author_id, item_id, fingerprint,
                created_at > now() - interval '1 minute' AS last_minute,
                created_at > now() - interval '1 hour' AS in_rate_window,
                created_at > now() - make_interval(hours => $3) AS in_repeat_window
           FROM moderation_screening
          WHERE (author_id = ANY($1::uuid[]) AND created_at > now() - interval '1 hour')
             OR (fingerprint = ANY($2::text[]) AND created_at > now() - make_interval(hours => $3))`,
      [[...new Set(submissions.map((s) => s.authorId))], [...new Set(submissions.map((s) => s.print))], repeatWindowHours],
    );
    const history = new ScreeningHistory();
    for (const row of rows) {
      const verdict = { authorId: row.author_id, itemId: row.item_id, fingerprint: row.fingerprint, lastMinute: row.last_minute };
      if (row.in_rate_window) listIn(history.byAuthor, verdict.authorId).push(verdict);
      if (row.in_repeat_window) listIn(history.byFingerprint, verdict.fingerprint).push(verdict);
    }
    return history;
  }

  /** The facts for one submission: other items only (an edited text does not repeat itself). */
  factsFor(authorId: string, itemId: string, print: string): ScreeningFacts {
    const recent = (this.byAuthor.get(authorId) ?? []).filter((verdict) => verdict.itemId !== itemId);
    const repeats = (this.byFingerprint.get(print) ?? []).filter((verdict) => verdict.itemId !== itemId);
    return {
      postsLastMinute: distinct(recent.filter((verdict) => verdict.lastMinute).map((verdict) => verdict.itemId)),
      postsLastHour: distinct(recent.map((verdict) => verdict.itemId)),
      sameAuthorRepeats: distinct(repeats.filter((verdict) => verdict.authorId === authorId).map((verdict) => verdict.itemId)),
      otherAuthorRepeats: distinct(repeats.filter((verdict) => verdict.authorId !== authorId).map((verdict) => verdict.authorId)),
    };
  }

  /** A verdict just given in this batch, dated now. */
  add(authorId: string, itemId: string, print: string): void {
    const verdict = { authorId, itemId, fingerprint: print, lastMinute: true };
    listIn(this.byAuthor, authorId).push(verdict);
    listIn(this.byFingerprint, print).push(verdict);
  }
}

function listIn(map: Map<string, Verdict[]>, key: string): Verdict[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

const distinct = (values: readonly string[]): number => new Set(values).size;
