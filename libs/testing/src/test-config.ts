import { loadConfig, PolityConfig } from '@polity/platform';
import { testDatabaseUrl, testMailDropDir, testRedisPrefix, testRedisUrl } from '../../../test/test-environment';

/**
 * Configuration for an app under test: the test database and Redis, an ephemeral port, quiet logs,
 * mail into the test drop folder unless the test starts an SMTP server,
 * and rate limits high enough that only tests about rate limiting meet them.
 */
export function testConfig(overrides: Record<string, string> = {}): PolityConfig {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    HOST: '127.0.0.1',
    API_PORT: '0',
    WORKER_PORT: '0',
    DATABASE_URL: testDatabaseUrl,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: testRedisUrl,
    REDIS_PREFIX: testRedisPrefix,
    RATE_LIMIT_PER_IP: '1000000',
    RATE_LIMIT_PER_USER: '1000000',
    RATE_LIMIT_AUTH_PER_IP: '1000000',
    SOCKET_MESSAGES_PER_CONNECTION: '1000000',
    SOCKET_MESSAGES_PER_ACCOUNT: '1000000',
    SOCKET_CONNECTIONS_PER_IP: '1000000',
    OUTBOX_POLL_INTERVAL_MS: '200',
    // The same argon2id, at a cost that lets a suite register hundreds of people in seconds.
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_PASSES: '1',
    MAIL_DROP_DIR: testMailDropDir,
    ...overrides,
  };
  const config = loadConfig(env);
  const database = new URL(config.database.url).pathname.slice(1);
  if (!database.includes('test')) throw new Error(`Refusing to run against database "${database}": its name must contain "test".`);
  return config;
}
