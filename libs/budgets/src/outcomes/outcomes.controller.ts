import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, RequireRoles } from '@polity/platform';
import type { Response } from 'express';
import { BudgetIdParamsDto } from '../budgets/budgets.dto';
import { OutcomeDto, OutcomeParamsDto, OutcomeQueryDto, RequestOutcomeDto } from './outcomes.dto';
import { OutcomesService } from './outcomes.service';

@ApiTags('budgets')
@Controller('budgets/:id')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  /**
   * Computes the outcome under a rule. 201 with the outcome when computed at once; 202 when a
   * worker job computes it (progress in room `budgets:<id>`, then GET outcomes/:outcomeId).
   */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post('outcome')
  @ApiCreatedResponse({ type: OutcomeDto })
  @ApiAcceptedResponse({ type: OutcomeDto })
  async request(
    @CurrentPrincipal() principal: Principal,
    @Param() params: BudgetIdParamsDto,
    @Body() body: RequestOutcomeDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OutcomeDto> {
    const { queued, outcome } = await this.outcomes.request(principal, params.id, body);
    response.status(queued ? HttpStatus.ACCEPTED : HttpStatus.CREATED);
    return outcome;
  }

  /** The published outcome; officials also the latest under `?rule=`, published or not. */
  @Public()
  @Get('outcome')
  @ApiOkResponse({ type: OutcomeDto })
  current(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param() params: BudgetIdParamsDto,
    @Query() query: OutcomeQueryDto,
  ): Promise<OutcomeDto> {
    return this.outcomes.current(principal, params.id, query.rule);
  }

  /**
   * Reads one computed outcome: winners, totals and every Equal Shares round. Unpublished ones: officials only.
   */
  @Public()
  @Get('outcomes/:outcomeId')
  @ApiOkResponse({ type: OutcomeDto })
  byId(@CurrentPrincipal() principal: Principal | undefined, @Param() params: OutcomeParamsDto): Promise<OutcomeDto> {
    return this.outcomes.byId(principal, params.id, params.outcomeId);
  }

  /** Publishes a current outcome of a closed budget; the budget becomes `published`. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post('outcomes/:outcomeId/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: OutcomeDto })
  publish(@CurrentPrincipal() principal: Principal, @Param() params: OutcomeParamsDto): Promise<OutcomeDto> {
    return this.outcomes.publish(principal, params.id, params.outcomeId);
  }
}
