import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CommentThreadsQuery, type CommentThreadDto } from '@polity/comments';
import { PROPOSAL_STATUSES, type ProposalView } from '@polity/contracts';
import { DistrictsService } from '@polity/districts';
import { type Page, ProblemException, Public, SiteConfig } from '@polity/platform';
import { HTML, NotFoundPage, renderPage, SHELL_MESSAGES, Translator, Web, type WebRequest } from '@polity/web';
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { ListProposalsQueryDto, PROPOSAL_SORTS, type ProposalSort } from '../proposals.dto';
import { ProposalsQuery } from '../proposals.query';
import { type ProposalFilters, ProposalListPage } from './proposal-list.page';
import { ProposalPage } from './proposal.page';
import { PROPOSALS_MESSAGES } from './proposals.messages';

const COMMENTS_PER_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    private readonly districts: DistrictsService,
    private readonly site: SiteConfig,
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
      status: oneOf(raw.status, PROPOSAL_STATUSES),
      sort: oneOf<ProposalSort>(raw.sort, PROPOSAL_SORTS) ?? 'newest',
      seed: param(raw.seed, 40),
    };
    if (filters.sort === 'random' && !filters.seed) {
      // A shuffle keeps its order from page to page only with its seed in the address.
      response.redirect(303, `/proposals?${this.search({ ...filters, seed: randomBytes(6).toString('hex') })}`);
      return undefined;
    }
    const query = Object.assign(new ListProposalsQueryDto(), { ...filters, cursor: param(raw.cursor, 500) });
    const [page, districts] = await Promise.all([
      this.proposals.list(query, undefined).catch((error: unknown) => {
        if (isBadRequest(error)) return this.proposals.list(Object.assign(query, { cursor: undefined }), undefined);
        throw error;
      }),
      this.districts.list(),
    ]);
    const t = new Translator(web.locale, [SHELL_MESSAGES, PROPOSALS_MESSAGES]);
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
    @Query('comments') commentsCursor: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const t = new Translator(web.locale, [SHELL_MESSAGES, PROPOSALS_MESSAGES]);
    const proposal = UUID.test(id) ? await this.proposals.findPublic(id) : null;
    if (!proposal) {
      response.status(404);
      return renderPage(<NotFoundPage t={t} siteName={this.site.name} web={web} />);
    }
    const comments = await this.conversation(proposal, param(commentsCursor, 500));
    return renderPage(
      <ProposalPage
        t={t}
        siteName={this.site.name}
        web={web}
        proposal={proposal}
        comments={comments.items}
        moreComments={
          comments.nextCursor ? `/proposals/${proposal.id}?comments=${encodeURIComponent(comments.nextCursor)}#comments-title` : null
        }
      />,
    );
  }

  private async conversation(proposal: ProposalView, cursor: string | undefined): Promise<Page<CommentThreadDto>> {
    const page = (after: string | undefined) => this.comments.page('proposals', proposal.id, 'oldest', COMMENTS_PER_PAGE, after, undefined);
    return page(cursor).catch((error: unknown) => {
      if (isBadRequest(error)) return page(undefined);
      throw error;
    });
  }

  private search(values: Record<string, string | undefined>): string {
    return new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  }
}
