import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { DecisionView } from '@polity/contracts';
import { CurrentPrincipal, type Page, type Principal, Problems, Public, RequireRoles } from '@polity/platform';
import { AgendaItemParamsDto } from '../meetings/meetings.dto';
import { CorrectDecisionDto, DecidedResourceParamsDto, DecisionParamsDto, DecisionsQueryDto, RecordDecisionDto } from './decisions.dto';
import { DecisionsQuery } from './decisions.query';
import { DecisionsService } from './decisions.service';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiTags('council')
@Controller()
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly query: DecisionsQuery,
  ) {}

  /** The clerk records a decision on the open item; it reaches the meeting room and every linked resource at once. */
  @ApiBearerAuth()
  @RequireRoles('council')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat a request with the same key to get the same decision, not a second one',
  })
  @Post('meetings/:id/agenda/:itemId/decisions')
  record(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AgendaItemParamsDto,
    @Body() body: RecordDecisionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<DecisionView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw Problems.badRequest('invalid_idempotency_key', 'An Idempotency-Key is 1 to 200 visible ASCII characters.');
    return this.decisions.record(principal, params.id, params.itemId, body, idempotencyKey);
  }

  /** Reads a council decision with its meeting, agenda item, links and every correction. */
  @Public()
  @Get('decisions/:decisionId')
  async get(@Param() params: DecisionParamsDto): Promise<DecisionView> {
    const decision = await this.query.one(params.decisionId);
    if (!decision) throw Problems.notFound('That decision');
    return decision;
  }

  /**
   * Corrects a recorded decision (outcome, text or votes) with a reason; the correction is a new revision, never a
   * silent overwrite. Council clerks.
   */
  @ApiBearerAuth()
  @RequireRoles('council')
  @Post('decisions/:decisionId/corrections')
  correct(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DecisionParamsDto,
    @Body() body: CorrectDecisionDto,
  ): Promise<DecisionView> {
    return this.decisions.correct(principal, params.decisionId, body);
  }

  /** Every decision about a proposal, budget, project, survey or thread, e.g. `/proposals/<id>/decisions`. */
  @Public()
  @Get(':kind/:id/decisions')
  about(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param() params: DecidedResourceParamsDto,
    @Query() query: DecisionsQueryDto,
  ): Promise<Page<DecisionView>> {
    return this.query.about(params.kind, params.id, query, principal);
  }
}
