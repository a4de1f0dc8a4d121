// @ts-check
/** Where tests run: override with TEST_DATABASE_URL / TEST_REDIS_URL. */
module.exports = {
  // Mail the apps under test write when a test starts no SMTP server; emptied at the start of every run.
  testMailDropDir: require('node:path').join(require('node:os').tmpdir(), 'polity-test-mail'),
  testDatabaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/polity_test',
  // A Redis database of its own, emptied at the start of every run.
  testRedisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15',
};
