/**
 * A text as an SQL string literal, for statements that cannot take parameters (`COPY (…)`, DDL).
 * Safe whatever it holds: quotes are doubled, and PostgreSQL's standard strings take backslashes as is.
 */
export const sqlLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** A name as a quoted SQL identifier, whatever it holds. */
export const sqlIdentifier = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** `'a', 'b', 'c'`: a list of known constants for a CHECK constraint's `IN (…)`. */
export const sqlList = (values: readonly string[]): string => values.map(sqlLiteral).join(', ');
