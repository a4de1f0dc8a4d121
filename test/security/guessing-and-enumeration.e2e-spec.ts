import { randomUUID } from 'node:crypto';
import {
  createTestApp,
  createUserWithRoles,
  type MailCatcher,
  registerUser,
  RunningApp,
  startMailCatcher,
  startTestWorker,
} from '@polity/testing';
import { DataSource } from 'typeorm';

const median = (values: number[]): number => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('guessing limits that parallel requests cannot outrun, and answers that do not tell who has an account', () => {
  let mail: MailCatcher;
  let api: RunningApp;
  let worker: RunningApp;

  beforeAll(async () => {
    mail = await startMailCatcher();
    api = await createTestApp({ SMTP_URL: mail.url, LOGIN_MAX_FAILURES: '5', VERIFICATION_MAX_FAILURES: '5' });
    worker = await startTestWorker({ SMTP_URL: mail.url });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await mail.close();
  });

  it('checks at most LOGIN_MAX_FAILURES of 20 parallel wrong passwords', async () => {
    const user = await registerUser(api);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.http
          .post('/api/v1/auth/login')
          .send({ email: user.email, password: `wrong guess ${i}` })
          .then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(15);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  });

  describe('census guesses', () => {
    const identifier = `R-${randomUUID().slice(0, 8)}`;
    beforeAll(async () => {
      const admin = await createUserWithRoles(api, ['admin']);
      await api.http
        .post('/api/v1/admin/census')
        .set('Authorization', admin.auth)
        .set('Content-Type', 'text/csv')
        .send(`identifier,birth_date\n${identifier},1980-01-15\n`)
        .expect(201);
    });

    it('checks at most VERIFICATION_MAX_FAILURES of 25 parallel guesses from one account', async () => {
      const guesser = await registerUser(api);
      const statuses = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          api.http
            .post('/api/v1/me/verification')
            .set('Authorization', guesser.auth)
            .send({ identifier: `OTHER-${i}`, birthDate: `1970-01-${String(i + 1).padStart(2, '0')}` })
            .then((response) => response.status),
        ),
      );
      expect(statuses.filter((status) => status === 422).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(20);
    });

    it('shares one resident’s allowance among all the accounts guessing their birth date', async () => {
      let checked = 0;
      for (let account = 0; account < 4; account++) {
        const guesser = await registerUser(api);
        for (let guess = 0; guess < 3; guess++) {
          const response = await api.http
            .post('/api/v1/me/verification')
            .set('Authorization', guesser.auth)
            .send({ identifier, birthDate: `19${60 + account}-0${guess + 1}-01` });
          if (response.status === 422) checked += 1;
          else expect(response.status).toBe(429);
        }
      }
      expect(checked).toBe(5);
    });
  });

  describe('registration and reset answer alike for known and unknown addresses', () => {
    it('answers a second registration of an address exactly like a first, and tells the owner by mail', async () => {
      const owner = await registerUser(api);
      const fresh = `someone-new-${randomUUID().slice(0, 8)}@example.test`;
      const taken = await api.http
        .post('/api/v1/auth/register')
        .send({ email: owner.email, password: 'the squatter tries this', displayName: 'Copy' })
        .expect(202);
      const free = await api.http
        .post('/api/v1/auth/register')
        .send({ email: fresh, password: 'a new person’s secret', displayName: 'New' })
        .expect(202);
      expect(taken.body).toEqual(free.body);
      expect(taken.headers['content-type']).toBe(free.headers['content-type']);
      const notice = await mail.next(owner.email, (message) => message.subject.includes('already have'));
      expect(notice.text).toMatch(/token=/);
      await mail.next(fresh, (message) => message.subject.includes('Confirm'));
      // The owner's password still works; the squatter's does not.
      await api.http.post('/api/v1/auth/login').send({ email: owner.email, password: owner.password }).expect(200);
      await api.http.post('/api/v1/auth/login').send({ email: owner.email, password: 'the squatter tries this' }).expect(401);
    });

    it('takes as long to answer a reset request for an unknown address as for a known one', async () => {
      // Requests are timed in pairs, one of each kind back to back, and the pairs' ratios compared:
      // a burst of other work on the machine slows both halves of a pair alike, where two separate
      // medians would each take the burst differently. The leak this guards against took twice as long.
      const ratios: number[] = [];
      for (let i = 0; i < 40; i++) {
        const owner = await registerUser(api);
        const emails = [owner.email, `nobody-${randomUUID().slice(0, 8)}@example.test`];
        // Alternate which goes first, so work the worker does after one request weighs on both alike.
        const order = i % 2 ? [1, 0] : [0, 1];
        const took = [0, 0];
        for (const index of order) {
          const started = process.hrtime.bigint();
          await api.http.post('/api/v1/auth/password-reset').send({ email: emails[index] }).expect(202);
          took[index] = Number(process.hrtime.bigint() - started) / 1e6;
        }
        ratios.push(took[0] / took[1]);
      }
      const ratio = median(ratios);
      expect(ratio).toBeLessThan(1.5);
      expect(ratio).toBeGreaterThan(1 / 1.5);
    });

    it('mails at most three reset links an hour to one address, answering every request the same', async () => {
      const owner = await registerUser(api);
      for (let i = 0; i < 5; i++) await api.http.post('/api/v1/auth/password-reset').send({ email: owner.email }).expect(202);
      // Each request commits before its answer, so the mails it asked for are already in the outbox.
      const [{ requested }] = await api.app.get(DataSource).query<{ requested: number }[]>(
        `SELECT count(*)::int AS requested FROM outbox_event
            WHERE type = 'account.password_reset_requested' AND payload->'payload'->>'userId' = $1`,
        [owner.id],
      );
      expect(requested).toBe(3);
      await mail.next(owner.email, () => mail.to(owner.email).filter((message) => message.subject.includes('Reset')).length === 3);
    });
  });
});
