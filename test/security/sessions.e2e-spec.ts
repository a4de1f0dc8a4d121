import { AdminAccountsService } from '@polity/identity';
import {
  createTestApp,
  createUserWithRoles,
  registerUser,
  RunningApp,
  signIn,
  startMailCatcher,
  startTestWorker,
  type MailCatcher,
} from '@polity/testing';
import Redis from 'ioredis';
import { testRedisPrefix, testRedisUrl } from '../test-environment';

const tokenIn = (text: string): string => {
  const token = /token=([A-Za-z0-9._-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no token in ${text}`);
  return token;
};

describe('sessions: every way a session ends takes effect at once, and survives a Redis restart', () => {
  let mail: MailCatcher;
  let api: RunningApp;
  let worker: RunningApp;
  let redis: Redis;

  beforeAll(async () => {
    mail = await startMailCatcher();
    api = await createTestApp({ SMTP_URL: mail.url });
    worker = await startTestWorker({ SMTP_URL: mail.url });
    redis = new Redis(testRedisUrl);
  });
  afterAll(async () => {
    redis.disconnect();
    await worker.close();
    await api.close();
    await mail.close();
  });

  /** Redis restarting with empty memory: every key of this suite's apps is gone. */
  const forgetRedis = async () => {
    const keys = await redis.keys(`${testRedisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
  };

  it('a password reset ends the access tokens issued before it', async () => {
    const user = await registerUser(api);
    await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(200);
    await api.http.post('/api/v1/auth/password-reset').send({ email: user.email }).expect(202);
    const message = await mail.next(user.email, (candidate) => candidate.subject.includes('Reset'));
    await api.http
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token: tokenIn(message.text), password: 'a brand new passphrase' })
      .expect(204);
    expect((await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(401)).body.code).toBe('invalid_token');
    await api.http
      .post('/api/v1/proposals')
      .set('Authorization', user.auth)
      .send({ title: 'Still me?', body: 'The old token should be dead.', tags: [] })
      .expect(401);
  });

  it('logging out of every session ends every device’s access token', async () => {
    const phone = await registerUser(api);
    const laptop = await signIn(api, phone);
    await api.http.post('/api/v1/auth/logout-all').set('Authorization', laptop.auth).expect(204);
    await api.http.get('/api/v1/me').set('Authorization', phone.auth).expect(401);
    await api.http.get('/api/v1/me').set('Authorization', laptop.auth).expect(401);
    await api.http.post('/api/v1/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(401);
  });

  it('a logout stays in force after Redis loses its memory', async () => {
    const user = await registerUser(api);
    await api.http.post('/api/v1/auth/logout').set('Authorization', user.auth).expect(204);
    await forgetRedis();
    await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(401);
  });

  it('a demoted admin’s old token is not admin again after Redis loses its memory', async () => {
    const admin = await createUserWithRoles(api, ['admin']);
    const other = await createUserWithRoles(api, ['admin']);
    await api.http.put(`/api/v1/admin/users/${admin.id}/roles`).set('Authorization', other.auth).send({ roles: [] }).expect(200);
    await forgetRedis();
    // Rights follow the account's roles now, whatever the token says.
    await api.http.get('/api/v1/admin/users').set('Authorization', admin.auth).expect(403);
  });

  it('an erased account’s token does not act after Redis loses its memory', async () => {
    const user = await registerUser(api);
    await api.http.delete('/api/v1/me').set('Authorization', user.auth).send({ password: user.password }).expect(204);
    await forgetRedis();
    await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(401);
    await api.http
      .post('/api/v1/proposals')
      .set('Authorization', user.auth)
      .send({ title: 'From beyond', body: 'An erased account should not post.', tags: [] })
      .expect(401);
  });

  describe('the operator’s admin account', () => {
    it('create-admin on an address someone registered first gives the operator the account, not the squatter', async () => {
      const squatter = await registerUser(api, { password: 'the squatter’s own password' });
      const outcome = await api.app.get(AdminAccountsService).ensureAdmin(squatter.email, 'the operator’s chosen password');
      expect(outcome).toBe('taken_over');
      // The squatter's sessions and password are gone; the operator signs in as admin.
      await api.http.get('/api/v1/me').set('Authorization', squatter.auth).expect(401);
      await api.http.post('/api/v1/auth/login').send({ email: squatter.email, password: squatter.password }).expect(401);
      const operator = await api.http
        .post('/api/v1/auth/login')
        .send({ email: squatter.email, password: 'the operator’s chosen password' })
        .expect(200);
      expect(operator.body.user.roles).toContain('admin');
    });

    it('leaves an existing admin’s password alone on every later start', async () => {
      const admin = await createUserWithRoles(api, ['admin']);
      expect(await api.app.get(AdminAccountsService).ensureAdmin(admin.email, 'a different configured password')).toBe('unchanged');
      await api.http.post('/api/v1/auth/login').send({ email: admin.email, password: admin.password }).expect(200);
    });

    it('ADMIN_EMAIL at start-up does not promote whoever registered that address first', async () => {
      const squatter = await registerUser(api, { password: 'registered before the operator' });
      const started = await createTestApp({ ADMIN_EMAIL: squatter.email, ADMIN_PASSWORD: 'the operator start-up password' });
      try {
        await started.http.post('/api/v1/auth/login').send({ email: squatter.email, password: squatter.password }).expect(401);
        const login = await started.http
          .post('/api/v1/auth/login')
          .send({ email: squatter.email, password: 'the operator start-up password' })
          .expect(200);
        expect(login.body.user.roles).toContain('admin');
      } finally {
        await started.close();
      }
    });
  });
});
