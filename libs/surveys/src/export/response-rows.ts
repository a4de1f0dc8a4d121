import { CrlfLines } from '@polity/platform';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { SurveyEntity } from '../entities/survey.entity';
import { CsvLayout } from './csv-layout';

const PASS_ON_BYTES = 256 * 1024;

/**
 * A survey's responses as CSV, chunk by chunk as PostgreSQL's `COPY` writes them (one statement, so
 * one snapshot): the cells are computed in the query and Node only ends the lines with CRLF, so the
 * export runs at COPY's pace and holds no more than a chunk in memory whatever the survey's size.
 * `onRows` hears how many responses are out so far.
 */
export async function* responseCsv(dataSource: DataSource, survey: SurveyEntity, onRows?: (rows: number) => void): AsyncGenerator<Buffer> {
  const layout = new CsvLayout(survey.questions, survey.anonymous);
  const [client, release] = (await (dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
    PoolClient,
    (error?: unknown) => void,
  ];
  const copy = client.query(copyTo(layout.copyStatement(survey.id)));
  const lines = new CrlfLines();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = (): Buffer => {
    const converted = lines.convert(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
    onRows?.(Math.max(0, lines.lines - 1));
    return converted;
  };
  let finished = false;
  try {
    // COPY arrives a socket read at a time (about 9 KB); every chunk passed on costs a file write and
    // read in the spool and a socket write, so they go on a quarter megabyte at a time.
    for await (const chunk of copy) {
      pending.push(chunk as Buffer);
      pendingBytes += (chunk as Buffer).length;
      if (pendingBytes >= PASS_ON_BYTES) yield flush();
    }
    if (pendingBytes > 0) yield flush();
    finished = true;
  } finally {
    // A consumer that stopped early (or an error) leaves COPY unfinished on the connection: the pool closes it.
    release(finished ? undefined : new Error('survey export stopped before its end'));
  }
}
