// @ts-check
/* global expect, beforeAll */
/**
 * Runs in every test file before its own code: names the file's database and Redis namespace, and
 * makes the database as a copy of the migrated template (a copy takes a fraction of a second).
 */
const { testPath } = expect.getState();
const { quote, suiteResources, withMaintenanceConnection } = require('./test-environment');
const { databaseUrl, redisPrefix } = suiteResources(testPath);
process.env.POLITY_SUITE_DATABASE_URL = databaseUrl;
process.env.POLITY_SUITE_REDIS_PREFIX = redisPrefix;

// Unit specs beside the code touch no database.
const needsDatabase = testPath.endsWith('.e2e-spec.ts');

beforeAll(async () => {
  if (!needsDatabase) return;
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  await withMaintenanceConnection(async (admin, template) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`);
  });
}, 60_000);
