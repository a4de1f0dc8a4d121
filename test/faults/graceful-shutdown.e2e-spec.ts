import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createTestApp, expectEventually, freePort, registerUser, type RunningApp } from '@polity/testing';
import { createProposal } from '@polity/testing';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { testDatabaseUrl, testRedisPrefix, testRedisUrl } from '../test-environment';

const apiMain = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

/**
 * SIGTERM, as a deploy or an orchestrator sends it: the request under way finishes, busy keep-alive
 * clients do not hold the process open, readiness says the instance is stopping, and live clients
 * are dropped in a way that makes them reconnect (to another instance).
 */
describe('faults: SIGTERM to an api instance', () => {
  let setup: RunningApp;
  let api: ChildProcess;
  let port: number;

  beforeAll(async () => {
    // The database migrated and a proposal to support, made by an in-process api.
    setup = await createTestApp();
    port = await freePort();
    api = spawn(process.execPath, [apiMain], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: testDatabaseUrl,
        REDIS_URL: testRedisUrl,
        REDIS_PREFIX: testRedisPrefix,
        API_PORT: String(port),
        HOST: '127.0.0.1',
        RATE_LIMIT_PER_IP: '1000000',
        RATE_LIMIT_PER_USER: '1000000',
      },
      stdio: 'ignore',
    });
    await expectEventually(async () => expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200), 60_000, 250);
  }, 70_000);
  afterAll(async () => {
    if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
    await setup.close();
  });

  it('finishes the request under way, then stops; busy clients do not hold it open; sockets are told to reconnect', async () => {
    const base = `http://127.0.0.1:${port}`;
    const person = await registerUser(setup);
    const proposal = await createProposal(setup, person);
    const socket = io(base, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    // Keep-alive clients that never pause.
    let hammering = true;
    const hammer = async (): Promise<void> => {
      while (hammering)
        await fetch(`${base}/health/live`).then(
          (response) => response.text(),
          () => undefined,
        );
    };
    const hammers = [hammer(), hammer(), hammer()];

    // A support that waits on a lock held here: it is under way when SIGTERM arrives.
    const locker = new Client({ connectionString: testDatabaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE proposal_support IN EXCLUSIVE MODE');
    const support = fetch(`${base}/api/v1/proposals/${proposal.id}/support`, {
      method: 'PUT',
      headers: { authorization: person.auth, 'content-type': 'application/json' },
      body: '{}',
    });
    await expectEventually(
      async () => {
        const { rows } = await locker.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_locks WHERE relation = 'proposal_support'::regclass AND NOT granted`,
        );
        expect(Number(rows[0].n)).toBeGreaterThan(0);
      },
      10_000,
      50,
    );

    const stopped = once(api, 'exit');
    api.kill('SIGTERM');
    await expectEventually(async () => expect((await (await fetch(`${base}/health/ready`)).json()).code).toBe('shutting_down'), 5_000, 50);
    await locker.query('COMMIT');
    await locker.end();

    expect((await support).status).toBe(200);
    const started = Date.now();
    const [code, signal] = (await stopped) as [number | null, string | null];
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(await disconnected).toBe('transport close');
    hammering = false;
    await Promise.all(hammers);
    socket.close();
    expect((await setup.http.get(`/api/v1/proposals/${proposal.id}`).expect(200)).body).toMatchObject({ supportCount: 1 });
  }, 60_000);
});
