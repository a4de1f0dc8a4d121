import { createTestApp, registerUser, RunningApp } from '@polity/testing';

describe('auth: register, login, refresh rotation, logout', () => {
  let api: RunningApp;

  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it('registers a citizen, who then signs in with the account and a token pair', async () => {
    const registered = await api.http
      .post('/api/v1/auth/register')
      .send({ email: '  New.Person@Example.TEST ', password: 'a long enough secret', displayName: ' Nia ' })
      .expect(202);
    expect(registered.body).toEqual({ detail: expect.stringContaining('Check your mailbox') });
    const response = await api.http
      .post('/api/v1/auth/login')
      .send({ email: 'new.person@example.test', password: 'a long enough secret' })
      .expect(200);
    expect(response.body).toMatchObject({
      user: { email: 'new.person@example.test', displayName: 'Nia', roles: ['citizen'], verified: false },
      accessTokenExpiresIn: 900,
    });
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body.refreshToken).toEqual(expect.any(String));

    const me = await api.http.get('/api/v1/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body.id).toBe(response.body.user.id);
  });

  it('keeps one account per email, whatever its case, without saying so to the registrant', async () => {
    const user = await registerUser(api);
    await api.http
      .post('/api/v1/auth/register')
      .send({ email: user.email.toUpperCase(), password: 'another long secret', displayName: 'Copy' })
      .expect(202);
    await api.http.post('/api/v1/auth/login').send({ email: user.email, password: 'another long secret' }).expect(401);
    await api.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(200);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const user = await registerUser(api);
    const wrongPassword = await api.http.post('/api/v1/auth/login').send({ email: user.email, password: 'not the password' }).expect(401);
    const unknownEmail = await api.http
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.test', password: 'not the password' })
      .expect(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, correlationId: undefined });
    expect(strip(wrongPassword.body)).toEqual(strip(unknownEmail.body));
    expect(wrongPassword.body.code).toBe('invalid_credentials');
  });

  it('throttles an account after repeated failures, even for the right password', async () => {
    const user = await registerUser(api);
    for (let attempt = 0; attempt < 5; attempt++) {
      await api.http.post('/api/v1/auth/login').send({ email: user.email, password: 'wrong guess' }).expect(401);
    }
    const blocked = await api.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(blocked.body.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('signs in with the right password', async () => {
    const user = await registerUser(api);
    const response = await api.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(200);
    expect(response.body.user.id).toBe(user.id);
  });

  it('rotates refresh tokens, and reuse of a rotated one revokes the whole family', async () => {
    const user = await registerUser(api);
    const first = await api.http.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    await api.http.get('/api/v1/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);

    const reuse = await api.http.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('refresh_token_reused');

    // The successor, and the access token issued with it, died with the family.
    await api.http.post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    await api.http.get('/api/v1/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(401);
  });

  it('logs out: the access token and the refresh token stop working at once', async () => {
    const user = await registerUser(api);
    await api.http.post('/api/v1/auth/logout').set('Authorization', user.auth).expect(204);
    const me = await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(401);
    expect(me.body.code).toBe('invalid_token');
    await api.http.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
  });

  it('requires a token for /me and says so in problem+json', async () => {
    const response = await api.http.get('/api/v1/me').expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 401,
      code: 'authentication_required',
      type: 'urn:polity:problem:authentication_required',
    });
  });
});
