import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS } from '@polity/identity';
import { OutboxEventEntity, PLATFORM_MIGRATIONS, SchemaCatalogue } from '@polity/platform';

/**
 * Every table's entity and every migration, gathered from the libraries that own them. The api,
 * the worker, the CLI and the tests all build their DataSource from this one list.
 */
export const POLITY_SCHEMA: SchemaCatalogue = {
  entities: [OutboxEventEntity, ...IDENTITY_ENTITIES],
  migrations: [...PLATFORM_MIGRATIONS, ...IDENTITY_MIGRATIONS],
};
