import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { isUuid, type Principal, SiteConfig } from '@polity/platform';
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
} from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { AnswerProposalDto, ListProposalsQueryDto } from '../proposals.dto';
import { ProposalsQuery } from '../proposals.query';
import { ProposalsService } from '../proposals.service';
import { SupportThreshold } from '../support-threshold';
import { AnswerPage } from './answer.page';
import { PROPOSALS_CONSOLE_MESSAGES } from './proposals-console.messages';
import { CONSOLE_TABS, type ConsoleTab, PROPOSALS_CONSOLE, ProposalsConsolePage } from './proposals-console.page';

/** The officials' proposals console: by status and support, and the official answer to each. */
@StaffOnly('official')
@Controller('staff/proposals')
export class ProposalsConsoleController {
  constructor(
    private readonly query: ProposalsQuery,
    private readonly proposals: ProposalsService,
    private readonly threshold: SupportThreshold,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async list(@Web() web: WebRequest, @Query() params: Record<string, unknown>): Promise<string> {
    const t = this.translator(web);
    const tab: ConsoleTab = (CONSOLE_TABS as readonly string[]).includes(params.status as string)
      ? (params.status as ConsoleTab)
      : 'published';
    const q = formText(params.q, 200).trim();
    const cursor = formText(params.cursor, 200);
    const [page, threshold] = await Promise.all([
      this.query.list(
        Object.assign(new ListProposalsQueryDto(), {
          status: tab,
          sort: 'most_supported',
          limit: 50,
          ...(q && { q }),
          ...(cursor && { cursor }),
        }),
        web.principal,
      ),
      this.threshold.current(),
    ]);
    const news = params.news === 'answered' ? t.t('pc.news.answered') : undefined;
    return renderPage(
      <ProposalsConsolePage
        t={t}
        siteName={this.site.name}
        web={web}
        tab={tab}
        q={q}
        proposals={page.items}
        nextCursor={page.nextCursor}
        threshold={threshold}
        news={news}
      />,
    );
  }

  @Get(':id')
  @Header('content-type', HTML)
  async answerPage(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const proposal = isUuid(id) ? await this.query.get(id, web.principal).catch(() => null) : null;
    if (!proposal) return notFound(response, this.translator(web), this.site.name, web);
    const draft = { status: proposal.answer?.status ?? 'evaluating', answer: proposal.answer?.text ?? '' };
    return this.page(web, id, draft, [], response);
  }

  @Post(':id/answer')
  @Header('content-type', HTML)
  async answer(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const t = this.translator(web);
    const draft = { status: formText(form.status, 20), answer: formText(form.answer, 10_000) };
    const input = plainToInstance(AnswerProposalDto, draft);
    const invalid = new Set((await validate(input)).map((error) => error.property));
    const errors = ['status', 'answer']
      .filter((field) => invalid.has(field))
      .map((field) => ({ field, message: t.t(`pc.invalid.${field}`) }));
    if (errors.length > 0) {
      response.status(422);
      return this.page(web, id, draft, errors, response);
    }
    try {
      await this.proposals.answer(web.principal as Principal, isUuid(id) ? id : '00000000-0000-0000-0000-000000000000', input);
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.page(web, id, draft, [], response, refusal.detail);
    }
    return seeOther(response, withNews(`${PROPOSALS_CONSOLE}?status=${input.status}`, 'answered'));
  }

  private async page(
    web: WebRequest,
    id: string,
    draft: { status: string; answer: string },
    errors: { field: string; message: string }[],
    response: Response,
    refused?: string,
  ): Promise<string> {
    const t = this.translator(web);
    const proposal = isUuid(id) ? await this.query.get(id, web.principal).catch(() => null) : null;
    if (!proposal) return notFound(response, t, this.site.name, web);
    return renderPage(
      <AnswerPage
        t={t}
        siteName={this.site.name}
        web={{ ...web, path: `${PROPOSALS_CONSOLE}/${id}` }}
        proposal={proposal}
        threshold={await this.threshold.current()}
        draft={draft}
        errors={errors}
        refusal={refused && <Refused t={t} message="pc.refused" detail={refused} />}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, PROPOSALS_CONSOLE_MESSAGES);
  }
}
