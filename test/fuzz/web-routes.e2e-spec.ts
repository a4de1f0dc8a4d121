import { createProposal, createTestApp, registerUser, type RunningApp, type TestUser } from '@polity/testing';
import fc from 'fast-check';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent';

/** Like the api's fuzzer: a short fixed-seed run in `npm test`, a longer one with WEB_FUZZ_RUNS and FUZZ_SEED. */
const RUNS = Number(process.env.WEB_FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);

interface Route {
  method: 'get' | 'post';
  path: string;
}

/** The field and query names the site's pages read, so the junk reaches real code paths. */
const NAMES = [
  'q',
  'sort',
  'seed',
  'cursor',
  'district',
  'status',
  'comments',
  'next',
  'back',
  'to',
  'token',
  'kind',
  'id',
  'before',
  'saved',
  'verified',
  'body',
  'alignment',
  'title',
  'tags',
  'reason',
  'note',
  'value',
  'support',
  'follow',
  'email',
  'password',
  'displayName',
  'identifier',
  'birthDate',
  'postcode',
  'locale',
  'text',
  'action',
  'comment_reply',
];

const junk = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    'null',
    'undefined',
    'true',
    '[]',
    '{}',
    '%00',
    '\u0000',
    '../../etc/passwd',
    '//evil.example/x',
    'https://evil.example/',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '${7*7}',
    '😀'.repeat(50),
    'a'.repeat(20_000),
    '00000000-0000-4000-8000-000000000000',
    'up',
    'down',
    'clear',
    'remove',
    'add',
    'withdraw',
    'preview',
    'publish',
    'best',
    'newest',
    'random',
    'published',
    'proposals',
    'comments',
    'fr',
    'en',
    'xx',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 20, unit: 'grapheme' }),
);

/** A form or query: junk under real names, sometimes as arrays or nested objects (`a[]=`, `a[b]=`). */
const fields = fc.array(
  fc
    .tuple(fc.constantFrom(...NAMES), fc.constantFrom('', '[]', '[x]', '[0][y]'), junk)
    .map(([name, shape, value]) => [`${name}${shape}`, value] as const),
  { maxLength: 8 },
);

const encode = (pairs: readonly (readonly [string, string])[]): string =>
  pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');

describe('every page of the site, signed out and in, under generated requests', () => {
  let api: RunningApp;
  let routes: Route[];
  let ids: string[];
  let resident: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    resident = await registerUser(api);
    const author = await registerUser(api);
    const proposal = await createProposal(api, author);
    const comment = await api.http
      .post(`/api/v1/proposals/${proposal.id}/comments`)
      .set('Authorization', author.auth)
      .send({ body: 'Something to fuzz.' })
      .expect(201);
    ids = [proposal.id, comment.body.id as string];
    // The site's routes as Express holds them, so a page added later is fuzzed without a change here.
    const instance = api.app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    routes = instance.router.stack
      .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((method) => ({ method, path: layer.route!.path })) : []))
      .filter(
        (route): route is Route =>
          (route.method === 'get' || route.method === 'post') && !route.path.startsWith('/api') && !route.path.includes('*'),
      )
      // Signing out would end the session the signed-in half of the run uses; its own tests cover it.
      .filter((route) => route.path !== '/sign-out');
  }, 60_000);
  afterAll(() => api.close());

  /** A browser-like caller: its cookies, and the form token of its session. */
  async function caller(signedIn: boolean): Promise<{ agent: TestAgent; csrf: string }> {
    const agent = supertest.agent(api.app.getHttpServer());
    const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    let csrf = tokenOf((await agent.get('/sign-in').expect(200)).text);
    if (signedIn) {
      await agent
        .post('/sign-in')
        .set('Origin', api.url)
        .type('form')
        .send(
          encode([
            ['_csrf', csrf],
            ['email', resident.email],
            ['password', resident.password],
            ['next', '/'],
          ]),
        )
        .expect(303);
      csrf = tokenOf((await agent.get('/proposals/new').expect(200)).text);
    }
    return { agent, csrf };
  }

  for (const signedIn of [false, true]) {
    it(`never answers 5xx, and answers every failure with a page (${signedIn ? 'signed in' : 'signed out'})`, async () => {
      const { agent, csrf } = await caller(signedIn);
      const failures: string[] = [];
      const statuses: Record<number, number> = {};
      const segment = fc.oneof(
        fc.constantFrom(...ids),
        junk.filter((value) => value.length > 0),
      );
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(
            fc.array(segment, { minLength: 3, maxLength: 3 }),
            fields,
            fields,
            fc.boolean(),
            async (segments, query, form, withToken) => {
              let index = 0;
              const path = route.path.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(segments[index++]));
              const url = query.length > 0 ? `${path}?${encode(query)}` : path;
              const request =
                route.method === 'get'
                  ? agent.get(url)
                  : agent
                      .post(url)
                      .set('Origin', api.url)
                      .type('form')
                      .send(encode(withToken ? [['_csrf', csrf], ...form] : form));
              const response = await request.redirects(0);
              statuses[response.status] = (statuses[response.status] ?? 0) + 1;
              const page = /^text\/html/.test(response.headers['content-type'] ?? '');
              if (response.status >= 500) failures.push(`${route.method.toUpperCase()} ${url.slice(0, 200)} → ${response.status}`);
              // 431 (an address longer than Node reads) is answered before any route, by the server's client-error handler.
              else if (
                response.status >= 400 &&
                response.status !== 431 &&
                !page &&
                !path.startsWith('/assets') &&
                !path.startsWith('/health')
              )
                failures.push(
                  `${route.method.toUpperCase()} ${url.slice(0, 200)} → ${response.status} ${response.headers['content-type']}`,
                );
              return true;
            },
          ),
          { numRuns: RUNS, seed: SEED },
        );
      }
      process.stdout.write(
        `\nweb fuzzer (seed ${SEED}, ${signedIn ? 'signed in' : 'visitor'}): ${routes.length} routes, statuses ${JSON.stringify(statuses)}\n`,
      );
      expect(failures).toEqual([]);
    }, 600_000);
  }
});
