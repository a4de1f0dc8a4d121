import { createTestApp, expectEventually, registerUser, type RunningApp, startTestWorker } from '@polity/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { testDatabaseUrl } from '../test-environment';

const database = new URL(testDatabaseUrl).pathname.slice(1);

/** After PostgreSQL restarts, the relay wakes on NOTIFY again, not only on its (here, minute-long) poll. */
describe('faults: the outbox relay after its LISTEN connection was cut', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let admin: Client;

  beforeAll(async () => {
    api = await createTestApp();
    worker = await startTestWorker({ OUTBOX_POLL_INTERVAL_MS: '60000' });
    admin = new Client({ connectionString: testDatabaseUrl.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await worker.close();
    await api.close();
  });

  const listeners = async (): Promise<number[]> =>
    (
      await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query = 'LISTEN polity_outbox'`, [
        database,
      ])
    ).rows.map((row) => row.pid);

  it('listens again within seconds, and relays the next event at once', async () => {
    const [before] = await listeners();
    expect(before).toBeDefined();
    await admin.query('SELECT pg_terminate_backend($1)', [before]);
    await expectEventually(async () => expect((await listeners()).filter((pid) => pid !== before)).toHaveLength(1), 10_000, 100);

    const person = await registerUser(api);
    const rows = () =>
      api.app
        .get(DataSource)
        .query<{ relayed: boolean }[]>(
          `SELECT relayed_at IS NOT NULL AS relayed FROM outbox_event WHERE payload->'payload'->>'userId' = $1`,
          [person.id],
        );
    expect((await rows()).length).toBeGreaterThan(0);
    await expectEventually(async () => expect((await rows()).every((row) => row.relayed)).toBe(true), 5_000, 100);
  }, 30_000);
});
