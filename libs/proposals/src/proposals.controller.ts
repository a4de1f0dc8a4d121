import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Page, Principal, Public, RequireRoles } from '@polity/platform';
import { ProposalReaderViews } from './proposal-reader-views';
import { ProposalSupportsService } from './proposal-supports.service';
import {
  AnswerProposalDto,
  CreateProposalDto,
  ListProposalsQueryDto,
  ProposalDto,
  ProposalIdParamsDto,
  ProposalPageDto,
  SupportProposalDto,
  SupportStateDto,
  UpdateProposalDto,
  WithdrawProposalDto,
} from './proposals.dto';
import { ProposalsQuery } from './proposals.query';
import { ProposalsService } from './proposals.service';

@ApiTags('proposals')
@Controller('proposals')
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly query: ProposalsQuery,
    private readonly supports: ProposalSupportsService,
    private readonly readerViews: ProposalReaderViews,
  ) {}

  /**
   * Lists and searches proposals: `q`, district, tag, status; sort newest, most_supported, most_commented or
   * random (with a seed); cursor-paged.
   */
  @Public()
  @Get()
  @ApiOkResponse({ type: ProposalPageDto })
  async list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ListProposalsQueryDto): Promise<Page<ProposalDto>> {
    return this.readerViews.page(await this.query.list(query, principal), principal);
  }

  /**
   * Reads a proposal with its support count, status, answer and whether I support and follow it. Held or hidden:
   * author and moderators only (404 for others).
   */
  @Public()
  @Get(':id')
  @ApiOkResponse({ type: ProposalDto })
  async get(@CurrentPrincipal() principal: Principal | undefined, @Param() params: ProposalIdParamsDto): Promise<ProposalDto> {
    return this.readerViews.read(params.id, this.query.get(params.id, principal), principal);
  }

  /**
   * Proposes (Markdown body, tags, district); the author follows it. Screened at once; under pre-moderation it
   * waits hidden until cleared.
   */
  @ApiBearerAuth()
  @Post()
  @ApiCreatedResponse({ type: ProposalDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateProposalDto): Promise<ProposalDto> {
    return this.readerViews.one(await this.proposals.create(principal, body), principal);
  }

  /** Edits my proposal until its first support or comment (409 after), screened again. */
  @ApiBearerAuth()
  @Patch(':id')
  @ApiOkResponse({ type: ProposalDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProposalIdParamsDto,
    @Body() body: UpdateProposalDto,
  ): Promise<ProposalDto> {
    return this.readerViews.one(await this.proposals.update(principal, params.id, body), principal);
  }

  /** Withdraws my proposal with a reason; its discussion closes. */
  @ApiBearerAuth()
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalDto })
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProposalIdParamsDto,
    @Body() body: WithdrawProposalDto,
  ): Promise<ProposalDto> {
    return this.readerViews.one(await this.proposals.withdraw(principal, params.id, body), principal);
  }

  /** Officials answer: the proposal moves to the given status with the answer text. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post(':id/answer')
  @HttpCode(200)
  @ApiOkResponse({ type: ProposalDto })
  async answer(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProposalIdParamsDto,
    @Body() body: AnswerProposalDto,
  ): Promise<ProposalDto> {
    return this.readerViews.one(await this.proposals.answer(principal, params.id, body), principal);
  }

  /**
   * Supports a proposal (idempotent; also follows it unless `follow` is false). 409 when it is withdrawn or
   * closed.
   */
  @ApiBearerAuth()
  @Put(':id/support')
  @ApiOkResponse({ type: SupportStateDto })
  support(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProposalIdParamsDto,
    @Body() body: SupportProposalDto,
  ): Promise<SupportStateDto> {
    return this.supports.support(principal, params.id, body.follow ?? true);
  }

  /** Withdraws my support (idempotent). */
  @ApiBearerAuth()
  @Delete(':id/support')
  @ApiOkResponse({ type: SupportStateDto })
  withdrawSupport(@CurrentPrincipal() principal: Principal, @Param() params: ProposalIdParamsDto): Promise<SupportStateDto> {
    return this.supports.withdrawSupport(principal, params.id);
  }
}
