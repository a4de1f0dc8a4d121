import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Injectable } from '@nestjs/common';
import { type JobPayloads, userRoom } from '@polity/contracts';
import { HandlesJob } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { SurveyExportEntity } from '../entities/survey-export.entity';
import { ExportFiles } from './export-files';
import { presentExport } from './survey-exports.service';
import { responseCsv } from './response-rows';

const PROGRESS_EVERY_MS = 500;

/**
 * Writes a survey's CSV into the export folder, pushing progress to the official who asked.
 * Safe to run twice: a finished export is left alone, an unfinished one is written again from
 * the start into a partial file that only replaces the final name when complete.
 */
@Injectable()
export class ExportResponsesHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: ExportFiles,
    private readonly broadcaster: Broadcaster,
  ) {}

  @HandlesJob('surveys.export')
  async export(event: JobPayloads['surveys.export'], job: Job): Promise<{ rows: number } | { status: string }> {
    const { surveyId, exportId, requestedById } = event.payload;
    const manager = this.dataSource.manager;
    const row = await manager.findOneBy(SurveyExportEntity, { id: exportId });
    const survey = await manager.findOneBy(SurveyEntity, { id: surveyId });
    if (!row || !survey || row.status === 'done') return { status: 'nothing to do' };
    const count = Number(
      (await manager.query<{ n: string }[]>('SELECT count(*) AS n FROM survey_response WHERE survey_id = $1', [surveyId]))[0].n,
    );
    Object.assign(row, { status: 'running', rows: 0, total: count });
    await manager.save(row);
    const push = () =>
      this.broadcaster.toRoom(userRoom(requestedById), 'survey.export_progress', presentExport(row)).catch(() => undefined);
    await push();
    const paths = await this.files.prepare(exportId);
    try {
      const out = createWriteStream(paths.partial);
      let lastPush = Date.now();
      for await (const chunk of responseCsv(this.dataSource, survey, (rows) => (row.rows = rows))) {
        if (!out.write(chunk)) await once(out, 'drain');
        if (Date.now() - lastPush >= PROGRESS_EVERY_MS) {
          lastPush = Date.now();
          await push();
        }
      }
      out.end();
      await once(out, 'finish');
      await this.files.publish(paths);
      Object.assign(row, { status: 'done', finishedAt: new Date() });
      await manager.save(row);
      await push();
      return { rows: row.rows };
    } catch (error) {
      await this.files.discard(paths);
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      Object.assign(row, { status: 'failed', finishedAt: new Date() });
      await manager.save(row);
      await push();
      return { status: 'failed' };
    }
  }
}
