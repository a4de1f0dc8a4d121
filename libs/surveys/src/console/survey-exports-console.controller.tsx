import { Controller, Get, Header, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { SurveyView } from '@polity/contracts';
import { isUuid, type Principal, SiteConfig } from '@polity/platform';
import {
  HTML,
  type LiveAction,
  LivePages,
  notFound,
  pageTranslator,
  renderPage,
  seeOther,
  StaffOnly,
  type Translator,
  Web,
  type WebRequest,
  withNews,
} from '@polity/web';
import type { Response } from 'express';
import { csvHeaders } from '../export/csv-headers';
import { SurveyExportsService } from '../export/survey-exports.service';
import { SURVEYS_MESSAGES } from '../pages/surveys.messages';
import { SurveysService } from '../surveys/surveys.service';
import { SurveyExportsPage } from './survey-exports.page';
import { SURVEYS_CONSOLE } from './survey-nav';
import { SurveyPreviewPage } from './survey-preview.page';
import { SURVEYS_CONSOLE_MESSAGES } from './surveys-console.messages';

/** The worker reports an export's progress in the official's own room: the page brings its list up to date. */
const LIVE_EXPORTS: Record<string, LiveAction> = { 'survey.export_progress': { refresh: true } };

/** A survey previewed as residents will see it, and its answers exported: now as CSV, or built in the background. */
@StaffOnly('official')
@Controller('staff/surveys/:id')
export class SurveyExportsConsoleController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly exports: SurveyExportsService,
    private readonly live: LivePages,
    private readonly site: SiteConfig,
  ) {}

  @Get('preview')
  @Header('content-type', HTML)
  async preview(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const survey = await this.survey(web, id);
    if (!survey) return notFound(response, this.translator(web), this.site.name, web);
    return renderPage(<SurveyPreviewPage t={this.translator(web)} siteName={this.site.name} web={web} survey={survey} />);
  }

  @Get('exports')
  @Header('content-type', HTML)
  async exportsPage(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Query('news') news: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    const survey = await this.survey(web, id);
    if (!survey) return notFound(response, t, this.site.name, web);
    const live = await this.live.config(web, [], LIVE_EXPORTS);
    return renderPage(
      <SurveyExportsPage
        t={t}
        siteName={this.site.name}
        web={web}
        survey={survey}
        exports={await this.exports.ofSurvey(id)}
        live={live}
        news={news === 'exportRequested' ? t.t('sc.news.exportRequested') : undefined}
      />,
    );
  }

  @Post('exports')
  async requestExport(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    if (!isUuid(id)) return notFound(response, this.translator(web), this.site.name, web);
    await this.exports.request(web.principal as Principal, id);
    return seeOther(response, withNews(`${SURVEYS_CONSOLE}/${id}/exports`, 'exportRequested'));
  }

  /** Every response as CSV, streamed as the api's download is (and audited the same way). */
  @Get('responses.csv')
  async csv(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | string> {
    if (!isUuid(id)) return notFound(response, this.translator(web), this.site.name, web);
    const stream = await this.exports.download(web.principal as Principal, id);
    csvHeaders(response, `survey-${id}.csv`);
    return new StreamableFile(stream);
  }

  @Get('exports/:exportId/download')
  async download(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('exportId') exportId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | string> {
    if (!isUuid(id) || !isUuid(exportId)) return notFound(response, this.translator(web), this.site.name, web);
    const file = await this.exports.downloadBuilt(id, exportId);
    csvHeaders(response, `survey-${id}-${exportId}.csv`);
    return new StreamableFile(file.stream, { length: file.size });
  }

  private survey(web: WebRequest, id: string): Promise<SurveyView | null> {
    return isUuid(id) ? this.surveys.get(id, web.principal).catch(() => null) : Promise.resolve(null);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, SURVEYS_CONSOLE_MESSAGES, SURVEYS_MESSAGES);
  }
}
