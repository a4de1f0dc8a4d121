// @ts-check
/** Where tests run: override with TEST_DATABASE_URL / TEST_REDIS_URL. */
module.exports = {
  testDatabaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/polity_test',
  // A Redis database of its own, emptied at the start of every run.
  testRedisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15',
};
