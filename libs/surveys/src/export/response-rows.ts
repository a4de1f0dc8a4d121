import type { DataSource } from 'typeorm';
import type { SurveyEntity } from '../entities/survey.entity';
import { CsvLayout, type ExportedResponse } from './csv-layout';

const BATCH = 2000;

interface ResponseRow {
  id: string;
  district: string | null;
  submitted_at: Date;
  updated_at: Date;
  answers: ExportedResponse['answers'];
}

/**
 * A survey's responses as CSV text, a batch of lines at a time, read through a server-side cursor
 * in one snapshot: memory stays bounded by the batch whatever the survey's size, and a consumer
 * that stops early (a closed download) ends the transaction through the generator's `finally`.
 */
export async function* responseCsv(dataSource: DataSource, survey: SurveyEntity, onBatch?: (rows: number) => void): AsyncGenerator<string> {
  const layout = new CsvLayout(survey.questions, survey.anonymous);
  // Anonymous responses got random ids when released: ordered by id, the file says nothing of who answered when.
  const order = survey.anonymous ? 'id' : 'submitted_at, id';
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query(
      `DECLARE survey_export NO SCROLL CURSOR FOR
       SELECT id, district, submitted_at, updated_at, answers FROM survey_response WHERE survey_id = $1 ORDER BY ${order}`,
      [survey.id],
    );
    yield layout.headerLine();
    let rows = 0;
    for (;;) {
      const batch = (await runner.query(`FETCH ${BATCH} FROM survey_export`)) as ResponseRow[];
      if (batch.length === 0) break;
      let chunk = '';
      for (const row of batch) {
        chunk += layout.line({
          id: row.id,
          district: row.district,
          submittedAt: row.submitted_at,
          updatedAt: row.updated_at,
          answers: row.answers,
        });
      }
      rows += batch.length;
      onBatch?.(rows);
      yield chunk;
    }
    await runner.commitTransaction();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}
