import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { roomName } from '@polity/contracts';
import { FollowsService } from '@polity/follows';
import { hasRole, isUuid, Public, SiteConfig } from '@polity/platform';
import { HTML, type LiveAction, LivePages, notFound, pageTranslator, renderPage, type Translator, Web, type WebRequest } from '@polity/web';
import type { Response } from 'express';
import { SurveyResults } from '../results/survey-results';
import { SurveysService } from '../surveys/surveys.service';
import { SurveyListPage } from './survey-list.page';
import { SurveyPage } from './survey.page';
import { resultsPublic, SurveyReaders } from './survey-readers';
import { SurveyResultsPage } from './survey-results.page';
import { SURVEYS_MESSAGES } from './surveys.messages';

const LIVE_SURVEY: Record<string, LiveAction> = { 'survey.updated': { refresh: true } };
const LIVE_RESULTS: Record<string, LiveAction> = { 'survey.results': { refresh: true }, 'survey.updated': { refresh: true } };
const PHASE_ORDER = { open: 0, upcoming: 1, closed: 2, draft: 3 } as const;

/** The residents' survey pages: the list, a survey's terms, and its results. */
@ApiExcludeController()
@Public()
@Controller('surveys')
export class SurveyPagesController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly readers: SurveyReaders,
    private readonly results: SurveyResults,
    private readonly follows: FollowsService,
    private readonly site: SiteConfig,
    private readonly live: LivePages,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async list(@Web() web: WebRequest): Promise<string> {
    const page = await this.surveys.list({ limit: 100 }, web.principal);
    const shown = page.items.filter((survey) => survey.phase !== 'draft').sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase]);
    return renderPage(<SurveyListPage t={this.translator(web)} siteName={this.site.name} web={web} surveys={shown} />);
  }

  @Get(':id')
  @Header('content-type', HTML)
  async one(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const live = isUuid(id) ? await this.live.config(web, [roomName('surveys', id)], LIVE_SURVEY) : null;
    const survey = live && (await this.readers.readable(id, web.principal));
    if (!live || !survey) return this.notFound(web, response);
    const [standing, following] = await Promise.all([
      this.readers.standing(web.principal, survey),
      web.principal ? this.follows.isFollowing('surveys', id, web.principal.userId) : false,
    ]);
    return renderPage(
      <SurveyPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        survey={survey}
        standing={standing}
        resultsPublic={resultsPublic(survey)}
        following={following}
        live={live}
      />,
    );
  }

  @Get(':id/results')
  @Header('content-type', HTML)
  async resultsPage(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const live = isUuid(id) ? await this.live.config(web, [roomName('surveys', id)], LIVE_RESULTS) : null;
    const survey = live && (await this.readers.readable(id, web.principal));
    if (!live || !survey) return this.notFound(web, response);
    // Officials follow the results before (or without) the public, as the api lets them.
    const staffOnly = !resultsPublic(survey) && hasRole(web.principal, 'official', 'admin');
    const results = resultsPublic(survey) || staffOnly ? await this.results.forReader(id, web.principal, {}) : null;
    return renderPage(
      <SurveyResultsPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        survey={survey}
        results={results}
        live={live}
        staffOnly={staffOnly}
      />,
    );
  }

  private notFound(web: WebRequest, response: Response): string {
    return notFound(response, this.translator(web), this.site.name, web);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, SURVEYS_MESSAGES);
  }
}
