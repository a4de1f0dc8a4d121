import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { DomainEvent } from '@polity/contracts';
import { OnDomainEvent, PlatformModule, UnitOfWork } from '@polity/platform';
import { JobHandlerCatalogueError, JobQueue, WorkerHostModule } from '@polity/queue';
import { POLITY_SCHEMA } from '@polity/schema';
import {
  connectSocket,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  nextEvent,
  registerUser,
  RunningApp,
  startTestWorker,
  testConfig,
  TestUser,
} from '@polity/testing';
import { DataSource } from 'typeorm';

/** Unrelayed role changes of this person (registration also queues its confirmation mail, not counted here). */
const pendingOutboxRows = async (api: RunningApp, userId: string): Promise<number> => {
  const [row]: { count: string }[] = await api.app
    .get(DataSource)
    .query(
      `SELECT count(*) FROM outbox_event WHERE relayed_at IS NULL AND type = 'user.roles_changed' AND payload->'payload'->>'userId' = $1`,
      [userId],
    );
  return Number(row.count);
};

describe('background backbone: outbox, relay, worker, jobs', () => {
  let api: RunningApp;
  let admin: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    admin = await createUserWithRoles(api, ['admin']);
  });
  afterAll(() => api.close());

  const grant = (user: TestUser, roles: string[]) =>
    api.http.put(`/api/v1/admin/users/${user.id}/roles`).set('Authorization', admin.auth).send({ roles }).expect(200);

  it('an api change goes through the outbox to a worker job, which pushes a Socket.IO event', async () => {
    const worker = await startTestWorker();
    try {
      const person = await registerUser(api);
      const socket = await connectSocket(api.url, person.accessToken);
      try {
        const pushed = nextEvent(socket, 'account.updated');
        await grant(person, ['official']);
        expect((await pushed).data).toEqual({ roles: ['citizen', 'official'], reason: 'roles_changed' });
        await expectEventually(async () => expect(await pendingOutboxRows(api, person.id)).toBe(0));
      } finally {
        socket.close();
      }
    } finally {
      await worker.close();
    }
  });

  it('relays an outbox row written while no worker ran (a crash before enqueue) once a worker starts', async () => {
    const person = await registerUser(api);
    const socket = await connectSocket(api.url, person.accessToken);
    try {
      await grant(person, ['moderator']);
      // No worker is running: the event sits committed in the outbox, not yet in any queue.
      expect(await pendingOutboxRows(api, person.id)).toBe(1);
      const pushed = nextEvent(socket, 'account.updated', undefined, 10_000);
      const worker = await startTestWorker();
      try {
        expect((await pushed).data).toEqual({ roles: ['citizen', 'moderator'], reason: 'roles_changed' });
        // The relay marks the row relayed after enqueueing, so the job's push can come first.
        await expectEventually(async () => expect(await pendingOutboxRows(api, person.id)).toBe(0));
      } finally {
        await worker.close();
      }
    } finally {
      socket.close();
    }
  });

  it('counts a comment posted while no worker ran once a worker starts: the count goes through the outbox too', async () => {
    const author = await registerUser(api);
    const proposal = (
      await api.http
        .post('/api/v1/proposals')
        .set('Authorization', author.auth)
        .send({ title: 'Benches by the pond', body: 'Two benches facing the water.' })
        .expect(201)
    ).body as { id: string };
    await api.http
      .post(`/api/v1/proposals/${proposal.id}/comments`)
      .set('Authorization', author.auth)
      .send({ body: 'Yes please.' })
      .expect(201);
    const commentCount = async () => (await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(200)).body.commentCount as number;
    // The api only wrote the event down; no process in it recounts.
    expect(await commentCount()).toBe(0);
    const worker = await startTestWorker();
    try {
      await expectEventually(async () => expect(await commentCount()).toBe(1), 10_000);
    } finally {
      await worker.close();
    }
  });

  it('shows failed jobs to admins and lets them retry one', async () => {
    const worker = await startTestWorker();
    try {
      // A payload the handler cannot use: the database rejects it, so the job fails.
      const job = await api.app
        .get(JobQueue)
        .enqueue('maintenance.prune-outbox', { olderThanDays: 'soon' as unknown as number }, { attempts: 1 });
      const listed = await expectEventually(async () => {
        const response = await api.http
          .get('/api/v1/admin/jobs?queue=maintenance&state=failed')
          .set('Authorization', admin.auth)
          .expect(200);
        const mine = (response.body.items as { id: string; attemptsMade: number; failedReason: string }[]).find(
          (item) => item.id === job.id,
        );
        expect(mine).toBeDefined();
        return mine!;
      }, 10_000);
      expect(listed.failedReason).toMatch(/invalid input syntax/);
      expect(listed.attemptsMade).toBe(1);

      const citizen = await registerUser(api);
      await api.http.get('/api/v1/admin/jobs?queue=maintenance').set('Authorization', citizen.auth).expect(403);
      await api.http.post(`/api/v1/admin/jobs/maintenance/${job.id}/retry`).set('Authorization', admin.auth).expect(202);
      await expectEventually(async () => {
        const again = await api.app
          .get(JobQueue)
          .queue(job.queueName as never)
          .getJob(job.id!);
        expect(again?.attemptsMade).toBe(2);
        expect(await again?.isFailed()).toBe(true);
      }, 10_000);
      await api.http.post('/api/v1/admin/jobs/maintenance/no-such-job/retry').set('Authorization', admin.auth).expect(404);
    } finally {
      await worker.close();
    }
  });

  it('waits for a running job to finish when the worker shuts down', async () => {
    const worker = await startTestWorker();
    const dataSource = api.app.get(DataSource);
    const blocker = dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      // Holding the outbox table makes the prune job block mid-run.
      await blocker.query('LOCK TABLE outbox_event IN ACCESS EXCLUSIVE MODE');
      const job = await api.app.get(JobQueue).enqueue('maintenance.prune-outbox', { olderThanDays: 30 });
      await expectEventually(async () => expect(await job.isActive()).toBe(true), 10_000);

      let closed = false;
      const closing = worker.close().then(() => (closed = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(closed).toBe(false);
      await blocker.commitTransaction();
      await closing;
      expect(
        await api.app
          .get(JobQueue)
          .queue(job.queueName as never)
          .getJobState(job.id!),
      ).toBe('completed');
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
  });

  it('refuses to boot a worker when a catalogued job has no handler', async () => {
    const config = testConfig();
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(config, POLITY_SCHEMA), WorkerHostModule],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    const booting = app.init();
    await expect(booting).rejects.toThrow(JobHandlerCatalogueError);
    await expect(booting).rejects.toThrow(/No handler for job\(s\): account\.sync-sessions/);
    await app.close();
  });
});

@Injectable()
class RegistrationWatcher {
  readonly seen: { event: DomainEvent; committed: boolean }[] = [];
  constructor(private readonly dataSource: DataSource) {}

  @OnDomainEvent('user.registered')
  async onRegistered(event: DomainEvent<'user.registered'>): Promise<void> {
    // Read through another connection: only a committed row is visible there.
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM user_account WHERE id = $1', [event.payload.userId]);
    this.seen.push({ event, committed: rows.length === 1 });
  }
}

describe('domain events reach listeners only after commit', () => {
  it('delivers after commit, and never for a rolled-back transaction', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(testConfig(), POLITY_SCHEMA)],
      providers: [RegistrationWatcher],
    }).compile();
    const app = await moduleRef.createNestApplication({ logger: false }).init();
    try {
      const unitOfWork = app.get(UnitOfWork);
      const watcher = app.get(RegistrationWatcher);
      const insert = `INSERT INTO user_account (email, display_name, password_hash, roles) VALUES ($1, 'Eve', 'x', ARRAY['citizen']) RETURNING id`;

      await expect(
        unitOfWork.run(async (tx) => {
          const [row]: { id: string }[] = await tx.manager.query(insert, [`rolled-back-${Date.now()}@example.test`]);
          tx.publish('user.registered', { userId: row.id });
          throw new Error('something failed after the event was published');
        }),
      ).rejects.toThrow('something failed');
      expect(watcher.seen).toHaveLength(0);

      const userId = await unitOfWork.run(async (tx) => {
        const [row]: { id: string }[] = await tx.manager.query(insert, [`committed-${Date.now()}@example.test`]);
        tx.publish('user.registered', { userId: row.id });
        return row.id;
      });
      expect(watcher.seen).toEqual([{ event: expect.objectContaining({ type: 'user.registered', payload: { userId } }), committed: true }]);
    } finally {
      await app.close();
    }
  });
});
