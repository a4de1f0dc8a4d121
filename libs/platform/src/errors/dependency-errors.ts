/**
 * Errors that say PostgreSQL or Redis is away (restarting, refusing connections, a connection cut),
 * as opposed to a fault of ours: the request should be answered 503 and tried again, and a job
 * should wait, not spend one of its attempts.
 */

/** PostgreSQL's SQLSTATEs for a server going or gone: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, connection_exception…. */
const POSTGRES_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
/** pg and ioredis say it in words only. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection is closed/i,
  /Stream isn't writeable/i,
  /Reached the max retries per request limit/i,
  /Command timed out/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /is not currently accepting connections/i,
];

export type UnavailableDependency = 'database' | 'redis';

/** Which dependency an error says is away, or null for any other error. */
export function unavailableDependency(error: unknown): UnavailableDependency | null {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message, name, driverError, cause } = current as {
      code?: unknown;
      message?: unknown;
      name?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    const redis =
      name === 'MaxRetriesPerRequestError' ||
      (typeof message === 'string' &&
        /Stream isn't writeable|max retries per request|Connection is closed|Command timed out/i.test(message));
    if (redis) return 'redis';
    // TypeORM's word for a query on a connection that an outage already took away.
    if (name === 'QueryRunnerAlreadyReleasedError' || name === 'QueryRunnerProviderAlreadyReleasedError') return 'database';
    if (typeof code === 'string' && (POSTGRES_UNAVAILABLE.has(code) || SOCKET_CODES.has(code))) return 'database';
    if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return 'database';
    current = driverError ?? cause;
  }
  return null;
}
