import { Body, Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DistrictsService } from '@polity/districts';
import { ProblemException, Public, renderMarkdown, SiteConfig } from '@polity/platform';
import { type FieldError, HTML, renderPage, SHELL_MESSAGES, signInFirst, Translator, Web, type WebRequest } from '@polity/web';
import type { Response } from 'express';
import { ProposalsService } from '../proposals.service';
import { proposalRefusal, readProposalForm } from './proposal-form';
import { ProposalFormPage, type ProposalDraft } from './proposal-form.page';
import { PROPOSALS_MESSAGES } from './proposals.messages';

/** Making a proposal from the site: a form with a preview, published by the proposals service like any other. */
@ApiExcludeController()
@Public()
@Controller('proposals/new')
export class NewProposalPagesController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly districts: DistrictsService,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async form(@Web() web: WebRequest, @Res({ passthrough: true }) response: Response): Promise<string | undefined> {
    if (!web.principal) return signInFirst(response, '/proposals/new');
    return this.page(web, {}, []);
  }

  @Post()
  @HttpCode(200)
  @Header('content-type', HTML)
  async submit(
    @Web() web: WebRequest,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    if (!web.principal) return signInFirst(response, '/proposals/new');
    const t = this.translator(web);
    const { draft, input, errors } = await readProposalForm(form, t);
    if (form.action === 'preview' || errors.length > 0) {
      if (errors.length > 0) response.status(422);
      return this.page(web, draft, errors, form.action === 'preview' ? renderMarkdown(input.body ?? '') : undefined);
    }
    try {
      const created = await this.proposals.create(web.principal, input);
      response.redirect(303, `/proposals/${created.id}`);
      return undefined;
    } catch (error) {
      if (!(error instanceof ProblemException) || ![403, 409, 422, 429].includes(error.getStatus())) throw error;
      const refusal = proposalRefusal(error.getResponse() as { code?: string; detail?: string }, t, 'proposals.new.refused');
      response.status(error.getStatus() === 429 ? 429 : 422);
      return this.page(web, draft, [refusal]);
    }
  }

  private async page(web: WebRequest, draft: ProposalDraft, errors: FieldError[], previewHtml?: string): Promise<string> {
    return renderPage(
      <ProposalFormPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        districts={await this.districts.list()}
        draft={draft}
        errors={errors}
        previewHtml={previewHtml}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return new Translator(web.locale, [SHELL_MESSAGES, PROPOSALS_MESSAGES], web.timeZone);
  }
}
