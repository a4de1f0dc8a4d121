import { randomInt } from 'node:crypto';
import type { Transaction } from '@polity/platform';
import { TALLY_SHARDS } from '../entities/budget-tally.entity';
import type { BallotChoice } from '../rules/ballot-rules';

/** A checked ballot to store: a resident's (voterId + slot) or a paper one (reference). */
export interface BallotRecord {
  voterId: string | null;
  reference: string | null;
  slot: string;
  district: string | null;
  choices: BallotChoice[];
}

const BATCH = 2000;

/** Votes and points to add to (or take from) each project's tally. */
class TallyChanges {
  readonly byProject = new Map<string, { votes: number; points: number }>();

  add(projectId: string, votes: number, points: number): void {
    const entry = this.byProject.get(projectId) ?? { votes: 0, points: 0 };
    entry.votes += votes;
    entry.points += points;
    this.byProject.set(projectId, entry);
  }
}

const ballotKey = (voterId: string | null, reference: string | null, slot: string): string => `${voterId ?? ''}|${reference ?? ''}|${slot}`;

/**
 * Stores ballots atomically within the caller's transaction: upserts each ballot row (the unique
 * index makes one person's concurrent requests queue on that row), replaces its choices, and
 * adds the difference to the project tallies, so totals always equal the stored ballots.
 * Works in batches of set-based statements, so importing ten thousand paper ballots is a handful
 * of round trips. Keys must be unique within one call.
 */
export async function writeBallots(tx: Transaction, budgetId: string, ballots: BallotRecord[], key: 'voter' | 'reference'): Promise<void> {
  const delta = new TallyChanges();
  for (let start = 0; start < ballots.length; start += BATCH) {
    const batch = ballots.slice(start, start + BATCH);
    const conflict =
      key === 'voter' ? '(budget_id, voter_id, slot) WHERE voter_id IS NOT NULL' : '(budget_id, reference) WHERE reference IS NOT NULL';
    const rows: { id: string; voter_id: string | null; reference: string | null; slot: string }[] = await tx.manager.query(
      `INSERT INTO budget_ballot (budget_id, voter_id, reference, paper, slot, district)
       SELECT $1, t.voter_id, t.reference, t.reference IS NOT NULL, t.slot, t.district
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS t(voter_id, reference, slot, district)
       ON CONFLICT ${conflict} DO UPDATE SET district = EXCLUDED.district, updated_at = now()
       RETURNING id, voter_id, reference, slot`,
      [budgetId, batch.map((b) => b.voterId), batch.map((b) => b.reference), batch.map((b) => b.slot), batch.map((b) => b.district)],
    );
    const idByKey = new Map(rows.map((row) => [ballotKey(row.voter_id, row.reference, row.slot), row.id]));
    const ids = batch.map((ballot) => idByKey.get(ballotKey(ballot.voterId, ballot.reference, ballot.slot)) as string);
    const removed: { project_id: string; points: number }[] = await tx.manager.query(
      `WITH gone AS (DELETE FROM budget_ballot_choice WHERE ballot_id = ANY($1::uuid[]) RETURNING project_id, points) SELECT * FROM gone`,
      [ids],
    );
    for (const choice of removed) delta.add(choice.project_id, -1, -choice.points);
    const choices = batch.flatMap((ballot, i) => ballot.choices.map((choice) => ({ ballotId: ids[i], ...choice })));
    for (const choice of choices) delta.add(choice.projectId, 1, choice.points);
    if (choices.length > 0) {
      await tx.manager.query(
        `INSERT INTO budget_ballot_choice (ballot_id, project_id, points, rank)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::smallint[])`,
        [choices.map((c) => c.ballotId), choices.map((c) => c.projectId), choices.map((c) => c.points), choices.map((c) => c.rank)],
      );
    }
  }
  await addToTally(tx, budgetId, delta);
}

/** Withdraws ballots (and their share of the tallies). */
export async function deleteBallots(tx: Transaction, budgetId: string, ballotIds: string[]): Promise<void> {
  if (ballotIds.length === 0) return;
  const removed: { project_id: string; points: number }[] = await tx.manager.query(
    `WITH gone AS (DELETE FROM budget_ballot_choice WHERE ballot_id = ANY($1::uuid[]) RETURNING project_id, points) SELECT * FROM gone`,
    [ballotIds],
  );
  await tx.manager.query('DELETE FROM budget_ballot WHERE id = ANY($1::uuid[])', [ballotIds]);
  const delta = new TallyChanges();
  for (const choice of removed) delta.add(choice.project_id, -1, -choice.points);
  await addToTally(tx, budgetId, delta);
}

/**
 * Adds the changes to one random shard per transaction, rows in project order so that two
 * transactions never lock the same shards in opposite orders.
 */
async function addToTally(tx: Transaction, budgetId: string, delta: TallyChanges): Promise<void> {
  const changed = [...delta.byProject].filter(([, d]) => d.votes !== 0 || d.points !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  if (changed.length > 0) {
    await tx.manager.query(
      `INSERT INTO budget_tally (project_id, shard, budget_id, votes, points)
       SELECT t.project_id, $1, $2, t.votes, t.points FROM unnest($3::uuid[], $4::int[], $5::bigint[]) AS t(project_id, votes, points)
       ORDER BY t.project_id
       ON CONFLICT (project_id, shard) DO UPDATE SET votes = budget_tally.votes + EXCLUDED.votes, points = budget_tally.points + EXCLUDED.points`,
      [randomInt(TALLY_SHARDS), budgetId, changed.map(([id]) => id), changed.map(([, d]) => d.votes), changed.map(([, d]) => d.points)],
    );
  }
  tx.publish('budget.ballots_changed', { budgetId });
}
