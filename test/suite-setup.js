// @ts-check
/* global expect, beforeAll */
const { Client } = require('pg');

/**
 * Runs in every test file before its own code: names the file's database and Redis namespace, and
 * makes the database as a copy of the migrated template (a copy takes a fraction of a second).
 */
const { testPath } = expect.getState();
const { suiteResources, templateDatabaseUrl } = require('./test-environment');
const { databaseUrl, redisPrefix } = suiteResources(testPath);
process.env.POLITY_SUITE_DATABASE_URL = databaseUrl;
process.env.POLITY_SUITE_REDIS_PREFIX = redisPrefix;

// Unit specs beside the code touch no database.
const needsDatabase = testPath.endsWith('.e2e-spec.ts');

beforeAll(async () => {
  if (!needsDatabase) return;
  const maintenance = new URL(templateDatabaseUrl);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
    const template = decodeURIComponent(new URL(templateDatabaseUrl).pathname.slice(1));
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
}, 60_000);
