import { Body, Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@polity/platform';
import { HTML, signInFirst, Web, type WebRequest } from '@polity/web';
import type { Response } from 'express';
import { ProposalsService } from '../proposals.service';
import { ProposalForms } from './proposal-forms';

/** Making a proposal from the site: a form with a preview, published by the proposals service like any other. */
@ApiExcludeController()
@Public()
@Controller('proposals/new')
export class NewProposalPagesController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly forms: ProposalForms,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async form(@Web() web: WebRequest, @Res({ passthrough: true }) response: Response): Promise<string | undefined> {
    if (!web.principal) return signInFirst(response, '/proposals/new');
    return this.forms.page(web, {}, []);
  }

  @Post()
  @HttpCode(200)
  @Header('content-type', HTML)
  async submit(
    @Web() web: WebRequest,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const author = web.principal;
    if (!author) return signInFirst(response, '/proposals/new');
    return this.forms.submit(web, form, response, async (input) => (await this.proposals.create(author, input)).id);
  }
}
