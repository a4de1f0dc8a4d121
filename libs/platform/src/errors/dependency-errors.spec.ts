import { unavailableDependency } from './dependency-errors';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('unavailableDependency', () => {
  it('names PostgreSQL going or gone, as pg and TypeORM report it', () => {
    expect(unavailableDependency(pgError('57P01', 'terminating connection due to administrator command'))).toBe('database');
    expect(unavailableDependency(pgError('57P03', 'the database system is starting up'))).toBe('database');
    expect(unavailableDependency({ name: 'QueryFailedError', driverError: pgError('ECONNREFUSED') })).toBe('database');
    expect(unavailableDependency(new Error('Connection terminated unexpectedly'))).toBe('database');
    expect(unavailableDependency(pgError('55000', 'database "polity" is not currently accepting connections'))).toBe('database');
    expect(unavailableDependency(Object.assign(new Error('released'), { name: 'QueryRunnerAlreadyReleasedError' }))).toBe('database');
  });

  it('names Redis away, as ioredis reports it', () => {
    expect(
      unavailableDependency(
        Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }),
      ),
    ).toBe('redis');
    expect(unavailableDependency(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe('redis');
    expect(unavailableDependency(new Error('Connection is closed.'))).toBe('redis');
  });

  it('leaves every other error alone: those are bugs or refusals, not outages', () => {
    expect(unavailableDependency(pgError('23505', 'duplicate key value violates unique constraint'))).toBeNull();
    expect(unavailableDependency({ name: 'QueryFailedError', driverError: pgError('42P01', 'relation "x" does not exist') })).toBeNull();
    expect(unavailableDependency(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
    expect(unavailableDependency(undefined)).toBeNull();
  });
});
