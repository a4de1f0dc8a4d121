import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Page, type Principal, RequireRoles } from '@polity/platform';
import { BudgetIdParamsDto } from '../budgets/budgets.dto';
import {
  BallotChoicesDto,
  BallotDto,
  BallotPageDto,
  BallotQueryDto,
  CastBallotDto,
  ImportPaperBallotsDto,
  ListPaperBallotsQueryDto,
  PaperBallotImportResultDto,
  PaperBallotParamsDto,
} from './ballots.dto';
import { BallotsService } from './ballots.service';
import { PaperBallotsService } from './paper-ballots.service';

@ApiTags('budgets')
@ApiBearerAuth()
@Controller('budgets/:id')
export class BallotsController {
  constructor(
    private readonly ballots: BallotsService,
    private readonly paper: PaperBallotsService,
  ) {}

  /** Casts or replaces my ballot, whole: `{projectIds}`, `{points}` or `{ranking}` as the budget's ballot is. */
  @Put('ballot')
  @ApiOkResponse({ type: BallotDto })
  cast(@CurrentPrincipal() principal: Principal, @Param() params: BudgetIdParamsDto, @Body() body: CastBallotDto): Promise<BallotDto> {
    return this.ballots.cast(principal, params.id, body);
  }

  /** Reads my ballot in this budget (404 when I have not voted). */
  @Get('ballot')
  @ApiOkResponse({ type: BallotDto })
  mine(@CurrentPrincipal() principal: Principal, @Param() params: BudgetIdParamsDto, @Query() query: BallotQueryDto): Promise<BallotDto> {
    return this.ballots.mine(principal, params.id, query.district);
  }

  /** Withdraws my ballot while voting is open (409 otherwise). */
  @Delete('ballot')
  @HttpCode(204)
  withdraw(@CurrentPrincipal() principal: Principal, @Param() params: BudgetIdParamsDto, @Query() query: BallotQueryDto): Promise<void> {
    return this.ballots.withdraw(principal, params.id, query.district);
  }

  /** Lists the paper ballots entered for a budget, by reference. Officials. */
  @RequireRoles('official')
  @Get('paper-ballots')
  @ApiOkResponse({ type: BallotPageDto })
  listPaper(@Param() params: BudgetIdParamsDto, @Query() query: ListPaperBallotsQueryDto): Promise<Page<BallotDto>> {
    return this.paper.list(params.id, query);
  }

  /** Enters (or corrects) one paper ballot counted offline. */
  @RequireRoles('official')
  @Put('paper-ballots/:reference')
  @ApiOkResponse({ type: BallotDto })
  putPaper(
    @CurrentPrincipal() principal: Principal,
    @Param() params: PaperBallotParamsDto,
    @Body() body: BallotChoicesDto,
  ): Promise<BallotDto> {
    return this.paper.put(principal.userId, params.id, params.reference, body);
  }

  /** Removes a paper ballot by its reference while voting is open. Officials; audited. */
  @RequireRoles('official')
  @Delete('paper-ballots/:reference')
  @HttpCode(204)
  removePaper(@CurrentPrincipal() principal: Principal, @Param() params: PaperBallotParamsDto): Promise<void> {
    return this.paper.remove(principal.userId, params.id, params.reference);
  }

  /** Up to 5000 paper ballots at once, all or none; a reference sent again replaces its ballot. */
  @RequireRoles('official')
  @Post('paper-ballots/import')
  @ApiCreatedResponse({ type: PaperBallotImportResultDto })
  importPaper(
    @CurrentPrincipal() principal: Principal,
    @Param() params: BudgetIdParamsDto,
    @Body() body: ImportPaperBallotsDto,
  ): Promise<PaperBallotImportResultDto> {
    return this.paper.import(principal.userId, params.id, body.ballots);
  }
}
