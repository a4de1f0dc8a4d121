// @ts-check
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const Redis = require('ioredis').default;
const { rm } = require('node:fs/promises');
const { buildClient } = require('../scripts/build-client');
const { quote, templateDatabaseUrl, testMailDropDir, testRedisUrl, withMaintenanceConnection } = require('./test-environment');

/**
 * Once per `npm test`: a fresh template database, migrated (with the built CLI; without a build,
 * each suite's copy migrates at its first app start instead), no copies left from an earlier run,
 * an empty Redis test database and an empty mail drop folder. Refuses any database whose name
 * does not say it is for tests.
 */
module.exports = async function globalSetup() {
  const name = decodeURIComponent(new URL(templateDatabaseUrl).pathname.slice(1));
  if (!name.includes('test')) throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);

  await withMaintenanceConnection(async (admin, template, copies) => {
    for (const datname of [...copies, template]) await admin.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quote(template)}`);
  });

  const cli = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
  if (existsSync(cli)) {
    const migrated = spawnSync(process.execPath, [cli, 'migrate'], {
      env: { ...process.env, DATABASE_URL: templateDatabaseUrl, LOG_LEVEL: 'silent', NODE_OPTIONS: '--no-deprecation' },
      encoding: 'utf8',
    });
    if (migrated.status !== 0) throw new Error(`Migrating the test template failed:\n${migrated.stderr}`);
  }

  await rm(testMailDropDir, { recursive: true, force: true });
  buildClient();

  const redis = new Redis(testRedisUrl);
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
};
