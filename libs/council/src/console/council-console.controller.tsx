import { createHash } from 'node:crypto';
import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { type MeetingView, roomName } from '@polity/contracts';
import { DiscussableResources, isUuid, SiteConfig } from '@polity/platform';
import {
  type FieldError,
  formText,
  HTML,
  type LiveAction,
  LivePages,
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
  staffMember,
  idOrNone,
  Refused,
  consoleStep,
  newsText,
  swappedWithNeighbour,
} from '@polity/web';
import type { Response } from 'express';
import { CorrectDecisionDto, RecordDecisionDto } from '../decisions/decisions.dto';
import { DecisionsService } from '../decisions/decisions.service';
import { LiveControlService } from '../meetings/live-control.service';
import { ListMeetingsQueryDto, ReorderAgendaDto } from '../meetings/meetings.dto';
import { MeetingsQuery } from '../meetings/meetings.query';
import { MeetingsService } from '../meetings/meetings.service';
import { COUNCIL_MESSAGES } from '../pages/council.messages';
import { COUNCIL_CONSOLE_MESSAGES } from './council-console.messages';
import { detailsDraftOf, type Draft, readAgendaItemForm, readDecisionForm, readDetailsForm, readMeetingForm } from './council-forms';
import { LiveConsolePage } from './live-console.page';
import { MEETINGS_CONSOLE, MeetingsConsolePage } from './meetings-console.page';

/** Whatever the meeting does reaches its room: the console brings its parts up to date, for every clerk at it. */
const LIVE_CONSOLE: Record<string, LiveAction> = Object.fromEntries(
  ['meeting.updated', 'meeting.status', 'meeting.item', 'decision.recorded', 'decision.corrected'].map((event) => [
    event,
    { refresh: true },
  ]),
);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

type Sent = { form: string; draft: Draft; errors: FieldError[] };
type Refusal = { status: number; code: string; detail: string };

/** The council clerks' console: meetings scheduled, agendas kept, and a meeting run live. */
@StaffOnly('council')
@Controller('staff/meetings')
export class CouncilConsoleController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly control: LiveControlService,
    private readonly decisions: DecisionsService,
    private readonly query: MeetingsQuery,
    private readonly resources: DiscussableResources,
    private readonly live: LivePages,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  list(@Web() web: WebRequest, @Query('news') news: unknown): Promise<string> {
    return this.listPage(web, {}, [], news);
  }

  @Post()
  @Header('content-type', HTML)
  async schedule(
    @Web() web: WebRequest,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const t = this.translator(web);
    const { input, draft, errors } = await readMeetingForm(t, form, web.timeZone);
    if (errors.length === 0) {
      try {
        const meeting = await this.meetings.create(staffMember(web), input);
        return seeOther(response, withNews(`${MEETINGS_CONSOLE}/${meeting.id}`, 'scheduled'));
      } catch (error) {
        const refusal = refusalOf(error);
        errors.push({ field: 'streamUrl', message: t.t('cc.invalid.streamUrl', { reason: refusal.detail }) });
      }
    }
    response.status(422);
    return this.listPage(web, draft, errors);
  }

  @Get(':id')
  @Header('content-type', HTML)
  async console(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Query('news') news: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return this.consolePage(web, id, response, { news });
  }

  @Post(':id/start')
  @Header('content-type', HTML)
  start(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    return this.act(web, id, response, 'started', () => this.control.move(staffMember(web), idOrNone(id), 'start'));
  }

  @Post(':id/adjourn')
  @Header('content-type', HTML)
  adjourn(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    return this.act(web, id, response, 'adjourned', () => this.control.move(staffMember(web), idOrNone(id), 'adjourn'));
  }

  @Post(':id/end')
  @Header('content-type', HTML)
  end(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    return this.act(web, id, response, 'ended', () => this.control.move(staffMember(web), idOrNone(id), 'end'));
  }

  @Post(':id/cancel')
  @Header('content-type', HTML)
  async cancel(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const reason = formText(form.reason, 1000).trim();
    if (!reason) {
      response.status(422);
      const errors = [{ field: 'cancel-reason', message: this.translator(web).t('cc.invalid.reason') }];
      return this.consolePage(web, id, response, { sent: { form: 'cancel', draft: { reason }, errors } });
    }
    return this.act(web, id, response, 'cancelled', () => this.control.cancel(staffMember(web), idOrNone(id), reason));
  }

  @Post(':id/agenda')
  @Header('content-type', HTML)
  async addItem(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { input, draft, errors } = await readAgendaItemForm(this.translator(web), form);
    if (errors.length > 0) {
      response.status(422);
      return this.consolePage(web, id, response, { sent: { form: 'agenda', draft, errors } });
    }
    return this.act(web, id, response, 'added', () => this.meetings.addItem(staffMember(web), idOrNone(id), input), {
      form: 'agenda',
      draft,
      errors,
    });
  }

  @Post(':id/agenda/:itemId/open')
  @Header('content-type', HTML)
  openItem(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('itemId') itemId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(web, id, response, 'opened', () => this.control.openItem(staffMember(web), idOrNone(id), idOrNone(itemId)));
  }

  @Post(':id/agenda/:itemId/close')
  @Header('content-type', HTML)
  closeItem(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('itemId') itemId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(web, id, response, 'closed', () => this.control.closeItem(staffMember(web), idOrNone(id), idOrNone(itemId)));
  }

  @Post(':id/details')
  @Header('content-type', HTML)
  async details(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    const { input, draft, errors } = await readDetailsForm(t, form, web.timeZone);
    const sent = { form: 'details', draft, errors };
    if (errors.length > 0) {
      response.status(422);
      return this.consolePage(web, id, response, { sent });
    }
    try {
      await this.meetings.update(staffMember(web), idOrNone(id), input);
    } catch (error) {
      // The stream address is checked by the service, as the api's: its reason goes beside the field.
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.consolePage(web, id, response, {
        sent: { ...sent, errors: [{ field: 'streamUrl', message: t.t('cc.invalid.streamUrl', { reason: refusal.detail }) }] },
      });
    }
    return seeOther(response, withNews(`${MEETINGS_CONSOLE}/${id}`, 'updated'));
  }

  @Post(':id/agenda/:itemId/up')
  @Header('content-type', HTML)
  up(@Web() web: WebRequest, @Param('id') id: string, @Param('itemId') itemId: string, @Res({ passthrough: true }) response: Response) {
    return this.moveAgendaItem(web, id, itemId, -1, response);
  }

  @Post(':id/agenda/:itemId/down')
  @Header('content-type', HTML)
  down(@Web() web: WebRequest, @Param('id') id: string, @Param('itemId') itemId: string, @Res({ passthrough: true }) response: Response) {
    return this.moveAgendaItem(web, id, itemId, 1, response);
  }

  @Post(':id/agenda/:itemId/remove')
  @Header('content-type', HTML)
  remove(@Web() web: WebRequest, @Param('id') id: string, @Param('itemId') itemId: string, @Res({ passthrough: true }) response: Response) {
    return this.act(web, id, response, 'removed', () => this.meetings.removeItem(idOrNone(id), idOrNone(itemId)));
  }

  /** Swaps the item with its neighbour and sends the whole order, as the api's reorder takes it. */
  private moveAgendaItem(web: WebRequest, id: string, itemId: string, by: -1 | 1, response: Response) {
    return this.act(web, id, response, 'moved', async () => {
      const order = swappedWithNeighbour(
        (await this.query.get(idOrNone(id))).agenda.map((item) => item.id),
        itemId,
        by,
      );
      if (order) await this.meetings.reorder(idOrNone(id), Object.assign(new ReorderAgendaDto(), { itemIds: order }));
    });
  }

  /** Records the open item's decision under the form's key: a double click or a resend records it once. */
  @Post(':id/agenda/:itemId/decisions')
  @Header('content-type', HTML)
  async record(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('itemId') itemId: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { input, draft, errors } = await readDecisionForm(this.translator(web), form, false);
    const sent = { form: 'decide', draft, errors };
    if (errors.length > 0) {
      response.status(422);
      return this.consolePage(web, id, response, { sent });
    }
    const key = typeof form.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(form.idempotencyKey) ? form.idempotencyKey : undefined;
    return this.act(
      web,
      id,
      response,
      'recorded',
      () => this.decisions.record(staffMember(web), idOrNone(id), idOrNone(itemId), input as RecordDecisionDto, key),
      sent,
    );
  }

  @Post(':id/decisions/:decisionId/corrections')
  @Header('content-type', HTML)
  async correct(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('decisionId') decisionId: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const read = await readDecisionForm(this.translator(web), form, true);
    const prefix = `c-${decisionId}-`;
    const sent = {
      form: `correct:${decisionId}`,
      draft: read.draft,
      errors: read.errors.map((error) => ({ ...error, field: `${prefix}${error.field}` })),
    };
    if (sent.errors.length > 0) {
      response.status(422);
      return this.consolePage(web, id, response, { sent });
    }
    return this.act(
      web,
      id,
      response,
      'corrected',
      () => this.decisions.correct(staffMember(web), idOrNone(decisionId), read.input as CorrectDecisionDto),
      sent,
    );
  }

  /** Does a step, then back to the console saying so; a refusal is shown on the console, with what was typed. */
  private async act(
    web: WebRequest,
    id: string,
    response: Response,
    news: string,
    step: () => Promise<unknown>,
    sent?: Sent,
  ): Promise<string | undefined> {
    return consoleStep(response, step, withNews(`${MEETINGS_CONSOLE}/${id}`, news), (refusal) =>
      this.consolePage(web, id, response, { refusal, sent: sent && { ...sent, errors: [] } }),
    );
  }

  private async consolePage(
    web: WebRequest,
    id: string,
    response: Response,
    state: { news?: unknown; refusal?: Refusal; sent?: Sent },
  ): Promise<string> {
    const t = this.translator(web);
    if (!isUuid(id)) return notFound(response, t, this.site.name, web);
    const page = { ...web, path: `${MEETINGS_CONSOLE}/${id}` };
    const live = await this.live.config(page, [roomName('meetings', id)], LIVE_CONSOLE);
    const meeting = await this.query.get(id).catch(() => null);
    if (!meeting) return notFound(response, t, this.site.name, web);
    const links = meeting.agenda.flatMap((item) => [...item.links, ...item.decisions.flatMap((decision) => decision.links)]);
    const titles = await this.resources.visibleTitles(links, web.principal);
    const news = newsText(t, 'cc.news', state.news);
    return renderPage(
      <LiveConsolePage
        t={t}
        siteName={this.site.name}
        web={page}
        meeting={meeting}
        titles={titles}
        live={live}
        details={detailsDraftOf(meeting, web.timeZone)}
        idempotencyKey={this.decisionKey(web, meeting)}
        sent={state.sent}
        news={news}
        refusal={state.refusal && <Refused t={t} message="cc.refused" detail={state.refusal.detail} />}
      />,
    );
  }

  /**
   * The decision form's key: this clerk's session, the open item, and how many decisions it has. It stays
   * the same until one is recorded, so a double click or a resend after a dropped connection gets the same
   * decision back; the next decision on the item gets a new key.
   */
  private decisionKey(web: WebRequest, meeting: MeetingView): string | null {
    const open = meeting.agenda.find((item) => item.status === 'open');
    if (!open || meeting.status !== 'live' || !web.principal) return null;
    const session = createHash('sha256').update(`${web.principal.sessionId}:${open.id}`).digest('base64url').slice(0, 22);
    return `web-${session}-${open.decisions.length + 1}`;
  }

  private async listPage(web: WebRequest, draft: Draft, errors: FieldError[], news?: unknown): Promise<string> {
    const t = this.translator(web);
    const [upcoming, past] = await Promise.all([
      this.query.list(Object.assign(new ListMeetingsQueryDto(), { when: 'upcoming', limit: 100 })),
      this.query.list(Object.assign(new ListMeetingsQueryDto(), { when: 'past', limit: 20 })),
    ]);
    return renderPage(
      <MeetingsConsolePage
        t={t}
        siteName={this.site.name}
        web={web}
        current={upcoming.items.filter((meeting) => meeting.status !== 'cancelled' && meeting.status !== 'ended')}
        past={[...past.items, ...upcoming.items.filter((meeting) => meeting.status === 'cancelled')]}
        draft={draft}
        errors={errors}
        news={newsText(t, 'cc.news', news)}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, COUNCIL_CONSOLE_MESSAGES, COUNCIL_MESSAGES);
  }
}
