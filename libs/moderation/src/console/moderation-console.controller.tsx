import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { kindsWith, REPORT_REASONS, roomName } from '@polity/contracts';
import { isUuid, type Principal, SiteConfig } from '@polity/platform';
import {
  consoleBack,
  type FieldError,
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
  idOrNone,
  newsText,
} from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { AppealsService } from '../appeals/appeals.service';
import { DecideAppealDto } from '../appeals/appeals.dto';
import { ModerationClaimsService } from '../queue/moderation-claims.service';
import { ModerationDecisionsService } from '../queue/moderation-decisions.service';
import { BulkDecisionDto, DecisionInputDto, ModerationQueueQueryDto, QUEUE_SORTS } from '../queue/moderation-queue.dto';
import { ModerationQueueQuery } from '../queue/moderation-queue.query';
import { ModerationSettingsService } from '../settings/moderation-settings.service';
import { BulkResultsPage } from './bulk-results.page';
import { MODERATION_CONSOLE_MESSAGES } from './moderation-console.messages';
import { QUEUE_PATH } from './moderation-nav';
import type { DecisionDraft } from './queue-item';
import { type QueueFilters, QueuePage } from './queue.page';
import { RefusalText } from './refusal-text';
import { WaitingAppeals } from './waiting-appeals';

/** Items arriving, claimed, released and decided by colleagues: the queue brings its items up to date. */
const LIVE_QUEUE: Record<string, LiveAction> = Object.fromEntries(
  ['moderation.queued', 'moderation.claimed', 'moderation.released', 'moderation.decided'].map((event) => [event, { refresh: true }]),
);

type Refusal = { status: number; code: string; detail: string };

/** The moderators' live queue: filters in the address, claims, decisions one by one and in bulk, appeals. */
@StaffOnly('moderator')
@Controller('staff/moderation')
export class ModerationConsoleController {
  constructor(
    private readonly queue: ModerationQueueQuery,
    private readonly claims: ModerationClaimsService,
    private readonly decisions: ModerationDecisionsService,
    private readonly appeals: AppealsService,
    private readonly waiting: WaitingAppeals,
    private readonly settings: ModerationSettingsService,
    private readonly live: LivePages,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  show(@Web() web: WebRequest, @Query() query: Record<string, unknown>): Promise<string> {
    return this.queuePage(web, query, {});
  }

  @Post('items/:itemId/claim')
  claim(
    @Web() web: WebRequest,
    @Param('itemId') itemId: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(web, form, response, 'claimed', (principal) => this.claims.claim(principal, idOrNone(itemId)));
  }

  @Post('items/:itemId/release')
  release(
    @Web() web: WebRequest,
    @Param('itemId') itemId: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(web, form, response, 'released', (principal) => this.claims.release(principal, idOrNone(itemId)));
  }

  @Post('items/:itemId/decision')
  async decide(
    @Web() web: WebRequest,
    @Param('itemId') itemId: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const t = this.translator(web);
    const { input, draft } = await this.decisionOf(t, form);
    const itemDraft = { ...draft, itemId };
    if (draft.errors.length > 0) return this.refusedPage(web, form, response, 422, undefined, { draft: itemDraft });
    return this.act(web, form, response, 'decided', (principal) => this.decisions.decide(principal, idOrNone(itemId), input), {
      draft: itemDraft,
    });
  }

  @Post('appeals/:appealId/decision')
  async decideAppeal(
    @Web() web: WebRequest,
    @Param('appealId') appealId: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const t = this.translator(web);
    const input = plainToInstance(DecideAppealDto, { outcome: formText(form.outcome, 20), statement: formText(form.statement, 2000) });
    const draft: DecisionDraft = {
      itemId: formText(form.itemId, 40),
      action: input.outcome,
      template: '',
      statement: input.statement,
      blockUntil: '',
      errors: (await validate(input)).length > 0 ? [{ field: 'statement', message: t.t('modc.invalid.appealStatement') }] : [],
    };
    if (draft.errors.length > 0) return this.refusedPage(web, form, response, 422, undefined, { draft });
    return this.act(web, form, response, 'appealDecided', (principal) => this.appeals.decide(principal, idOrNone(appealId), input), {
      draft,
    });
  }

  /** One decision for many items; the results page says, item by item, what was done and what refused. */
  @Post('bulk')
  @Header('content-type', HTML)
  async bulk(
    @Web() web: WebRequest,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const t = this.translator(web);
    const { input, draft } = await this.decisionOf(t, form);
    const raw = form.itemIds;
    const itemIds = (Array.isArray(raw) ? raw : [raw]).filter((id): id is string => typeof id === 'string' && isUuid(id));
    if (itemIds.length === 0 || itemIds.length > 100) draft.errors.push({ field: 'select', message: t.t('modc.invalid.selection') });
    if (draft.errors.length > 0) return this.refusedPage(web, form, response, 422, undefined, { bulkDraft: draft });
    const results = await this.decisions.decideMany(web.principal as Principal, Object.assign(new BulkDecisionDto(), input, { itemIds }));
    const items = new Map((await this.queue.many(itemIds)).map((item) => [item.id, item]));
    return renderPage(
      <BulkResultsPage
        t={t}
        siteName={this.site.name}
        web={web}
        results={results}
        items={items}
        back={consoleBack(form.back, QUEUE_PATH)}
      />,
    );
  }

  /** Reads and checks a decision's fields, as the api's DTO does. */
  private async decisionOf(
    t: Translator,
    form: Record<string, unknown>,
  ): Promise<{ input: DecisionInputDto; draft: Omit<DecisionDraft, 'itemId'> }> {
    const draft = {
      action: formText(form.action, 20),
      template: formText(form.template, 60),
      statement: formText(form.statement, 2000).trim(),
      blockUntil: formText(form.blockUntil, 10),
      errors: [] as FieldError[],
    };
    const input = plainToInstance(DecisionInputDto, {
      action: draft.action,
      ...(draft.template && { template: draft.template }),
      ...(draft.statement && { statement: draft.statement }),
      ...(draft.action === 'block' && draft.blockUntil && { blockUntil: `${draft.blockUntil}T23:59:59Z` }),
    });
    const invalid = new Set((await validate(input)).map((error) => error.property));
    // Hiding or blocking tells the author why: a template, a statement of their own, or both.
    const unexplained = (draft.action === 'hide' || draft.action === 'block') && !draft.template && !draft.statement;
    if (invalid.has('statement') || unexplained) draft.errors.push({ field: 'statement', message: t.t('modc.invalid.statement') });
    if (invalid.has('blockUntil') || (input.blockUntil && new Date(input.blockUntil).getTime() <= Date.now()))
      draft.errors.push({ field: 'blockUntil', message: t.t('modc.invalid.blockUntil') });
    if (invalid.has('action')) input.action = 'hide';
    return { input, draft };
  }

  /** Does a step, then back to the queue as it was filtered, saying what was done; a refusal is shown on the queue. */
  private async act(
    web: WebRequest,
    form: Record<string, unknown>,
    response: Response,
    news: string,
    step: (principal: Principal) => Promise<unknown>,
    kept: { draft?: DecisionDraft } = {},
  ): Promise<string | undefined> {
    try {
      await step(web.principal as Principal);
    } catch (error) {
      const refusal = refusalOf(error);
      return this.refusedPage(web, form, response, refusal.status, refusal, kept);
    }
    return seeOther(response, withNews(consoleBack(form.back, QUEUE_PATH), news));
  }

  private async refusedPage(
    web: WebRequest,
    form: Record<string, unknown>,
    response: Response,
    status: number,
    refusal: Refusal | undefined,
    kept: { draft?: DecisionDraft; bulkDraft?: Omit<DecisionDraft, 'itemId'> },
  ): Promise<string> {
    response.status(status === 404 ? 404 : status === 403 ? 403 : status === 409 ? 409 : 422);
    response.setHeader('content-type', HTML);
    const back = new URL(consoleBack(form.back, QUEUE_PATH), 'http://polity.invalid');
    const query = Object.fromEntries(back.searchParams);
    return this.queuePage({ ...web, path: `${back.pathname}${back.search}` }, query, { refusal, ...kept });
  }

  private async queuePage(
    web: WebRequest,
    query: Record<string, unknown>,
    extra: { refusal?: Refusal; draft?: DecisionDraft; bulkDraft?: Omit<DecisionDraft, 'itemId'> },
  ): Promise<string> {
    const t = this.translator(web);
    const filters = this.filtersOf(query);
    const live = await this.live.config(web, [roomName('moderation')], LIVE_QUEUE);
    const [page, templates] = await Promise.all([
      this.queue.list(
        Object.assign(new ModerationQueueQueryDto(), { ...filters, limit: 50, ...(filters.cursor && { cursor: filters.cursor }) }),
      ),
      this.settings.listTemplates(),
    ]);
    const appeals = await this.waiting.byItem(page.items.filter((item) => item.origin === 'appeal').map((item) => item.id));
    const news = newsText(t, 'modc.news', query.news);
    return renderPage(
      <QueuePage
        t={t}
        siteName={this.site.name}
        web={web}
        filters={filters}
        items={page.items}
        nextCursor={page.nextCursor}
        appeals={appeals}
        templates={templates}
        live={live}
        news={extra.refusal ? undefined : news}
        refusal={extra.refusal && <RefusalText t={t} refusal={extra.refusal} />}
        draft={extra.draft}
        bulkDraft={extra.bulkDraft}
      />,
    );
  }

  /** The filters of the address, each kept only when the api would take it. */
  private filtersOf(query: Record<string, unknown>): QueueFilters {
    const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | '' =>
      typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : '';
    const sort = pick(query.sort, QUEUE_SORTS);
    return {
      state: pick(query.state, ['visible', 'held', 'hidden']),
      reason: pick(query.reason, [...REPORT_REASONS, 'screening']),
      kind: pick(query.kind, kindsWith('moderation')),
      origin: pick(query.origin, ['screening', 'reports', 'premoderation', 'appeal']),
      sort: sort || 'oldest',
      ...(typeof query.cursor === 'string' && query.cursor.length < 200 && { cursor: query.cursor }),
    };
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, MODERATION_CONSOLE_MESSAGES);
  }
}
