import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import type { SurveyView } from '@polity/contracts';
import { isUuid, PageQueryDto, SiteConfig } from '@polity/platform';
import {
  formText,
  HTML,
  notFound,
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
  staffMember,
  idOrNone,
  consoleStep,
  newsText,
} from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { SURVEYS_MESSAGES } from '../pages/surveys.messages';
import { CreateSurveyDto } from '../surveys/surveys.dto';
import { SurveysService } from '../surveys/surveys.service';
import { newQuestionDraft } from './question-form';
import { type BuilderState, SurveyBuilderPage } from './survey-builder.page';
import { SURVEYS_CONSOLE } from './survey-nav';
import { readSettingsForm, settingsDraftOf } from './survey-settings-form';
import { SURVEYS_CONSOLE_MESSAGES } from './surveys-console.messages';
import { SurveysConsolePage } from './surveys-console.page';

/** The officials' survey builder: surveys started, set up, published, closed and versioned. */
@StaffOnly('official')
@Controller('staff/surveys')
export class SurveysConsoleController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  list(@Web() web: WebRequest): Promise<string> {
    return this.listPage(web, {}, []);
  }

  @Post()
  @Header('content-type', HTML)
  async create(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const t = this.translator(web);
    const draft = { title: formText(form.title, 300), description: formText(form.description, 10_000) };
    const input = plainToInstance(CreateSurveyDto, draft);
    const invalid = new Set((await validate(input)).map((error) => error.property));
    const errors = ['title', 'description'].filter((field) => invalid.has(field)).map((field) => ({ field, message: t.t('sc.invalid') }));
    if (errors.length > 0) {
      response.status(422);
      return this.listPage(web, draft, errors);
    }
    const survey = await this.surveys.create(staffMember(web), input);
    return seeOther(response, withNews(`${SURVEYS_CONSOLE}/${survey.id}`, 'created'));
  }

  @Get(':id')
  @Header('content-type', HTML)
  builder(@Web() web: WebRequest, @Param('id') id: string, @Query('news') news: unknown, @Res({ passthrough: true }) response: Response) {
    const t = this.translator(web);
    return this.builderPage(web, id, response, {
      errors: [],
      news: newsText(t, 'sc.news', news),
    });
  }

  @Post(':id/settings')
  @Header('content-type', HTML)
  async settings(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { input, draft, errors } = await readSettingsForm(this.translator(web), form, web.timeZone);
    if (errors.length > 0) {
      response.status(422);
      return this.builderPage(web, id, response, { form: 'settings', draft, errors });
    }
    return this.act(web, id, response, 'saved', () => this.surveys.update(staffMember(web), idOrNone(id), input), {
      form: 'settings',
      draft,
      errors: [],
    });
  }

  @Post(':id/publish')
  @Header('content-type', HTML)
  publish(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    return this.act(web, id, response, 'published', () => this.surveys.publish(staffMember(web), idOrNone(id)));
  }

  @Post(':id/close')
  @Header('content-type', HTML)
  close(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    return this.act(web, id, response, 'closed', () => this.surveys.close(staffMember(web), idOrNone(id)));
  }

  /** A new version is a new draft; the builder goes on with it. */
  @Post(':id/versions')
  @Header('content-type', HTML)
  async version(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    try {
      const next = await this.surveys.newVersion(staffMember(web), idOrNone(id));
      return seeOther(response, withNews(`${SURVEYS_CONSOLE}/${next.id}`, 'versioned'));
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.builderPage(web, id, response, {
        errors: [],
        refusal: <Refused t={this.translator(web)} message="sc.refused" detail={refusal.detail} />,
      });
    }
  }

  private async act(web: WebRequest, id: string, response: Response, news: string, step: () => Promise<unknown>, kept?: BuilderState) {
    return consoleStep(response, step, withNews(`${SURVEYS_CONSOLE}/${id}`, news), (refusal) =>
      this.builderPage(web, id, response, {
        ...kept,
        errors: [],
        refusal: <Refused t={this.translator(web)} message="sc.refused" detail={refusal.detail} />,
      }),
    );
  }

  private async builderPage(web: WebRequest, id: string, response: Response, state: BuilderState): Promise<string> {
    const t = this.translator(web);
    const survey: SurveyView | null = isUuid(id) ? await this.surveys.get(id, web.principal).catch(() => null) : null;
    if (!survey) return notFound(response, t, this.site.name, web);
    return renderPage(
      <SurveyBuilderPage
        t={t}
        siteName={this.site.name}
        web={{ ...web, path: `${SURVEYS_CONSOLE}/${id}` }}
        survey={survey}
        settings={settingsDraftOf(survey, web.timeZone)}
        newQuestion={newQuestionDraft()}
        state={state}
      />,
    );
  }

  private async listPage(web: WebRequest, draft: Record<string, string>, errors: { field: string; message: string }[]): Promise<string> {
    const t = this.translator(web);
    const surveys = await this.surveys.list(Object.assign(new PageQueryDto(), { limit: 100 }), web.principal);
    return renderPage(
      <SurveysConsolePage
        t={t}
        siteName={this.site.name}
        web={{ ...web, path: SURVEYS_CONSOLE }}
        surveys={surveys.items}
        draft={draft}
        errors={errors}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, SURVEYS_CONSOLE_MESSAGES, SURVEYS_MESSAGES);
  }
}
