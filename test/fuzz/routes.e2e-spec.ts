import { Client } from 'pg';
import { createTestApp, type RunningApp } from '@polity/testing';
import { testDatabaseUrl } from '../test-environment';
import type { OpenApiDocument } from './operations';
import { RouteFuzzer } from './route-fuzzer';
import { buildWorld, type World } from './world';

/** `npm test` sends a short, fixed-seed run; `npm run fuzz` a long one (FUZZ_REQUESTS, FUZZ_SEED). */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1200);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);

/**
 * A database and Redis namespace of its own: the fuzzer's admin changes platform-wide settings
 * (moderation policies, screening rules, districts) that other suites must not inherit.
 */
async function freshFuzzDatabase(): Promise<Record<string, string>> {
  const url = new URL(testDatabaseUrl);
  const name = `${decodeURIComponent(url.pathname.slice(1))}_fuzz`;
  const maintenance = new URL(testDatabaseUrl);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString(), REDIS_PREFIX: `polity-test-fuzz-${Date.now()}` };
}

describe('every documented route, as every kind of caller, under generated requests', () => {
  let api: RunningApp;
  let world: World;
  let document: OpenApiDocument;

  beforeAll(async () => {
    const env = await freshFuzzDatabase();
    api = await createTestApp(env);
    world = await buildWorld(api, env);
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
