import { buildDataSourceOptions, ensureDatabaseExists, PolityConfig } from '@polity/platform';
import { POLITY_SCHEMA } from '@polity/schema';
import { DataSource } from 'typeorm';

/** The same DataSource the api and worker build, for commands that need no Nest container. */
export async function openDataSource(config: PolityConfig): Promise<DataSource> {
  if (config.database.createIfMissing) await ensureDatabaseExists(config.database.url);
  return new DataSource(buildDataSourceOptions(config.database, POLITY_SCHEMA)).initialize();
}
