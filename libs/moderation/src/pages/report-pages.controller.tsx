import { Body, Controller, Get, Header, HttpCode, NotFoundException, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isResourceKind, REPORT_REASONS, type ReportReason } from '@polity/contracts';
import { isUuid, ProblemException, Public, SiteConfig } from '@polity/platform';
import {
  type FieldError,
  formText,
  HTML,
  localPath,
  pageTranslator,
  renderPage,
  signInFirst,
  Translator,
  Web,
  type WebRequest,
} from '@polity/web';
import type { Response } from 'express';
import { ReportsService } from '../reports/reports.service';
import { ReportPage, type ReportTarget } from './report.page';
import { REPORT_MESSAGES } from './report.messages';

/** What the reporting page is about, from its query or its form; nothing that is not a resource of ours. */
function targetOf(values: Record<string, unknown>): ReportTarget {
  const { kind, id } = values;
  if (!isResourceKind(kind) || typeof id !== 'string' || !isUuid(id)) throw new NotFoundException();
  return { kind, id, back: localPath(values.back) };
}

/** Any feature's pages link here (`/report?kind=…&id=…&back=…`) for residents to report a contribution. */
@ApiExcludeController()
@Public()
@Controller('report')
export class ReportPagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  form(@Web() web: WebRequest, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const target = targetOf(query);
    if (!web.principal) return signInFirst(response, web.path);
    return renderPage(<ReportPage t={this.translator(web)} siteName={this.site.name} web={web} target={target} errors={[]} />);
  }

  @Post()
  @HttpCode(200)
  @Header('content-type', HTML)
  async report(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const target = targetOf(form);
    if (!web.principal) return signInFirst(response, web.path);
    const t = this.translator(web);
    const reason = REPORT_REASONS.find<ReportReason>((value): value is ReportReason => value === form.reason);
    const note = formText(form.note, 1000).trim();
    const errors: FieldError[] = [];
    if (!reason) errors.push({ field: 'reason', message: t.t('report.reasonMissing') });
    else {
      try {
        await this.reports.report(web.principal, { kind: target.kind, id: target.id, reason, ...(note && { note }) });
      } catch (error) {
        // Already reported by this reader: the moderators have it, which is what they wanted.
        if (!(error instanceof ProblemException)) throw error;
        const body = error.getResponse() as { code?: string; detail?: string };
        if (body.code !== 'already_reported') {
          if (![403, 404, 422].includes(error.getStatus())) throw error;
          errors.push({ field: 'reason', message: t.t('report.refused', { reason: body.detail ?? '' }) });
        }
      }
    }
    if (errors.length > 0) response.status(422);
    return renderPage(
      <ReportPage
        t={t}
        siteName={this.site.name}
        web={web}
        target={target}
        reason={reason}
        note={note}
        errors={errors}
        sent={errors.length === 0}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, REPORT_MESSAGES);
  }
}
