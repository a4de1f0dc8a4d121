// @ts-check
const { createHash } = require('node:crypto');
const { join, relative } = require('node:path');
const { tmpdir } = require('node:os');

/** Migrated once per run; every test file works on a copy of it (see suite-setup.js). Override with TEST_DATABASE_URL. */
const templateDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/polity_test';

/** The database and Redis namespace of one test file, named after its path. */
function suiteResources(testPath) {
  const id = createHash('sha1').update(relative(__dirname, testPath)).digest('hex').slice(0, 12);
  const url = new URL(templateDatabaseUrl);
  url.pathname = `/${decodeURIComponent(url.pathname.slice(1))}_s_${id}`;
  return { databaseUrl: url.toString(), redisPrefix: `polity-test-${id}` };
}

/** A database name as an SQL identifier. */
const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/**
 * Runs `work` with a connection to the server's `postgres` database (where databases are created and
 * dropped), the template's name, and the names of the suite copies that exist now.
 */
async function withMaintenanceConnection(work) {
  const { Client } = require('pg');
  const template = decodeURIComponent(new URL(templateDatabaseUrl).pathname.slice(1));
  const maintenance = new URL(templateDatabaseUrl);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const copies = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${template}_s_%`]);
    return await work(
      admin,
      template,
      copies.rows.map((row) => row.datname),
    );
  } finally {
    await admin.end();
  }
}

/**
 * Where tests run. Each test file gets a database of its own, copied from the migrated template,
 * and a Redis namespace of its own: nothing one suite leaves behind (an outbox backlog, a
 * platform-wide setting, a rate-limit counter) reaches another. Read lazily, since the suite's
 * names are set when the file starts.
 */
module.exports = {
  templateDatabaseUrl,
  suiteResources,
  withMaintenanceConnection,
  quote,
  // Mail the apps under test write when a test starts no SMTP server; emptied at the start of every run.
  testMailDropDir: join(tmpdir(), 'polity-test-mail'),
  // A Redis database of its own, emptied at the start of every run.
  testRedisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15',
  get testDatabaseUrl() {
    return process.env.POLITY_SUITE_DATABASE_URL ?? templateDatabaseUrl;
  },
  get testRedisPrefix() {
    return process.env.POLITY_SUITE_REDIS_PREFIX ?? 'polity-test';
  },
};
