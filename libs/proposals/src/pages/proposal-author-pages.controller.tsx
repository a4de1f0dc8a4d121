import { Body, Controller, Get, Header, HttpCode, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ProposalView } from '@polity/contracts';
import { isUuid, ProblemException, Public, SiteConfig } from '@polity/platform';
import { type FieldError, formText, HTML, pageTranslator, renderPage, seeOther, signInFirst, Web, type WebRequest } from '@polity/web';
import type { Response } from 'express';
import { ProposalsQuery } from '../proposals.query';
import { ProposalsService } from '../proposals.service';
import { ProposalForms } from './proposal-forms';
import type { ProposalDraft } from './proposal-form.page';
import { PROPOSALS_MESSAGES } from './proposals.messages';
import { WithdrawProposalPage } from './withdraw-proposal.page';

/** A refusal the author can read (the proposal changed meanwhile); anything else is the server's fault. */
const refusalBody = (error: unknown): { code?: string; detail?: string } => {
  if (!(error instanceof ProblemException) || ![403, 409, 422, 429].includes(error.getStatus())) throw error;
  return error.getResponse() as { code?: string; detail?: string };
};

/** What only a proposal's author does on the site: edit it while nobody has answered it yet, withdraw it with a reason. */
@ApiExcludeController()
@Public()
@Controller('proposals/:id')
export class ProposalAuthorPagesController {
  constructor(
    private readonly query: ProposalsQuery,
    private readonly proposals: ProposalsService,
    private readonly forms: ProposalForms,
    private readonly site: SiteConfig,
  ) {}

  @Get('edit')
  @Header('content-type', HTML)
  async editForm(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    const proposal = await this.own(web, id, response);
    if (!proposal) return undefined;
    if (!proposal.editable) return seeOther(response, `/proposals/${id}`);
    const draft: ProposalDraft = {
      title: proposal.title,
      body: proposal.body,
      tags: proposal.tags.join(', '),
      district: proposal.district ?? '',
    };
    return this.forms.page(web, draft, [], { editing: id });
  }

  @Post('edit')
  @HttpCode(200)
  @Header('content-type', HTML)
  async edit(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const author = web.principal;
    if (!(await this.own(web, id, response)) || !author) return undefined;
    return this.forms.submit(
      web,
      form,
      response,
      async (input) => {
        await this.proposals.update(author, id, { ...input, district: input.district ?? null });
        return id;
      },
      id,
    );
  }

  @Get('withdraw')
  @Header('content-type', HTML)
  async withdrawForm(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    const proposal = await this.own(web, id, response);
    if (!proposal) return undefined;
    return renderPage(
      <WithdrawProposalPage
        t={pageTranslator(web, PROPOSALS_MESSAGES)}
        siteName={this.site.name}
        web={web}
        proposal={proposal}
        errors={[]}
      />,
    );
  }

  @Post('withdraw')
  @HttpCode(422)
  @Header('content-type', HTML)
  async withdraw(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const proposal = await this.own(web, id, response);
    if (!proposal || !web.principal) return undefined;
    const t = pageTranslator(web, PROPOSALS_MESSAGES);
    const reason = formText(form.reason, 1000).trim();
    const errors: FieldError[] = [];
    if (reason.length < 3) errors.push({ field: 'reason', message: t.t('proposals.withdraw.reasonMissing') });
    else {
      try {
        await this.proposals.withdraw(web.principal, id, { reason });
        return seeOther(response, `/proposals/${id}`);
      } catch (error) {
        errors.push({ field: 'reason', message: t.t('proposals.withdraw.refused', { reason: refusalBody(error).detail ?? '' }) });
      }
    }
    return renderPage(
      <WithdrawProposalPage t={t} siteName={this.site.name} web={web} proposal={proposal} reason={reason} errors={errors} />,
    );
  }

  /** The reader's own proposal; a visitor is sent to sign in, anyone else finds nothing here. */
  private async own(web: WebRequest, id: string, response: Response): Promise<ProposalView | undefined> {
    if (!isUuid(id)) throw new NotFoundException();
    if (!web.principal) return signInFirst(response, web.path);
    const proposal = await this.query.get(id, web.principal).catch(() => null);
    if (!proposal || proposal.author.id !== web.principal.userId) throw new NotFoundException();
    return proposal;
  }
}
