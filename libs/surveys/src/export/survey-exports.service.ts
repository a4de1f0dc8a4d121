import { Injectable } from '@nestjs/common';
import type { SurveyExportView } from '@polity/contracts';
import { type Principal, Problems, recordAudit, Slots, UnitOfWork } from '@polity/platform';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { SurveyExportEntity } from '../entities/survey-export.entity';
import { responseCsv } from './response-rows';
import { ExportFiles } from './export-files';

export function presentExport(row: SurveyExportEntity): SurveyExportView {
  return {
    id: row.id,
    surveyId: row.surveyId,
    status: row.status,
    rows: row.rows,
    total: row.total,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    downloadUrl: row.status === 'done' ? `/api/v1/surveys/${row.surveyId}/exports/${row.id}/download` : null,
  };
}

/** Officials' CSV of all responses: streamed in the request, or built by the worker for very large surveys. */
@Injectable()
export class SurveyExportsService {
  /** Exports read from the database two at a time, so other requests always find connections. */
  private readonly reads = new Slots(2);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly files: ExportFiles,
  ) {}

  /**
   * The file is read from the database at the database's pace into a file of its own, which the
   * download sends as it grows, at the client's pace: a slow client never holds a database
   * connection. The audit row commits first: every download of responses is on record.
   */
  async download(principal: Principal, surveyId: string): Promise<Readable> {
    const survey = await this.unitOfWork.run(async (tx) => {
      const found = await tx.manager.findOneBy(SurveyEntity, { id: surveyId });
      if (!found) throw Problems.notFound('That survey');
      await recordAudit(tx, { actorId: principal.userId, action: 'survey.responses_exported', target: { kind: 'surveys', id: surveyId } });
      return found;
    });
    const release = await this.reads.acquire();
    try {
      const download = await this.files.spool(responseCsv(this.dataSource, survey));
      void download.written.finally(release);
      return download.stream;
    } catch (error) {
      release();
      throw error;
    }
  }

  async request(principal: Principal, surveyId: string): Promise<SurveyExportView> {
    return this.unitOfWork.run(async (tx) => {
      if (!(await tx.manager.existsBy(SurveyEntity, { id: surveyId }))) throw Problems.notFound('That survey');
      const row = await tx.manager.save(Object.assign(new SurveyExportEntity(), { surveyId, requestedById: principal.userId }));
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'survey.export_requested',
        target: { kind: 'surveys', id: surveyId },
        after: { exportId: row.id },
      });
      tx.publish('survey.export_requested', { surveyId, exportId: row.id, requestedById: principal.userId });
      return presentExport(row);
    });
  }

  /** A survey's background exports, newest first. */
  async ofSurvey(surveyId: string, limit = 20): Promise<SurveyExportView[]> {
    const rows = await this.dataSource.manager.find(SurveyExportEntity, { where: { surveyId }, order: { createdAt: 'DESC' }, take: limit });
    return rows.map(presentExport);
  }

  async status(surveyId: string, exportId: string): Promise<SurveyExportView> {
    const row = await this.dataSource.manager.findOneBy(SurveyExportEntity, { id: exportId, surveyId });
    if (!row) throw Problems.notFound('That export');
    return presentExport(row);
  }

  async downloadBuilt(surveyId: string, exportId: string) {
    const row = await this.dataSource.manager.findOneBy(SurveyExportEntity, { id: exportId, surveyId });
    if (!row) throw Problems.notFound('That export');
    if (row.status !== 'done')
      throw Problems.conflict('export_not_ready', `The export is ${row.status}; follow survey.export_progress in your user room.`);
    const file = await this.files.open(exportId);
    if (!file) throw Problems.notFound('That export’s file');
    return file;
  }
}
