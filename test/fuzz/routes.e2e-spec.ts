import { createTestApp, type RunningApp } from '@polity/testing';
import type { OpenApiDocument } from './operations';
import { RouteFuzzer } from './route-fuzzer';
import { buildWorld, type World } from './world';

/** `npm test` sends a short, fixed-seed run; `npm run fuzz` a long one (FUZZ_REQUESTS, FUZZ_SEED). */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1200);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);

describe('every documented route, as every kind of caller, under generated requests', () => {
  let api: RunningApp;
  let world: World;
  let document: OpenApiDocument;

  beforeAll(async () => {
    // Like every suite, the fuzzer has a database of its own: the platform-wide settings its admin
    // changes (moderation policies, screening rules, districts) reach no other suite.
    api = await createTestApp();
    world = await buildWorld(api);
    document = (await api.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
  }, 120_000);
  afterAll(() => api.close());

  it(`${REQUESTS} requests: no 5xx, every error problem+json, nobody's data to anyone else, no forbidden success`, async () => {
    const report = await new RouteFuzzer(api, document, world).run(REQUESTS, SEED);
    process.stdout.write(
      `\nroute fuzzer (seed ${SEED}): ${report.requests} requests over ${report.routesCovered} of ${report.routes} documented routes; ` +
        `statuses ${JSON.stringify(report.statuses)}; ${report.failures.length} failures\n`,
    );
    expect(report.routesCovered).toBe(report.routes);
    expect(report.failures).toEqual([]);
  }, 3_600_000);
});
