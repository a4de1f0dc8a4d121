import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@polity/contracts';
import { ScreeningService } from '@polity/moderation';
import { RedisConnections } from '@polity/platform';
import {
  collectEvents,
  connectSocket,
  createProposal,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  registerUser,
  RunningApp,
  screened,
  startTestWorker,
  subscribe,
  TestUser,
} from '@polity/testing';
import { DataSource } from 'typeorm';
import { testDatabaseUrl, testRedisPrefix, testRedisUrl } from '../test-environment';

const workerMain = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');
const JOB_LOCK_MS = '1500';

describe('screening jobs: one verdict per submission, nothing half-done when the worker dies', () => {
  let api: RunningApp;
  let author: TestUser;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await createTestApp();
    author = await registerUser(api);
    dataSource = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api.close();
  });

  const verdictsFor = async (contentId: string): Promise<number> => {
    const [row] = await dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM moderation_screening s JOIN moderation_item i ON i.id = s.item_id WHERE i.content_id = $1`,
      [contentId],
    );
    return Number(row.n);
  };

  it('stores one verdict when the same submission is screened twice, even at the same moment', async () => {
    const worker = await startTestWorker({ JOB_LOCK_MS });
    try {
      const proposal = await createProposal(api, author, { body: 'Buy now: free money, casino bonus, crypto giveaway!' });
      const event: DomainEvent<'content.submitted'> = {
        id: randomUUID(),
        type: 'content.submitted',
        occurredAt: new Date().toISOString(),
        payload: { kind: 'proposals', contentId: proposal.id, authorId: author.id },
      };
      const screening = worker.app.get(ScreeningService);
      const outcomes = await Promise.all([screening.screen(event), screening.screen(event)]);
      expect(outcomes.sort()).toEqual(['already_screened', 'screened']);
      expect(await screening.screen(event)).toBe('already_screened');
      // The submission's own job (from the outbox) adds its one verdict beside the one above.
      await screened(api, 'proposal', proposal.id, 2);
      expect(await verdictsFor(proposal.id)).toBe(2);
      const [log] = await dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM moderation_log_entry WHERE occurred_at > now() - interval '1 minute' AND action = 'held'`,
      );
      expect(Number(log.n)).toBeGreaterThanOrEqual(1);
      const [state] = await dataSource.query<{ moderation_state: string }[]>(`SELECT moderation_state FROM proposal WHERE id = $1`, [
        proposal.id,
      ]);
      expect(state.moderation_state).toBe('held');
    } finally {
      await worker.close();
    }
  });

  it('screens a batch as one job per submission would: each counts those before it, a repeated delivery once', async () => {
    const submissions = async (street: string) => {
      const who = await registerUser(api);
      const texts = [
        ...Array.from({ length: 3 }, () => `A safe crossing by the primary school on ${street}, please`),
        ...Array.from({ length: 5 }, (_, i) => `Idea ${i} for ${street}: benches, trees and a water fountain`),
      ];
      const events: DomainEvent<'content.submitted'>[] = [];
      for (const body of texts) {
        const proposal = await createProposal(api, who, { title: `For ${street}`, body });
        events.push({
          id: randomUUID(),
          type: 'content.submitted',
          occurredAt: new Date().toISOString(),
          payload: { kind: 'proposals', contentId: proposal.id, authorId: who.id },
        });
      }
      return events;
    };
    const rulesOf = async (events: DomainEvent<'content.submitted'>[]) =>
      (
        await dataSource.query<{ rules: string[] }[]>(
          `SELECT ARRAY(SELECT hit->>'rule' FROM jsonb_array_elements(s.hits) AS hit ORDER BY 1) AS rules
             FROM unnest($1::uuid[]) WITH ORDINALITY AS e (id, n) JOIN moderation_screening s ON s.submission_id = e.id ORDER BY e.n`,
          [events.map((event) => event.id)],
        )
      ).map((row) => row.rules.join('+'));

    const oneByOne = await submissions('Elm Road');
    const together = await submissions('Oak Lane');
    // These submissions are screened below by hand, not by their own jobs.
    await dataSource.query('UPDATE outbox_event SET relayed_at = now() WHERE relayed_at IS NULL');
    const worker = await startTestWorker({ JOB_LOCK_MS });
    try {
      const screening = worker.app.get(ScreeningService);
      for (const event of oneByOne) expect(await screening.screen(event)).toBe('screened');
      const outcomes = await screening.screenMany([...together, together[0]]);
      expect(outcomes).toEqual([...together.map(() => 'screened'), 'already_screened']);
    } finally {
      await worker.close();
    }

    const expected = await rulesOf(oneByOne);
    // The third copy repeats the author's text; the seventh and eighth post come too fast.
    expect(expected).toEqual(['', '', 'repeats', '', '', '', 'rate', 'rate']);
    expect(await rulesOf(together)).toEqual(expected);
    const held = await dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM proposal WHERE id = ANY($1) AND moderation_state = 'held'`,
      [together.map((event) => event.payload.contentId)],
    );
    expect(Number(held[0].n)).toBe(1);
  });

  it('tells the moderators and the discussion about every comment a batch holds, each once and numbered in order', async () => {
    const moderator = await createUserWithRoles(api, ['moderator']);
    const proposal = await createProposal(api, author);
    const spammers = await Promise.all(Array.from({ length: 4 }, () => registerUser(api)));
    const moderators = await connectSocket(api.url, moderator.accessToken);
    const readers = await connectSocket(api.url);
    try {
      await subscribe(moderators, 'moderation');
      await subscribe(readers, `proposals:${proposal.id}`);
      const queued = collectEvents(moderators, 'moderation.queued');
      const updated = collectEvents(readers, 'comment.updated');
      const events: DomainEvent<'content.submitted'>[] = [];
      for (const [i, spammer] of spammers.entries()) {
        const posted = await api.http
          .post(`/api/v1/proposals/${proposal.id}/comments`)
          .set('Authorization', spammer.auth)
          .send({ body: `Number ${i}: free money, casino bonus, crypto giveaway!` })
          .expect(201);
        events.push({
          id: randomUUID(),
          type: 'content.submitted',
          occurredAt: new Date().toISOString(),
          payload: { kind: 'comments', contentId: (posted.body as { id: string }).id, authorId: spammer.id },
        });
      }
      // Screened below as one batch, by hand, not by their own jobs.
      await dataSource.query('UPDATE outbox_event SET relayed_at = now() WHERE relayed_at IS NULL');
      const worker = await startTestWorker({ JOB_LOCK_MS });
      try {
        expect(await worker.app.get(ScreeningService).screenMany(events)).toEqual(events.map(() => 'screened'));
      } finally {
        await worker.close();
      }
      const commentIds = events.map((event) => event.payload.contentId);
      await expectEventually(() => {
        expect(queued.map((m) => m.data.contentId).sort()).toEqual([...commentIds].sort());
        expect(updated.map((m) => m.data.id).sort()).toEqual([...commentIds].sort());
      }, 5000);
      for (const messages of [queued, updated]) {
        const seqs = messages.map((m) => m.seq);
        expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
      }
      expect(queued.map((m) => m.data.state)).toEqual(commentIds.map(() => 'held'));
      for (const message of updated) expect(message.data).toMatchObject({ body: null, author: null, moderationState: 'held' });
      const [log] = await dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM moderation_log_entry WHERE content_kind = 'comments' AND action = 'held' AND occurred_at > now() - interval '1 minute'`,
      );
      expect(Number(log.n)).toBeGreaterThanOrEqual(commentIds.length);
    } finally {
      moderators.close();
      readers.close();
    }
  });

  it('leaves the content as it was when the worker is killed mid-job, and a new worker finishes it once', async () => {
    const proposal = await createProposal(api, author, { body: 'Totally F.R.E.E m0ney, trust me' });
    // Hold the lock the screening takes for this author, so the job stops inside its transaction.
    const blocker = dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [`moderation-author:${author.id}`]);
    let child: ChildProcess | undefined;
    try {
      child = spawn(process.execPath, [workerMain], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          LOG_LEVEL: 'silent',
          DATABASE_URL: testDatabaseUrl,
          REDIS_URL: testRedisUrl,
          REDIS_PREFIX: testRedisPrefix,
          WORKER_PORT: '0',
          OUTBOX_POLL_INTERVAL_MS: '200',
          JOB_LOCK_MS,
        },
        stdio: 'ignore',
      });
      const blocked = await expectEventually(async () => {
        const [waiting] = await dataSource.query<{ pid: number }[]>(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
        expect(waiting).toBeDefined();
        return waiting.pid;
      }, 20_000);
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      // The dead worker's session learns it has no client once it gets the lock; it then rolls back.
      await blocker.query(`SELECT pg_advisory_unlock_all()`);
      await expectEventually(async () => {
        expect(await dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [blocked])).toEqual([]);
      }, 10_000);
      expect(await verdictsFor(proposal.id)).toBe(0);
      const items = await dataSource.query<unknown[]>(`SELECT 1 FROM moderation_item WHERE content_id = $1`, [proposal.id]);
      expect(items).toEqual([]);
      await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(200);
    } finally {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await blocker.query(`SELECT pg_advisory_unlock_all()`);
      await blocker.release();
    }

    // Workers share one stalled-job check per interval; a worker of an earlier suite (30 s interval)
    // may have just run it, so let the new worker check at once.
    const redis = api.app.get(RedisConnections).open();
    await redis.del(api.app.get(RedisConnections).prefix('bull:moderation:stalled-check'));
    redis.disconnect();
    const worker = await startTestWorker({ JOB_LOCK_MS });
    try {
      await screened(api, 'proposal', proposal.id, 1, 20_000);
      expect(await verdictsFor(proposal.id)).toBe(1);
      await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(404);
    } finally {
      await worker.close();
    }
  }, 60_000);
});
