import { Body, Controller, Get, Header, HttpCode, NotFoundException, Optional, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  type CommentDraft,
  CommentForms,
  COMMENTS_MESSAGES,
  COMMENT_SORTS,
  type CommentSort,
  CommentThreadsQuery,
  type CommentThreadDto,
} from '@polity/comments';
import { FollowsService } from '@polity/follows';
import { PROPOSAL_STATUSES, type ProposalView, roomName } from '@polity/contracts';
import { DistrictsService } from '@polity/districts';
import { isUuid, type Page, ProblemException, Public, SiteConfig } from '@polity/platform';
import {
  DecisionPanels,
  HTML,
  type LiveAction,
  LivePages,
  notFound,
  pageTranslator,
  renderPage,
  seeOther,
  signInFirst,
  Translator,
  Web,
  type WebRequest,
} from '@polity/web';
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { ListProposalsQueryDto, PROPOSAL_SORTS, type ProposalSort } from '../proposals.dto';
import { ProposalReaderViews } from '../proposal-reader-views';
import { ProposalSupportsService } from '../proposal-supports.service';
import { ProposalsQuery } from '../proposals.query';
import { type ProposalFilters, ProposalListPage } from './proposal-list.page';
import { ProposalPage } from './proposal.page';
import { PROPOSALS_MESSAGES } from './proposals.messages';

const COMMENTS_PER_PAGE = 50;

/** What a proposal page follows in its room. */
const LIVE_PROPOSAL: Record<string, LiveAction> = {
  'proposal.support_count': { count: 'support-count', field: 'supportCount' },
  'proposal.comment_count': { count: 'comment-count', field: 'commentCount' },
  'comment.created': { fragment: '/comments/{id}' },
  'comment.updated': { fragment: '/comments/{id}' },
  'comment.deleted': { fragment: '/comments/{id}' },
  'proposal.answered': { refresh: true },
  'proposal.updated': { refresh: true },
  'proposal.removed': { refresh: true },
  'decision.recorded': { refresh: true },
  'decision.corrected': { refresh: true },
};

/** A query parameter as the page uses it: one short string, or nothing (an empty field is nothing). */
const param = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/** A 400 for a cursor that does not decode: the page shows the first page instead. */
const isBadRequest = (error: unknown): boolean => error instanceof ProblemException && error.getStatus() === 400;

/** The residents' proposal pages: the list with search and filters, and one proposal with its conversation. */
@ApiExcludeController()
@Public()
@Controller('proposals')
export class ProposalsPagesController {
  constructor(
    private readonly proposals: ProposalsQuery,
    private readonly comments: CommentThreadsQuery,
    private readonly commentForms: CommentForms,
    private readonly follows: FollowsService,
    private readonly supports: ProposalSupportsService,
    private readonly readerViews: ProposalReaderViews,
    private readonly districts: DistrictsService,
    private readonly site: SiteConfig,
    private readonly live: LivePages,
    @Optional() private readonly decisionPanels?: DecisionPanels,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async list(
    @Web() web: WebRequest,
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const filters: ProposalFilters = {
      q: param(raw.q, 200),
      district: param(raw.district, 40),
      tag: param(raw.tag, 30)?.toLowerCase(),
      status: oneOf(raw.status, PROPOSAL_STATUSES),
      sort: oneOf<ProposalSort>(raw.sort, PROPOSAL_SORTS) ?? 'newest',
      seed: param(raw.seed, 40),
    };
    if (filters.sort === 'random' && !filters.seed) {
      // A shuffle keeps its order from page to page only with its seed in the address.
      return seeOther(response, `/proposals?${this.search({ ...filters, seed: randomBytes(6).toString('hex') })}`);
    }
    const query = Object.assign(new ListProposalsQueryDto(), { ...filters, cursor: param(raw.cursor, 500) });
    const [page, districts] = await Promise.all([
      this.proposals.list(query, undefined).catch((error: unknown) => {
        if (isBadRequest(error)) return this.proposals.list(Object.assign(query, { cursor: undefined }), undefined);
        throw error;
      }),
      this.districts.list(),
    ]);
    const t = this.translator(web);
    return renderPage(
      <ProposalListPage
        t={t}
        siteName={this.site.name}
        web={web}
        filters={filters}
        districts={districts}
        proposals={page.items}
        next={page.nextCursor ? `/proposals?${this.search({ ...filters, cursor: page.nextCursor })}` : null}
      />,
    );
  }

  @Get(':id')
  @Header('content-type', HTML)
  async one(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const sort = oneOf<CommentSort>(raw.sort, COMMENT_SORTS) ?? 'oldest';
    return this.proposalPage(web, id, { sort, cursor: param(raw.comments, 500) }, { errors: [] }, response);
  }

  /** Supports, or withdraws the reader's support (the form says which), then back to the proposal. */
  @Post(':id/support')
  async support(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    if (!isUuid(id)) throw new NotFoundException();
    if (!web.principal) return signInFirst(response, `/proposals/${id}`);
    const change =
      form.support === 'withdraw' ? this.supports.withdrawSupport(web.principal, id) : this.supports.support(web.principal, id);
    // A proposal that stopped taking supports meanwhile: the page it goes back to says where it stands.
    await change.catch((error: unknown) => {
      if (!(error instanceof ProblemException) || error.getStatus() !== 409) throw error;
    });
    seeOther(response, `/proposals/${id}`);
  }

  /** Follows the proposal, or stops (the form says which), then back to it. */
  @Post(':id/follow')
  async follow(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    if (!isUuid(id)) throw new NotFoundException();
    if (!web.principal) return signInFirst(response, `/proposals/${id}`);
    // Only what the reader may see can be followed.
    if (!(await this.proposals.get(id, web.principal).catch(() => null))) throw new NotFoundException();
    if (form.follow === 'remove') await this.follows.unfollow('proposals', id, web.principal.userId);
    else await this.follows.follow('proposals', id, web.principal.userId);
    seeOther(response, `/proposals/${id}`);
  }

  /** Publishes the reader's comment and shows it in place; a refused one comes back with the text kept. */
  @Post(':id/comments')
  @HttpCode(422)
  @Header('content-type', HTML)
  async comment(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    if (!isUuid(id)) throw new NotFoundException();
    if (!web.principal) return signInFirst(response, `/proposals/${id}`);
    const published = await this.commentForms.publish(web.principal, 'proposals', id, form, this.translator(web));
    if ('id' in published) {
      return seeOther(response, `/proposals/${id}#comment-${published.id}`);
    }
    return this.proposalPage(web, id, { sort: 'oldest' }, published, response);
  }

  private async proposalPage(
    web: WebRequest,
    id: string,
    comments: { sort: CommentSort; cursor?: string },
    draft: CommentDraft,
    response: Response,
  ): Promise<string> {
    const t = this.translator(web);
    if (!isUuid(id)) return this.notFound(web, response);
    // Read before the proposal: whatever changes after this reaches the page.
    const live = await this.live.config(web, [roomName('proposals', id)], LIVE_PROPOSAL);
    const shared = await this.proposals.get(id, web.principal).catch(() => null);
    if (!shared) return this.notFound(web, response);
    const [proposal, conversation, following, decisions] = await Promise.all([
      this.readerViews.one(shared, web.principal),
      this.conversation(shared, comments, web),
      web.principal ? this.follows.isFollowing('proposals', id, web.principal.userId) : false,
      this.decisionPanels?.render(web, 'proposals', id) ?? null,
    ]);
    const more = conversation.nextCursor
      ? `/proposals/${id}?${this.search({ sort: comments.sort, comments: conversation.nextCursor })}#comments-title`
      : null;
    return renderPage(
      <ProposalPage
        t={t}
        siteName={this.site.name}
        web={web}
        proposal={proposal}
        comments={conversation.items}
        moreComments={more}
        commentDraft={draft}
        commentSort={comments.sort}
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
    return pageTranslator(web, PROPOSALS_MESSAGES, COMMENTS_MESSAGES);
  }

  private async conversation(
    proposal: ProposalView,
    { sort, cursor }: { sort: CommentSort; cursor?: string },
    web: WebRequest,
  ): Promise<Page<CommentThreadDto>> {
    const page = (after: string | undefined) => this.comments.page('proposals', proposal.id, sort, COMMENTS_PER_PAGE, after, web.principal);
    return page(cursor).catch((error: unknown) => {
      if (isBadRequest(error)) return page(undefined);
      throw error;
    });
  }

  private search(values: Record<string, string | undefined>): string {
    return new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  }
}
