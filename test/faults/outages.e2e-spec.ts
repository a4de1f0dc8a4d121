import { RoomSequence } from '@polity/realtime';
import { connectSocket, createTestApp, expectEventually, registerUser, type RunningApp, subscribe } from '@polity/testing';
import { createProposal } from '@polity/testing';
import { Client } from 'pg';
import { testDatabaseUrl } from '../test-environment';
import { OwnRedis } from './redis-server';

const database = new URL(testDatabaseUrl).pathname.slice(1);
const adminUrl = testDatabaseUrl.replace(/\/[^/]*$/, '/postgres');

async function asAdmin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const expectUnavailable = (response: { status: number; headers: Record<string, string>; body: unknown }): void => {
  expect(response.status).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status: 503, code: 'service_unavailable' });
  expect(response.headers['retry-after']).toBe('5');
};

describe('faults: PostgreSQL or Redis away', () => {
  describe('PostgreSQL cutting every connection and refusing new ones (what a restart looks like)', () => {
    let api: RunningApp;

    beforeAll(async () => {
      api = await createTestApp();
    });
    afterAll(async () => {
      await asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
      await api.close();
    });

    it('answers 503 problem+json at once (never a 500 or a hang), says it is not ready, and recovers by itself', async () => {
      const person = await registerUser(api);
      const socket = await connectSocket(api.url, person.accessToken);
      await asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
      await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
      try {
        const started = Date.now();
        expectUnavailable(await api.http.get('/api/v1/proposals'));
        expectUnavailable(
          await api.http.post('/api/v1/proposals').set('Authorization', person.auth).send({ title: 'Lights', body: 'On the path.' }),
        );
        expect((await api.http.get('/proposals')).status).toBe(503);
        const ready = await api.http.get('/health/ready');
        expect([ready.status, (ready.body as { code: string }).code]).toEqual([503, 'not_ready']);
        // A live client asking for a room whose policy reads the database is told to ask again, not left without an answer.
        const ack = await subscribe(socket, `user:${person.id}`);
        expect(ack).toMatchObject({ ok: false, error: { status: 503, code: 'service_unavailable' } });
        expect(Date.now() - started).toBeLessThan(15_000);
      } finally {
        socket.close();
        await asAdmin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
      }
      await expectEventually(async () => expect((await api.http.get('/health/ready')).status).toBe(200), 20_000, 250);
      await api.http.get('/api/v1/proposals').expect(200);
    }, 60_000);
  });

  describe('Redis gone, then back with empty memory', () => {
    let redis: OwnRedis;
    let api: RunningApp;

    beforeAll(async () => {
      redis = await OwnRedis.start();
      api = await createTestApp({ REDIS_URL: redis.url });
    });
    afterAll(async () => {
      await api.close();
      await redis.kill();
    });

    it('keeps answering reads, pages and writes, says it is not ready, and recovers by itself', async () => {
      const author = await registerUser(api);
      const supporter = await registerUser(api);
      const proposal = await createProposal(api, author);
      await redis.kill();
      const started = Date.now();
      await api.http.get('/api/v1/proposals').expect(200);
      // The page reads its rooms' message numbers from Redis; without them it still renders.
      await api.http.get(`/proposals/${proposal.id}`).expect(200);
      await api.http.put(`/api/v1/proposals/${proposal.id}/support`).set('Authorization', supporter.auth).send({}).expect(200);
      const ready = await api.http.get('/health/ready');
      expect([ready.status, (ready.body as { code: string }).code]).toEqual([503, 'not_ready']);
      expect(Date.now() - started).toBeLessThan(15_000);

      await redis.up();
      await expectEventually(async () => expect((await api.http.get('/health/ready')).status).toBe(200), 20_000, 250);
      expect((await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(200)).body).toMatchObject({ supportCount: 1 });
    }, 60_000);

    it('numbers a room’s messages upwards across Redis forgetting them, so clients see a gap and catch up', async () => {
      const sequence = api.app.get(RoomSequence);
      const room = 'proposals:00000000-0000-4000-8000-000000000001';
      const before = await sequence.next(room);
      await sequence.next(room);
      expect(redis.cli('flushall')).toBe('OK');
      const after = await sequence.next(room);
      expect(after).toBeGreaterThan(before + 1);
      expect(await sequence.current(room)).toBe(after);
    });
  });
});
