import { createTestApp, createUserWithRoles, registerUser, RunningApp, signIn, TestUser } from '@polity/testing';
import { DataSource } from 'typeorm';

describe('roles, resident verification and GDPR', () => {
  let api: RunningApp;
  let admin: TestUser;
  const initialAdmin = { email: 'first.admin@example.test', password: 'initial admin password' };

  beforeAll(async () => {
    api = await createTestApp({ ADMIN_EMAIL: initialAdmin.email, ADMIN_PASSWORD: initialAdmin.password });
    admin = await createUserWithRoles(api, ['admin']);
  });
  afterAll(() => api.close());

  describe('roles', () => {
    it('creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD at start', async () => {
      const login = await api.http.post('/api/v1/auth/login').send(initialAdmin).expect(200);
      expect(login.body.user.roles).toEqual(expect.arrayContaining(['citizen', 'admin']));
      await api.http.get('/api/v1/admin/users').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    });

    it('answers a citizen 403 on every admin route and an anonymous caller 401', async () => {
      const citizen = await registerUser(api);
      for (const [method, path] of [
        ['get', '/api/v1/admin/users'],
        ['put', `/api/v1/admin/users/${citizen.id}/roles`],
        ['get', '/api/v1/admin/census'],
        ['post', '/api/v1/admin/census'],
        ['get', '/api/v1/admin/jobs?queue=account'],
      ] as const) {
        const forbidden = await api.http[method](path)
          .set('Authorization', citizen.auth)
          .send({ roles: ['admin'] });
        expect(`${method} ${path} ${forbidden.status}`).toBe(`${method} ${path} 403`);
        expect(forbidden.body.code).toBe('forbidden');
        const anonymous = await api.http[method](path).send({});
        expect(`${method} ${path} ${anonymous.status}`).toBe(`${method} ${path} 401`);
      }
    });

    it('lets an admin grant roles; they hold at once, for the tokens already issued too', async () => {
      const person = await registerUser(api);
      const granted = await api.http
        .put(`/api/v1/admin/users/${person.id}/roles`)
        .set('Authorization', admin.auth)
        .send({ roles: ['moderator', 'official'] })
        .expect(200);
      expect(granted.body.roles).toEqual(['citizen', 'moderator', 'official']);

      // Every request reads the account's roles, so nobody has to sign in again to use (or lose) them.
      await api.http.get('/api/v1/moderation/queue').set('Authorization', person.auth).expect(200);
      const fresh = await signIn(api, person);
      const me = await api.http.get('/api/v1/me').set('Authorization', fresh.auth).expect(200);
      expect(me.body.roles).toEqual(['citizen', 'moderator', 'official']);
      await api.http.put(`/api/v1/admin/users/${person.id}/roles`).set('Authorization', admin.auth).send({ roles: [] }).expect(200);
      await api.http.get('/api/v1/moderation/queue').set('Authorization', fresh.auth).expect(403);
    });

    it('refuses unknown roles with a field error', async () => {
      const person = await registerUser(api);
      const response = await api.http
        .put(`/api/v1/admin/users/${person.id}/roles`)
        .set('Authorization', admin.auth)
        .send({ roles: ['king'] })
        .expect(400);
      expect(response.body.errors[0].field).toMatch(/^roles/);
    });

    it('will not let an admin remove their own admin role (another admin must)', async () => {
      const second = await createUserWithRoles(api, ['admin']);
      const refused = await api.http.put(`/api/v1/admin/users/${second.id}/roles`).set('Authorization', second.auth).send({ roles: [] });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('cannot_demote_self');
      await api.http.put(`/api/v1/admin/users/${second.id}/roles`).set('Authorization', admin.auth).send({ roles: [] }).expect(200);
    });
  });

  describe('census verification', () => {
    const census = ['identifier,birth_date,district', 'R-1001,1984-03-09,north', 'R-1002,1990-12-01,south', 'R-1003,1975-06-30,'].join(
      '\n',
    );

    beforeAll(async () => {
      await api.http.post('/api/v1/admin/census').set('Authorization', admin.auth).set('Content-Type', 'text/csv').send(census).expect(201);
    });

    it('stores only hashes: no identifier or birth date in the database', async () => {
      const dump: { row: string }[] = await api.app.get(DataSource).query('SELECT row_to_json(c)::text AS row FROM census_entry c');
      expect(dump.length).toBeGreaterThanOrEqual(3);
      for (const { row } of dump) {
        expect(row).not.toMatch(/R-100|1001|1984|03-09/);
      }
    });

    it('verifies a citizen whose details match, and records their district', async () => {
      const citizen = await registerUser(api);
      const response = await api.http
        .post('/api/v1/me/verification')
        .set('Authorization', citizen.auth)
        .send({ identifier: ' r-1001 ', birthDate: '1984-03-09' })
        .expect(200);
      expect(response.body).toMatchObject({ verified: true, residentDistrict: 'north' });
      const me = await api.http.get('/api/v1/me').set('Authorization', citizen.auth).expect(200);
      expect(me.body.verified).toBe(true);
    });

    it('lets one census entry verify one account only', async () => {
      const first = await registerUser(api);
      const second = await registerUser(api);
      const claim = { identifier: 'R-1002', birthDate: '1990-12-01' };
      await api.http.post('/api/v1/me/verification').set('Authorization', first.auth).send(claim).expect(200);
      const refused = await api.http.post('/api/v1/me/verification').set('Authorization', second.auth).send(claim).expect(409);
      expect(refused.body.code).toBe('census_entry_claimed');
      const me = await api.http.get('/api/v1/me').set('Authorization', second.auth).expect(200);
      expect(me.body.verified).toBe(false);
    });

    it('answers 422 for details not on the census, then 429 after repeated failures', async () => {
      const guesser = await registerUser(api);
      for (let attempt = 0; attempt < 5; attempt++) {
        const miss = await api.http
          .post('/api/v1/me/verification')
          .set('Authorization', guesser.auth)
          .send({ identifier: `R-9${attempt}`, birthDate: '1984-03-09' })
          .expect(422);
        expect(miss.body.code).toBe('not_in_census');
      }
      const blocked = await api.http
        .post('/api/v1/me/verification')
        .set('Authorization', guesser.auth)
        .send({ identifier: 'R-1003', birthDate: '1975-06-30' })
        .expect(429);
      expect(blocked.body.code).toBe('rate_limited');
    });

    it('rejects a census with bad rows as a whole, naming the lines', async () => {
      const response = await api.http
        .post('/api/v1/admin/census')
        .set('Authorization', admin.auth)
        .set('Content-Type', 'text/csv')
        .send('identifier,birth_date\nR-2001,1984-03-09\nR-2002,not a date\n')
        .expect(422);
      expect(response.body.code).toBe('census_rows_invalid');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'line 3' })]);
    });

    it('replace mode drops unclaimed entries missing from the new file but keeps claimed ones', async () => {
      const before = await api.http.get('/api/v1/admin/census').set('Authorization', admin.auth).expect(200);
      const replaced = await api.http
        .post('/api/v1/admin/census?mode=replace')
        .set('Authorization', admin.auth)
        .set('Content-Type', 'text/csv')
        .send('identifier,birth_date\nR-1001,1984-03-09\nR-5000,2000-01-01\n')
        .expect(201);
      expect(replaced.body).toMatchObject({ rows: 2, added: 1 });
      const after = await api.http.get('/api/v1/admin/census').set('Authorization', admin.auth).expect(200);
      expect(after.body.claimed).toBe(before.body.claimed);
      expect(after.body.entries).toBe(before.body.claimed + 1);
    });
  });

  describe('GDPR', () => {
    it('exports everything about me as a JSON download', async () => {
      const person = await registerUser(api);
      const response = await api.http.get('/api/v1/me/data').set('Authorization', person.auth).expect(200);
      expect(response.headers['content-disposition']).toMatch(/attachment/);
      expect(response.body.account).toMatchObject({ id: person.id, email: person.email, displayName: person.displayName });
      expect(response.body.account.sessions).toHaveLength(1);
      expect(JSON.stringify(response.body)).not.toMatch(/argon2|passwordHash/);
    });

    it('erases the account: personal fields emptied, tokens dead, email free again', async () => {
      const person = await registerUser(api);
      await api.http.delete('/api/v1/me').set('Authorization', person.auth).send({ password: 'wrong password' }).expect(403);
      await api.http.delete('/api/v1/me').set('Authorization', person.auth).send({ password: person.password }).expect(204);

      await api.http.get('/api/v1/me').set('Authorization', person.auth).expect(401);
      await api.http.post('/api/v1/auth/refresh').send({ refreshToken: person.refreshToken }).expect(401);
      await api.http.post('/api/v1/auth/login').send({ email: person.email, password: person.password }).expect(401);
      const [row]: { email: string | null; display_name: string; password_hash: string | null; erased_at: Date | null }[] = await api.app
        .get(DataSource)
        .query('SELECT email, display_name, password_hash, erased_at FROM user_account WHERE id = $1', [person.id]);
      expect(row).toEqual({ email: null, display_name: '', password_hash: null, erased_at: expect.any(Date) });
      await registerUser(api, { email: person.email });
    });

    it('refuses to erase the only admin', async () => {
      const dataSource = api.app.get(DataSource);
      const admins: { id: string }[] = await dataSource.query(
        `SELECT id FROM user_account WHERE 'admin' = ANY(roles) AND erased_at IS NULL`,
      );
      const keep = admins[0].id;
      const lone = await createUserWithRoles(api, ['admin']);
      await dataSource.query(`UPDATE user_account SET roles = ARRAY['citizen'] WHERE id <> $1 AND id <> $2 AND 'admin' = ANY(roles)`, [
        keep,
        lone.id,
      ]);
      await dataSource.query(`UPDATE user_account SET roles = ARRAY['citizen'] WHERE id = $1`, [keep]);
      const refused = await api.http.delete('/api/v1/me').set('Authorization', lone.auth).send({ password: lone.password }).expect(409);
      expect(refused.body.code).toBe('last_admin');
    });
  });
});
