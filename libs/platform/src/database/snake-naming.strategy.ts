import { createHash } from 'node:crypto';
import { DefaultNamingStrategy, NamingStrategyInterface, Table } from 'typeorm';

const POSTGRES_IDENTIFIER_LIMIT = 63;

export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** Keeps a constraint name readable, and within PostgreSQL's limit by ending long ones in a short hash. */
function fit(name: string): string {
  if (name.length <= POSTGRES_IDENTIFIER_LIMIT) return name;
  const digest = createHash('sha1').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, POSTGRES_IDENTIFIER_LIMIT - 9)}_${digest}`;
}

function tableOf(tableOrName: Table | string): string {
  const name = typeof tableOrName === 'string' ? tableOrName : tableOrName.name;
  return name.split('.').pop() ?? name;
}

/**
 * snake_case columns, and constraint names a person can read in a migration or an error
 * (`uq_support_proposal_id_user_id` rather than `UQ_3f1c...`). Hand-written migrations use the
 * same names, so the drift check compares like with like.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(targetName: string, userSpecifiedName: string | undefined): string {
    return userSpecifiedName ?? snakeCase(targetName.replace(/Entity$/, ''));
  }

  override columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    return snakeCase([...embeddedPrefixes, customName ?? propertyName].join('_'));
  }

  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }

  override joinTableName(firstTableName: string, secondTableName: string, firstPropertyName: string): string {
    return snakeCase(`${firstTableName}_${firstPropertyName.replace(/\./g, '_')}_${secondTableName}`);
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snakeCase(`${tableName}_${columnName ?? propertyName}`);
  }

  override primaryKeyName(tableOrName: Table | string): string {
    return fit(`pk_${tableOf(tableOrName)}`);
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return fit(`uq_${tableOf(tableOrName)}_${columnNames.join('_')}`);
  }

  override relationConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return fit(`rel_${tableOf(tableOrName)}_${columnNames.join('_')}`);
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return fit(`fk_${tableOf(tableOrName)}_${columnNames.join('_')}`);
  }

  override indexName(tableOrName: Table | string, columnNames: string[], where?: string): string {
    const suffix = where ? '_partial' : '';
    return fit(`idx_${tableOf(tableOrName)}_${columnNames.join('_')}${suffix}`);
  }

  override defaultConstraintName(tableOrName: Table | string, columnName: string): string {
    return fit(`df_${tableOf(tableOrName)}_${columnName}`);
  }
}
