import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { roomName } from '@polity/contracts';
import { isUuid, SiteConfig } from '@polity/platform';
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
  resourceAddresses,
  resourceLinksFrom,
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
import { CreatePostDto, MarkPostDto } from '../posts/posts.dto';
import { PostsService } from '../posts/posts.service';
import { CreateThreadDto, ListThreadsQueryDto, MoveStageDto, UpdateThreadDto } from '../threads/threads.dto';
import { ThreadsService } from '../threads/threads.service';
import { ThreadsQuery } from '../timeline/threads.query';
import { FacilitationPage } from './facilitation.page';
import { THREADS_CONSOLE_MESSAGES } from './threads-console.messages';
import { THREADS_CONSOLE, ThreadsConsolePage } from './threads-console.page';

/** New posts and marks, stage moves and settings reach the thread's room: the page brings its posts up to date. */
const LIVE_THREAD: Record<string, LiveAction> = Object.fromEntries(
  ['thread.post_created', 'thread.post_updated', 'thread.stage_changed', 'thread.updated'].map((event) => [event, { refresh: true }]),
);
const POSTS_SHOWN = 100;

type Sent = { form: string; draft: Record<string, string>; errors: FieldError[] };

/** The officials' console for co-design threads: opening them and facilitating each. */
@StaffOnly('official')
@Controller('staff/threads')
export class ThreadsConsoleController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly query: ThreadsQuery,
    private readonly live: LivePages,
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
    const draft = {
      title: formText(form.title, 300),
      serviceName: formText(form.serviceName, 200),
      department: formText(form.department, 200),
      description: formText(form.description, 20_000),
      stages: formText(form.stages, 2000),
      links: formText(form.links, 5000),
    };
    const stages = draft.stages
      .split(/\r?\n/)
      .map((stage) => stage.trim())
      .filter(Boolean);
    const { links, unknown } = resourceLinksFrom(draft.links);
    const input = plainToInstance(CreateThreadDto, {
      title: draft.title,
      serviceName: draft.serviceName,
      department: draft.department,
      description: draft.description,
      ...(stages.length > 0 && { stages }),
      links,
    });
    const invalid = new Set((await validate(input)).map((error) => error.property));
    const errors: FieldError[] = ['title', 'serviceName', 'department', 'description', 'stages']
      .filter((field) => invalid.has(field))
      .map((field) => ({ field, message: t.t(`tc.invalid.${field}`) }));
    if (unknown.length > 0) errors.push({ field: 'links', message: t.t('tc.invalid.links', { lines: unknown.join(', ') }) });
    if (errors.length > 0) {
      response.status(422);
      return this.listPage(web, draft, errors);
    }
    try {
      const thread = await this.threads.create(staffMember(web), input);
      return seeOther(response, withNews(`${THREADS_CONSOLE}/${thread.id}`, 'created'));
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.listPage(web, draft, [], refusal.detail);
    }
  }

  @Get(':id')
  @Header('content-type', HTML)
  facilitate(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Query('news') news: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    return this.page(web, id, response, {
      news: newsText(t, 'tc.news', news),
    });
  }

  @Post(':id/stage')
  @Header('content-type', HTML)
  async moveStage(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const draft = { stage: formText(form.stage, 40), summary: formText(form.summary, 10_000) };
    const input = plainToInstance(MoveStageDto, draft);
    const sent: Sent = { form: 'stage', draft, errors: [] };
    if ((await validate(input)).some((error) => error.property === 'summary')) {
      sent.errors.push({ field: 'summary', message: this.translator(web).t('tc.invalid.summary') });
      response.status(422);
      return this.page(web, id, response, { sent });
    }
    return this.act(web, id, response, 'moved', () => this.threads.moveStage(staffMember(web), idOrNone(id), input), sent);
  }

  @Post(':id/status')
  @Header('content-type', HTML)
  status(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const input = plainToInstance(UpdateThreadDto, { status: form.status === 'closed' ? 'closed' : 'open' });
    return this.act(web, id, response, 'status', () => this.threads.update(staffMember(web), idOrNone(id), input));
  }

  @Post(':id/links')
  @Header('content-type', HTML)
  async links(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const draft = { links: formText(form.links, 5000) };
    const { links, unknown } = resourceLinksFrom(draft.links);
    if (unknown.length > 0) {
      response.status(422);
      const errors = [{ field: 'links', message: this.translator(web).t('tc.invalid.links', { lines: unknown.join(', ') }) }];
      return this.page(web, id, response, { sent: { form: 'links', draft, errors } });
    }
    const input = plainToInstance(UpdateThreadDto, { links });
    return this.act(web, id, response, 'links', () => this.threads.update(staffMember(web), idOrNone(id), input), {
      form: 'links',
      draft,
      errors: [],
    });
  }

  @Post(':id/posts')
  @Header('content-type', HTML)
  async post(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const draft = { type: formText(form.type, 20), body: formText(form.body, 10_000) };
    const input = plainToInstance(CreatePostDto, draft);
    const sent: Sent = { form: 'post', draft, errors: [] };
    if ((await validate(input)).length > 0) {
      sent.errors.push({ field: 'body', message: this.translator(web).t('tc.invalid.body') });
      response.status(422);
      return this.page(web, id, response, { sent });
    }
    return this.act(web, id, response, 'posted', () => this.posts.create(staffMember(web), idOrNone(id), input), sent);
  }

  /** A pin or an answered mark, one click each; the button says which way it goes. */
  @Post(':id/posts/:postId/marks')
  @Header('content-type', HTML)
  mark(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('postId') postId: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const flag = (value: unknown) => (value === 'true' ? true : value === 'false' ? false : undefined);
    const input = plainToInstance(MarkPostDto, {
      ...(flag(form.pinned) !== undefined && { pinned: flag(form.pinned) }),
      ...(flag(form.answered) !== undefined && { answered: flag(form.answered) }),
    });
    return this.act(web, id, response, 'marked', () => this.posts.mark(staffMember(web), idOrNone(id), idOrNone(postId), input));
  }

  private async act(web: WebRequest, id: string, response: Response, news: string, step: () => Promise<unknown>, sent?: Sent) {
    return consoleStep(response, step, withNews(`${THREADS_CONSOLE}/${id}`, news), (refusal) =>
      this.page(web, id, response, { sent: sent && { ...sent, errors: [] }, refused: refusal.detail }),
    );
  }

  private async page(
    web: WebRequest,
    id: string,
    response: Response,
    state: { news?: string; sent?: Sent; refused?: string },
  ): Promise<string> {
    const t = this.translator(web);
    if (!isUuid(id)) return notFound(response, t, this.site.name, web);
    const page = { ...web, path: `${THREADS_CONSOLE}/${id}` };
    const live = await this.live.config(page, [roomName('threads', id)], LIVE_THREAD);
    const thread = await this.query.get(id, web.principal).catch(() => null);
    if (!thread) return notFound(response, t, this.site.name, web);
    const posts = await this.query.latestPosts(id, POSTS_SHOWN, web.principal);
    return renderPage(
      <FacilitationPage
        t={t}
        siteName={this.site.name}
        web={page}
        thread={thread}
        posts={posts}
        links={resourceAddresses(thread.links)}
        live={live}
        sent={state.sent}
        news={state.news}
        refusal={state.refused && <Refused t={t} message="tc.refused" detail={state.refused} />}
      />,
    );
  }

  private async listPage(web: WebRequest, draft: Record<string, string>, errors: FieldError[], refused?: string): Promise<string> {
    const t = this.translator(web);
    const threads = await this.query.list(Object.assign(new ListThreadsQueryDto(), { limit: 100 }), web.principal);
    return renderPage(
      <ThreadsConsolePage
        t={t}
        siteName={this.site.name}
        web={{ ...web, path: THREADS_CONSOLE }}
        threads={threads.items}
        draft={draft}
        errors={errors}
        refusal={refused && <Refused t={t} message="tc.refused" detail={refused} />}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, THREADS_CONSOLE_MESSAGES);
  }
}
