import { JOB_QUEUES } from '@polity/contracts';
import { JobQueue } from '@polity/queue';
import { createTestApp, expectEventually, type RunningApp, startTestWorker } from '@polity/testing';
import { DataSource } from 'typeorm';
import { OwnRedis } from './redis-server';

/**
 * PostgreSQL is the truth: a job is recorded there until its handler has finished, so Redis
 * restarting empty after the relay handed the job over delays it, and loses nothing.
 */
describe('faults: jobs Redis forgot', () => {
  let redis: OwnRedis;
  let api: RunningApp;
  let worker: RunningApp | undefined;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    api = await createTestApp({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await redis.kill();
  });

  const recorded = async (jobId: string): Promise<number> =>
    Number((await api.app.get(DataSource).query<{ n: string }[]>('SELECT count(*) AS n FROM queued_job WHERE job_id = $1', [jobId]))[0].n);

  it('queues again, from its record, a job that Redis lost, and the job does its work; the record goes when it is done', async () => {
    const dataSource = api.app.get(DataSource);
    // Work for the job: an outbox row relayed a month ago, which the prune job deletes.
    const [{ id: oldRow }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO outbox_event (event_id, type, payload, occurred_at, relayed_at)
       VALUES (gen_random_uuid(), 'user.roles_changed', '{}', now() - interval '30 days', now() - interval '30 days') RETURNING id`,
    );
    await api.app
      .get(JobQueue)
      .enqueue('maintenance.prune-outbox', { olderThanDays: 7 }, { jobId: 'prune-lost-by-redis', delay: 3_600_000 });
    expect(await recorded('prune-lost-by-redis')).toBe(1);

    // Redis restarts with empty memory: the queued job is gone from it.
    await redis.kill();
    await redis.up();
    worker = await startTestWorker({ REDIS_URL: redis.url, JOB_RECOVERY_AFTER_MS: '500' });
    await expectEventually(
      async () => {
        expect(await dataSource.query('SELECT id FROM outbox_event WHERE id = $1', [oldRow])).toEqual([]);
        expect(await recorded('prune-lost-by-redis')).toBe(0);
      },
      20_000,
      200,
    );
  }, 60_000);

  it('registers the recurring jobs again when Redis comes back empty', async () => {
    worker ??= await startTestWorker({ REDIS_URL: redis.url, JOB_RECOVERY_AFTER_MS: '500' });
    const maintenance = api.app.get(JobQueue).queue(JOB_QUEUES['maintenance.prune-outbox']);
    await expectEventually(
      async () => expect((await maintenance.getJobSchedulers()).map((s) => s.key)).toContain('prune-outbox'),
      10_000,
      200,
    );
    expect(redis.cli('flushall')).toBe('OK');
    expect(await maintenance.getJobSchedulers()).toEqual([]);
    await expectEventually(
      async () => expect((await maintenance.getJobSchedulers()).map((s) => s.key)).toContain('prune-outbox'),
      10_000,
      200,
    );
  }, 30_000);
});
