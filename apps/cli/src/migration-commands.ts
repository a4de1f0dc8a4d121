import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pendingSchemaChanges, PolityConfig, runPendingMigrations } from '@polity/platform';
import { openDataSource } from './data-source';

export async function migrate(config: PolityConfig): Promise<void> {
  const dataSource = await openDataSource(config);
  try {
    const applied = await runPendingMigrations(dataSource);
    console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date.');
  } finally {
    await dataSource.destroy();
  }
}

/** Fails when the entities and the migrated database disagree: a migration is missing. */
export async function checkDrift(config: PolityConfig): Promise<void> {
  const dataSource = await openDataSource(config);
  try {
    const changes = await pendingSchemaChanges(dataSource);
    if (changes.length > 0) {
      console.error(`Schema drift: the entities need SQL no migration provides:\n${changes.join(';\n')};`);
      process.exitCode = 1;
      return;
    }
    console.log('No schema drift: the migrations match the entities.');
  } finally {
    await dataSource.destroy();
  }
}

/** Writes the SQL that would resolve the drift as a migration of the named library. */
export async function generateMigration(config: PolityConfig, library: string, name: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name) || !/^[a-z-]+$/.test(library)) {
    throw new Error('usage: migration:generate <library> <PascalCaseName>');
  }
  const dataSource = await openDataSource(config);
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('No changes: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const quote = (query: string): string => `    await queryRunner.query(\`${query.replace(/`/g, '\\`')}\`);`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((q) => quote(q.query)).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((q) => quote(q.query))
  .join('\n')}
  }
}
`;
    const directory =
      library === 'platform' ? join('libs', 'platform', 'src', 'database', 'migrations') : join('libs', library, 'src', 'migrations');
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.migration.ts`);
    writeFileSync(file, body);
    console.log(`Wrote ${file}; add ${name}${timestamp} to that library's migrations list.`);
  } finally {
    await dataSource.destroy();
  }
}
