import { Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { QueueName, roomName } from '@polity/contracts';
import { SnapshotsService } from '@polity/open-data';
import { type Principal, Problems, SiteConfig } from '@polity/platform';
import { AdminJobs, INSPECTABLE_STATES, type InspectableState } from '@polity/queue';
import {
  AA_TEXT_CONTRAST,
  contrastRatio,
  formText,
  HTML,
  type LiveAction,
  LivePages,
  pageTranslator,
  refusalOf,
  renderPage,
  seeOther,
  StaffOnly,
  type Translator,
  Web,
  type WebRequest,
  withNews,
  Refused,
} from '@polity/web';
import type { Response } from 'express';
import { ADMIN_CONSOLE_MESSAGES } from './admin-console.messages';
import { ADMIN_CONSOLE } from './admin-nav';
import { JobsPage } from './jobs.page';
import { OpenDataPage } from './open-data.page';
import { type ColourTrial, SitePage } from './site.page';

/** A snapshot's progress and its end: the page brings its list up to date. */
const LIVE_SNAPSHOTS: Record<string, LiveAction> = { 'open_data.progress': { refresh: true } };
const HEX = /^#[0-9a-fA-F]{6}$/;

/** The administrators' console for the machinery: background jobs, open-data snapshots, and the site's settings. */
@StaffOnly('admin')
@Controller('staff/admin')
export class OperationsConsoleController {
  constructor(
    private readonly jobs: AdminJobs,
    private readonly snapshots: SnapshotsService,
    private readonly live: LivePages,
    private readonly site: SiteConfig,
  ) {}

  @Get('jobs')
  @Header('content-type', HTML)
  jobList(@Web() web: WebRequest, @Query() query: Record<string, unknown>): Promise<string> {
    return this.jobsView(web, query);
  }

  private async jobsView(web: WebRequest, query: Record<string, unknown>, refused?: string): Promise<string> {
    const t = this.translator(web);
    const queue = (Object.values(QueueName) as string[]).includes(query.queue as string)
      ? (query.queue as QueueName)
      : Object.values(QueueName)[0];
    const state = (INSPECTABLE_STATES as readonly string[]).includes(query.state as string) ? (query.state as InspectableState) : 'failed';
    const cursor = formText(query.cursor, 100) || undefined;
    const [page, counts] = await Promise.all([
      this.jobs.list(queue, state, 50, cursor).catch(() => this.jobs.list(queue, state, 50, undefined)),
      this.jobs.counts(queue),
    ]);
    return renderPage(
      <JobsPage
        t={t}
        siteName={this.site.name}
        web={web}
        queue={queue}
        state={state}
        counts={counts}
        jobs={page.items}
        nextCursor={page.nextCursor}
        news={query.news === 'retried' ? t.t('ac.jobs.retried') : undefined}
        refusal={refused && <Refused t={t} message="ac.refused" detail={refused} />}
      />,
    );
  }

  @Post('jobs/:queue/:id/retry')
  @Header('content-type', HTML)
  async retry(
    @Web() web: WebRequest,
    @Param('queue') queue: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const known = (Object.values(QueueName) as string[]).includes(queue);
    try {
      if (!known) throw Problems.notFound('That queue');
      await this.jobs.retry(web.principal as Principal, queue as QueueName, id.slice(0, 200));
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.jobsView({ ...web, path: `${ADMIN_CONSOLE}/jobs` }, { queue, state: 'failed' }, refusal.detail);
    }
    return seeOther(response, withNews(`${ADMIN_CONSOLE}/jobs?queue=${queue}&state=failed`, 'retried'));
  }

  @Get('open-data')
  @Header('content-type', HTML)
  async openData(@Web() web: WebRequest, @Query('news') news: unknown): Promise<string> {
    const t = this.translator(web);
    const live = await this.live.config(web, [roomName('open-data')], LIVE_SNAPSHOTS);
    return renderPage(
      <OpenDataPage
        t={t}
        siteName={this.site.name}
        web={web}
        snapshots={await this.snapshots.list(true)}
        live={live}
        news={news === 'requested' ? t.t('ac.openData.requested') : undefined}
      />,
    );
  }

  @Post('open-data')
  async requestSnapshot(@Web() web: WebRequest, @Res({ passthrough: true }) response: Response): Promise<undefined> {
    await this.snapshots.request(web.principal as Principal);
    return seeOther(response, withNews(`${ADMIN_CONSOLE}/open-data`, 'requested'));
  }

  @Get('site')
  @Header('content-type', HTML)
  sitePage(@Web() web: WebRequest, @Query('colour') asked: unknown): string {
    const colour = formText(asked, 20).trim() || this.site.brandColour;
    const ratio = HEX.test(colour) ? contrastRatio(colour, '#ffffff') : null;
    const trial: ColourTrial = { colour, ratio, passes: ratio !== null && ratio >= AA_TEXT_CONTRAST };
    return renderPage(<SitePage t={this.translator(web)} siteName={this.site.name} web={web} site={this.site} trial={trial} />);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, ADMIN_CONSOLE_MESSAGES);
  }
}
