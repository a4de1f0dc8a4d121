import { createTestApp, registerUser, RunningApp, startTestWorker } from '@polity/testing';
import supertest from 'supertest';

const PROBLEM = /^application\/problem\+json/;

describe('HTTP conventions', () => {
  let api: RunningApp;

  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it('answers validation errors as problem+json listing each field, with a correlation id', async () => {
    const response = await api.http.post('/api/v1/auth/register').send({ email: 'not-an-email', password: 'short' }).expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({
      type: 'urn:polity:problem:validation_failed',
      status: 400,
      code: 'validation_failed',
      instance: '/api/v1/auth/register',
      correlationId: expect.any(String),
    });
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'password']);
    expect(response.headers['x-request-id']).toBe(response.body.correlationId);
  });

  it('refuses properties an endpoint does not know', async () => {
    const response = await api.http
      .post('/api/v1/auth/login')
      .send({ email: 'someone@example.test', password: 'whatever it is', isAdmin: true })
      .expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'isAdmin' })]);
  });

  it('answers an unknown route with a problem+json 404', async () => {
    const response = await api.http.get('/api/v1/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status: 404, code: 'not_found', correlationId: expect.any(String) });
  });

  it('answers malformed JSON with a problem+json 400', async () => {
    const response = await api.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body.code).toBe('malformed_body');
  });

  it('answers a bad path parameter with a 400, not a 500', async () => {
    const admin = await registerUser(api);
    const response = await api.http.put('/api/v1/admin/users/not-a-uuid/roles').set('Authorization', admin.auth).send({ roles: [] });
    expect([400, 403]).toContain(response.status);
    expect(response.headers['content-type']).toMatch(PROBLEM);
  });

  it('sets security headers and paginates with a cursor', async () => {
    const response = await api.http.get('/health/live').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await api.http.get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/me', '/api/v1/admin/users']));
    const ui = await api.http.get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('reports health on the api: live, and ready with PostgreSQL and Redis checked', async () => {
    await api.http.get('/health/live').expect(200);
    const ready = await api.http.get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('reports health on the worker too', async () => {
    const worker = await startTestWorker();
    try {
      const http = supertest(worker.url);
      await http.get('/health/live').expect(200);
      const ready = await http.get('/health/ready').expect(200);
      expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
      await http.get('/api/v1/me').expect(404);
    } finally {
      await worker.close();
    }
  });
});

describe('rate limits, stored in Redis', () => {
  let citizen: RunningApp;
  const opened: RunningApp[] = [];

  /** Two api instances sharing one fresh set of counters, so each test starts from zero. */
  async function instancesWith(limits: Record<string, string>): Promise<[RunningApp, RunningApp]> {
    const env = { RATE_LIMIT_WINDOW_SECONDS: '60', REDIS_PREFIX: `polity-test-limits-${opened.length}-${Date.now()}`, ...limits };
    const pair: [RunningApp, RunningApp] = [await createTestApp(env), await createTestApp(env)];
    opened.push(...pair);
    return pair;
  }

  beforeAll(async () => {
    citizen = await createTestApp();
  });
  afterAll(async () => {
    await Promise.all([citizen, ...opened].map((app) => app.close()));
  });

  it('limits auth endpoints per IP more strictly, with a standard Retry-After', async () => {
    const [a, b] = await instancesWith({ RATE_LIMIT_AUTH_PER_IP: '3' });
    const statuses: number[] = [];
    let refused: supertest.Response | undefined;
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await (attempt % 2 === 0 ? a : b).http
        .post('/api/v1/auth/login')
        .send({ email: `nobody-${attempt}@example.test`, password: 'wrong password' });
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(refused?.headers['content-type']).toMatch(PROBLEM);
    expect(refused?.body.code).toBe('rate_limited');
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused?.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('limits every route per IP, counted across api instances', async () => {
    const [a, b] = await instancesWith({ RATE_LIMIT_PER_IP: '4' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await (attempt % 2 === 0 ? a : b).http.post('/api/v1/auth/refresh').send({ refreshToken: 'x'.repeat(40) })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it('limits each signed-in person, whichever instance they reach', async () => {
    const person = await registerUser(citizen);
    const [a, b] = await instancesWith({ RATE_LIMIT_PER_USER: '3' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await (attempt % 2 === 0 ? a : b).http.get('/api/v1/me').set('Authorization', person.auth)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const other = await registerUser(citizen);
    await a.http.get('/api/v1/me').set('Authorization', other.auth).expect(200);
  });
});
