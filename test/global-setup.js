// @ts-check
const { Client } = require('pg');
const Redis = require('ioredis').default;
const { rm } = require('node:fs/promises');
const { testDatabaseUrl, testMailDropDir, testRedisUrl } = require('./test-environment');

/**
 * Once per `npm test`: a fresh, empty test database (the first app a test boots migrates it, under
 * the same advisory lock production uses), an empty Redis test database and an empty mail drop folder. Refuses any database
 * whose name does not say it is for tests.
 */
module.exports = async function globalSetup() {
  const url = new URL(testDatabaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name.includes('test')) throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);

  const maintenance = new URL(testDatabaseUrl);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  const database = new Client({ connectionString: testDatabaseUrl });
  await database.connect();
  try {
    await database.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  } finally {
    await database.end();
  }

  await rm(testMailDropDir, { recursive: true, force: true });

  const redis = new Redis(testRedisUrl);
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
};
