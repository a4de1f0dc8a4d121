import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { isUuid, type Principal, SiteConfig } from '@polity/platform';
import {
  type FieldError,
  formText,
  HTML,
  pageTranslator,
  refusalOf,
  renderPage,
  seeOther,
  StaffOnly,
  type Translator,
  Web,
  type WebRequest,
  withNews,
  consoleStep,
  newsText,
} from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { BlocksService } from '../appeals/blocks.service';
import { PolicyInputDto, PolicyScopeParamsDto, TemplateInputDto } from '../settings/moderation-settings.dto';
import { ModerationSettingsService } from '../settings/moderation-settings.service';
import { BLOCKS_PATH, BlocksPage } from './blocks.page';
import { MODERATION_CONSOLE_MESSAGES } from './moderation-console.messages';
import { RefusalText } from './refusal-text';
import { SETTINGS_PATH, SettingsPage, type TemplateDraft } from './settings.page';
import { readScreeningForm, type ScreeningDraft, screeningDraftOf } from './screening-form';

type Refusal = { status: number; code: string; detail: string };

/** The moderators' upkeep: blocks in force, statement templates, and moderation policies. */
@StaffOnly('moderator')
@Controller('staff/moderation')
export class ModerationUpkeepController {
  constructor(
    private readonly blocks: BlocksService,
    private readonly settings: ModerationSettingsService,
    private readonly site: SiteConfig,
  ) {}

  @Get('blocks')
  @Header('content-type', HTML)
  blockList(@Web() web: WebRequest, @Query('news') news: unknown): Promise<string> {
    return this.blocksView(web, news);
  }

  private async blocksView(web: WebRequest, news: unknown, refusal?: Refusal): Promise<string> {
    const t = this.translator(web);
    return renderPage(
      <BlocksPage
        t={t}
        siteName={this.site.name}
        web={web}
        blocks={await this.blocks.active()}
        news={this.news(t, news)}
        refusal={refusal && <RefusalText t={t} refusal={refusal} />}
      />,
    );
  }

  @Post('blocks/:blockId/lift')
  @Header('content-type', HTML)
  async lift(
    @Web() web: WebRequest,
    @Param('blockId') blockId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    try {
      await this.blocks.lift(web.principal as Principal, isUuid(blockId) ? blockId : '00000000-0000-0000-0000-000000000000');
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.blocksView({ ...web, path: BLOCKS_PATH }, undefined, refusal);
    }
    return seeOther(response, withNews(BLOCKS_PATH, 'lifted'));
  }

  @Get('settings')
  @Header('content-type', HTML)
  settingsPage(@Web() web: WebRequest, @Query('news') news: unknown): Promise<string> {
    return this.settingsView(web, { errors: [], news });
  }

  @Post('settings/templates')
  @Header('content-type', HTML)
  async saveTemplate(
    @Web() web: WebRequest,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const t = this.translator(web);
    const draft: TemplateDraft = {
      key: formText(form.key, 60).trim(),
      title: formText(form.title, 200),
      reason: formText(form.reason, 20),
      body: formText(form.body, 2100),
    };
    const input = plainToInstance(TemplateInputDto, draft);
    const invalid = new Set((await validate(input)).map((error) => error.property));
    const errors: FieldError[] = ['key', 'title', 'reason', 'body']
      .filter((field) => invalid.has(field))
      .map((field) => ({ field, message: t.t(`modc.templates.invalid.${field}`) }));
    if (errors.length > 0) {
      response.status(422);
      return this.settingsView(web, { errors, templateDraft: draft });
    }
    return this.saved(web, response, 'saved', () => this.settings.putTemplate(web.principal as Principal, input.key, input), {
      templateDraft: draft,
    });
  }

  @Post('settings/templates/:key/delete')
  @Header('content-type', HTML)
  deleteTemplate(
    @Web() web: WebRequest,
    @Param('key') key: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    return this.saved(web, response, 'deleted', () => this.settings.deleteTemplate(web.principal as Principal, key.slice(0, 60)));
  }

  @Post('settings/screening')
  @Header('content-type', HTML)
  async saveScreening(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const { input, draft, errors } = await readScreeningForm(this.translator(web), form);
    if (errors.length > 0) {
      response.status(422);
      return this.settingsView(web, { errors: [], screeningDraft: draft, screeningErrors: errors });
    }
    return this.saved(web, response, 'saved', () => this.settings.replaceScreening(web.principal as Principal, input), {
      screeningDraft: draft,
    });
  }

  @Post('settings/policies')
  @Header('content-type', HTML)
  async setPolicy(
    @Web() web: WebRequest,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const draft = { scope: formText(form.scope, 80).trim(), mode: formText(form.mode, 10) };
    const [scopeErrors, modeErrors] = await Promise.all([
      validate(plainToInstance(PolicyScopeParamsDto, { scope: draft.scope })),
      validate(plainToInstance(PolicyInputDto, { mode: draft.mode })),
    ]);
    if (scopeErrors.length + modeErrors.length > 0) {
      response.status(422);
      const errors = [{ field: 'scope', message: this.translator(web).t('modc.policies.invalid.scope') }];
      return this.settingsView(web, { errors, policyDraft: draft });
    }
    return this.saved(
      web,
      response,
      'saved',
      () => this.settings.setPolicy(web.principal as Principal, draft.scope, draft.mode as 'pre' | 'post'),
      {
        policyDraft: draft,
      },
    );
  }

  @Post('settings/policies/clear')
  @Header('content-type', HTML)
  clearPolicy(
    @Web() web: WebRequest,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    return this.saved(web, response, 'deleted', () => this.settings.clearPolicy(web.principal as Principal, formText(form.scope, 80)));
  }

  private async saved(
    web: WebRequest,
    response: Response,
    news: string,
    step: () => Promise<unknown>,
    kept: { templateDraft?: TemplateDraft; policyDraft?: { scope: string; mode: string }; screeningDraft?: ScreeningDraft } = {},
  ): Promise<string | undefined> {
    return consoleStep(response, step, withNews(SETTINGS_PATH, news), (refusal) =>
      this.settingsView({ ...web, path: SETTINGS_PATH }, { errors: [], refusal, ...kept }),
    );
  }

  private async settingsView(
    web: WebRequest,
    state: {
      errors: FieldError[];
      news?: unknown;
      refusal?: Refusal;
      templateDraft?: TemplateDraft;
      policyDraft?: { scope: string; mode: string };
      screeningDraft?: ScreeningDraft;
      screeningErrors?: FieldError[];
    },
  ): Promise<string> {
    const t = this.translator(web);
    const [templates, policies, screening] = await Promise.all([
      this.settings.listTemplates(),
      this.settings.listPolicies(),
      this.settings.screening(),
    ]);
    return renderPage(
      <SettingsPage
        t={t}
        siteName={this.site.name}
        web={web}
        templates={templates}
        policies={policies}
        templateDraft={state.templateDraft}
        policyDraft={state.policyDraft}
        screening={state.screeningDraft ?? screeningDraftOf(screening)}
        screeningErrors={state.screeningErrors ?? []}
        errors={state.errors}
        news={this.news(t, state.news)}
        refusal={state.refusal && <RefusalText t={t} refusal={state.refusal} />}
      />,
    );
  }

  private news(t: Translator, news: unknown): string | undefined {
    return newsText(t, 'modc.news', news);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, MODERATION_CONSOLE_MESSAGES);
  }
}
