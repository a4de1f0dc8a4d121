import { Body, Controller, Get, Header, Headers, NotFoundException, Optional, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { roomName, THREAD_POST_TYPES, type ThreadPostType, type ThreadView } from '@polity/contracts';
import { FollowsService } from '@polity/follows';
import { DiscussableResources, isUuid, ProblemException, Public, SiteConfig } from '@polity/platform';
import {
  DecisionPanels,
  formText,
  HTML,
  LIVE_HEADER,
  type LiveAction,
  LivePages,
  notFound,
  pageTranslator,
  renderPage,
  seeOther,
  signInFirst,
  type Translator,
  Web,
  type WebRequest,
} from '@polity/web';
import type { Response } from 'express';
import { renderToString } from 'preact-render-to-string';
import { PostsService } from '../posts/posts.service';
import { ListThreadsQueryDto } from '../threads/threads.dto';
import { ThreadsQuery } from '../timeline/threads.query';
import { CODESIGN_MESSAGES } from './codesign.messages';
import { type PostDraft, ThreadPage } from './thread.page';
import { ThreadListPage } from './thread-list.page';
import { ThreadPageData, postsOf } from './thread-page-data';
import { PostItem } from './thread-post-item';

const LIVE_THREAD: Record<string, LiveAction> = {
  'thread.post_created': { fragment: '/thread-posts/{id}' },
  'thread.post_updated': { fragment: '/thread-posts/{id}' },
  'thread.stage_changed': { refresh: true },
  'thread.updated': { refresh: true },
  'decision.recorded': { refresh: true },
  'decision.corrected': { refresh: true },
};
const TIMELINE_PAGE = 100;
/** What residents post; `update` is the facilitators'. */
const RESIDENT_TYPES: readonly ThreadPostType[] = THREAD_POST_TYPES.filter((type) => type !== 'update');

/** The residents' co-design pages: the threads, one thread with its stages and timeline, posting, replying and reacting. */
@ApiExcludeController()
@Public()
@Controller()
export class CodesignPagesController {
  constructor(
    private readonly threads: ThreadsQuery,
    private readonly posts: PostsService,
    private readonly data: ThreadPageData,
    private readonly resources: DiscussableResources,
    private readonly follows: FollowsService,
    private readonly site: SiteConfig,
    private readonly live: LivePages,
    @Optional() private readonly decisionPanels?: DecisionPanels,
  ) {}

  @Get('threads')
  @Header('content-type', HTML)
  async list(@Web() web: WebRequest): Promise<string> {
    const [open, closed] = await Promise.all(
      (['open', 'closed'] as const).map((status) =>
        this.threads.list(Object.assign(new ListThreadsQueryDto(), { status, limit: 50 }), web.principal),
      ),
    );
    return renderPage(
      <ThreadListPage t={this.translator(web)} siteName={this.site.name} web={web} threads={[...open.items, ...closed.items]} />,
    );
  }

  @Get('threads/:id')
  @Header('content-type', HTML)
  async one(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Query('after') after: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return this.threadPage(web, id, typeof after === 'string' ? after : undefined, { type: '', body: '', errors: [] }, response);
  }

  /** A resident's post, or a reply (with `parentId`); refused ones come back beside the form with the text kept. */
  @Post('threads/:id/posts')
  @Header('content-type', HTML)
  async post(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    if (!isUuid(id)) return this.notFound(web, response);
    if (!web.principal) return signInFirst(response, `/threads/${id}`);
    const t = this.translator(web);
    const parentId = typeof form.parentId === 'string' && isUuid(form.parentId) ? form.parentId : undefined;
    const draft: PostDraft = {
      type: parentId ? '' : formText(form.type, 20),
      body: formText(parentId ? form[`reply-${parentId}`] : form.body, 10_001),
      errors: [],
    };
    if (!parentId && !RESIDENT_TYPES.includes(draft.type as ThreadPostType))
      draft.errors.push({ field: 'type', message: t.t('codesign.form.invalid.type') });
    if (draft.body.trim() === '' || draft.body.length > 10_000)
      draft.errors.push({ field: 'body', message: t.t('codesign.form.invalid.body') });
    if (draft.errors.length === 0) {
      try {
        const input = parentId ? { parentId, body: draft.body } : { type: draft.type as ThreadPostType, body: draft.body };
        const post = await this.posts.create(web.principal, id, input);
        return seeOther(response, `/threads/${id}#post-${post.id}`);
      } catch (error) {
        if (!(error instanceof ProblemException) || ![403, 409, 422, 429].includes(error.getStatus())) throw error;
        draft.errors.push({ field: 'body', message: t.t('codesign.form.refused', { reason: error.problem.detail }) });
      }
    }
    response.status(422);
    return this.threadPage(web, id, undefined, draft, response);
  }

  /** Support or "me too" on a post, given or taken back (the button says which), then back to it. */
  @Post('threads/:id/posts/:postId/react')
  async react(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('postId') postId: string,
    @Body() form: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    if (!isUuid(id) || !isUuid(postId)) throw new NotFoundException();
    if (!web.principal) return signInFirst(response, `/threads/${id}`);
    const reaction = form.support !== undefined ? 'support' : form.me_too !== undefined ? 'me_too' : null;
    if (reaction) {
      const on = (form[reaction] ?? 'on') !== 'off';
      // A post deleted, held or closed meanwhile: the page it goes back to shows why.
      await this.posts.react(web.principal, id, postId, reaction, on).catch((error: unknown) => {
        if (!(error instanceof ProblemException) || ![403, 404, 409].includes(error.getStatus())) throw error;
      });
    }
    seeOther(response, `/threads/${id}#post-${postId}`);
  }

  /** A post's address: its place in its thread, or (for the live client) the post alone. */
  @Get('thread-posts/:id')
  async postOf(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Headers(LIVE_HEADER) live: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const post = isUuid(id) ? await this.data.post(id, web.principal) : null;
    if (!post) throw new NotFoundException();
    if (!live) return seeOther(response, `/threads/${post.threadId}#post-${post.id}`);
    const thread = await this.threads.get(post.threadId, web.principal);
    const mine = await this.data.reactionsOf(web.principal, [post.id]);
    response
      .type(HTML)
      .send(
        renderToString(
          <PostItem t={this.translator(web)} web={web} post={post} replies={new Map()} mine={mine} threadOpen={thread.status === 'open'} />,
        ),
      );
  }

  private async threadPage(web: WebRequest, id: string, after: string | undefined, draft: PostDraft, response: Response): Promise<string> {
    if (!isUuid(id)) return this.notFound(web, response);
    const live = await this.live.config(web, [roomName('threads', id)], LIVE_THREAD);
    const thread: ThreadView | null = await this.threads.get(id, web.principal).catch(() => null);
    if (!thread) return this.notFound(web, response);
    const read = (cursor: string | undefined) => this.threads.timeline(id, { limit: TIMELINE_PAGE, cursor }, web.principal);
    const timeline = await read(after).catch(() => read(undefined));
    const posts = postsOf(timeline.items);
    const [summaries, replies, linkTitles, following, decisions] = await Promise.all([
      this.data.summaries(id),
      this.data.replies(id, posts, web.principal),
      this.resources.visibleTitles(thread.links, web.principal),
      web.principal ? this.follows.isFollowing('threads', id, web.principal.userId) : false,
      this.decisionPanels?.render(web, 'threads', id) ?? null,
    ]);
    const mine = await this.data.reactionsOf(
      web.principal,
      [...posts, ...[...replies.values()].flat()].map((post) => post.id),
    );
    return renderPage(
      <ThreadPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        thread={thread}
        timeline={timeline.items}
        more={timeline.nextCursor ? `/threads/${id}?${new URLSearchParams({ after: timeline.nextCursor }).toString()}` : null}
        summaries={summaries}
        replies={replies}
        mine={mine}
        linkTitles={linkTitles}
        draft={draft}
        following={following}
        decisions={decisions}
        live={live}
      />,
    );
  }

  private notFound(web: WebRequest, response: Response): string {
    return notFound(response, this.translator(web), this.site.name, web);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, CODESIGN_MESSAGES);
  }
}
