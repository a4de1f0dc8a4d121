import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import type { DatabaseConfig } from '../config/polity-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface SchemaCatalogue {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes as plain constructors
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- migrations are classes
  migrations: MixedList<Function | string>;
}

/** The one DataSource definition, shared by the api, the worker, the CLI and the tests. */
export function buildDataSourceOptions(database: DatabaseConfig, schema: SchemaCatalogue): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension needs installing.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: database.poolSize,
      application_name: 'polity',
      // While PostgreSQL restarts, a request waits this long for a connection, then gets a 503.
      connectionTimeoutMillis: 5_000,
      // A statement stuck behind a lock should fail the request, not hang it.
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
    },
  };
}
