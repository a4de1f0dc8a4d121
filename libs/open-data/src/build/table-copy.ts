import { type OpenDataField, type OpenDataTable, Pseudonyms, sqlIdentifier, sqlLiteral } from '@polity/platform';
import type { PoolClient } from 'pg';

/** Where a table's people get their pseudonyms, filled per snapshot (the transaction drops it). */
const PSEUDONYMS = 'open_data_pseudonym';
/** The subjects of the table being written that are not public (see OpenDataTable.hiddenSubjects). */
const HIDDEN = 'open_data_hidden_subject';

/** Types whose text is not the cell as Table Schema reads it: times, JSON and arrays. */
interface ColumnType {
  time: boolean;
  json: boolean;
}

/**
 * Writes the published tables with PostgreSQL's own `COPY`, on the snapshot transaction's
 * connection: each cell is formed in the query (times in Table Schema's default form, JSON for
 * objects, people as pseudonyms), so Node only passes bytes on. Pseudonyms stay Pseudonyms' work:
 * each distinct id is given one in Node and joined in, never the key.
 */
export class TableCopy {
  constructor(
    private readonly client: PoolClient,
    private readonly pseudonyms: Pseudonyms,
    private readonly erased: Set<string>,
  ) {}

  /** Once per snapshot, inside its transaction: UTC times and the working tables. */
  async prepare(): Promise<void> {
    await this.client.query(`SET LOCAL TimeZone = 'UTC'`);
    await this.client.query(
      `CREATE TEMP TABLE ${PSEUDONYMS} (scope text, id text, pseudonym text, PRIMARY KEY (scope, id)) ON COMMIT DROP;
       CREATE TEMP TABLE ${HIDDEN} (subject text PRIMARY KEY) ON COMMIT DROP`,
    );
  }

  /** The `COPY … TO STDOUT` statement for a table with `sql`, once its pseudonyms and hidden subjects are known. */
  async statement(table: OpenDataTable & { sql: string }): Promise<string> {
    const types = await this.columnTypes(table.sql);
    for (const field of table.fields) if (field.pseudonym) await this.givePseudonyms(table.sql, field);
    let where = '';
    if (table.hiddenSubjects) {
      await this.client.query(`TRUNCATE ${HIDDEN}`);
      const subjects = await this.client.query<{ subject: string }>(
        `SELECT DISTINCT (${table.hiddenSubjects.subject})::text AS subject FROM (${table.sql}) AS t`,
      );
      const hidden = await table.hiddenSubjects.hidden(subjects.rows.map((row) => row.subject));
      await this.client.query(`INSERT INTO ${HIDDEN} SELECT unnest($1::text[])`, [hidden]);
      where = ` WHERE (${table.hiddenSubjects.subject})::text NOT IN (SELECT subject FROM ${HIDDEN})`;
    }
    const cells = table.fields.map((field) => this.cell(field, types.get(field.name))).join(', ');
    return `COPY (SELECT ${cells} FROM (${table.sql}) AS t${where}) TO STDOUT (FORMAT csv)`;
  }

  /**
   * A cell as its CSV text: people's ids only as pseudonyms (none for an erased account, so nothing
   * groups what it wrote), times in UTC as Table Schema's default `2024-03-31T08:00:00Z` (no
   * fractions of a second) or `2024-03-31`, JSON for objects and arrays, empty for nothing.
   */
  private cell(field: OpenDataField, type: ColumnType | undefined): string {
    const column = `t.${sqlIdentifier(field.name)}`;
    if (field.pseudonym)
      return `(SELECT p.pseudonym FROM ${PSEUDONYMS} p WHERE p.scope = ${sqlLiteral(field.pseudonym)} AND p.id = ${column}::text)`;
    if (type?.time) return `to_char(${column}, ${field.type === 'date' ? `'YYYY-MM-DD'` : `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`})`;
    if (type?.json || field.type === 'object') return `to_jsonb(${column})::text`;
    return `NULLIF(${column}::text, '')`;
  }

  private async columnTypes(sql: string): Promise<Map<string, ColumnType>> {
    const { fields } = await this.client.query(`SELECT * FROM (${sql}) AS t LIMIT 0`);
    const kinds = await this.client.query<{ oid: number; time: boolean; json: boolean }>(
      `SELECT oid::int, typname IN ('timestamptz', 'timestamp') AS time, typname IN ('json', 'jsonb') OR typcategory = 'A' AS json
       FROM pg_type WHERE oid = ANY($1::oid[])`,
      [fields.map((field) => field.dataTypeID)],
    );
    const byOid = new Map(kinds.rows.map((kind) => [kind.oid, { time: kind.time, json: kind.json }]));
    return new Map(fields.map((field) => [field.name, byOid.get(field.dataTypeID) ?? { time: false, json: false }]));
  }

  private async givePseudonyms(sql: string, field: OpenDataField & { pseudonym?: string }): Promise<void> {
    const scope = field.pseudonym as string;
    const column = `t.${sqlIdentifier(field.name)}`;
    const { rows } = await this.client.query<{ id: string }>(
      `SELECT DISTINCT ${column}::text AS id FROM (${sql}) AS t
       WHERE ${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${PSEUDONYMS} p WHERE p.scope = $1 AND p.id = ${column}::text)`,
      [scope],
    );
    const ids = rows.map((row) => row.id);
    const given = ids.map((id) => (this.erased.has(id) ? null : this.pseudonyms.of(scope, id)));
    await this.client.query(`INSERT INTO ${PSEUDONYMS} (scope, id, pseudonym) SELECT $1, * FROM unnest($2::text[], $3::text[])`, [
      scope,
      ids,
      given,
    ]);
  }
}
