import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { BudgetTallyView, BudgetView } from '@polity/contracts';
import { CurrentPrincipal, type Page, type Principal, Public, RequireRoles } from '@polity/platform';
import { BudgetTallies } from '../tallies/budget-tallies';
import {
  BudgetDto,
  BudgetIdParamsDto,
  BudgetPageDto,
  ChangePhaseDto,
  CreateBudgetDto,
  ListBudgetsQueryDto,
  UpdateBudgetDto,
} from './budgets.dto';
import { BudgetsService } from './budgets.service';

class ProjectTallyDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() votes: number;
  @ApiProperty() points: number;
}

class BudgetTallyDto implements BudgetTallyView {
  @ApiProperty({ format: 'uuid' }) budgetId: string;
  @ApiProperty() ballots: number;
  @ApiProperty({ type: [ProjectTallyDto] }) projects: ProjectTallyDto[];
}

@ApiTags('budgets')
@Controller('budgets')
export class BudgetsController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly tallies: BudgetTallies,
  ) {}

  /** Lists budgets past their draft (officials see drafts too), newest first. */
  @Public()
  @Get()
  @ApiOkResponse({ type: BudgetPageDto })
  list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ListBudgetsQueryDto): Promise<Page<BudgetView>> {
    return this.budgets.list(query, principal);
  }

  /** Creates a budget as a draft: amount, districts, ballot rules and schedule. Officials. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post()
  @ApiCreatedResponse({ type: BudgetDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateBudgetDto): Promise<BudgetView> {
    return this.budgets.create(principal, body);
  }

  /** Reads a budget: phase, dates, districts, ballot rules and whether I may vote. */
  @Public()
  @Get(':id')
  @ApiOkResponse({ type: BudgetDto })
  get(@CurrentPrincipal() principal: Principal | undefined, @Param() params: BudgetIdParamsDto): Promise<BudgetView> {
    return this.budgets.get(params.id, principal);
  }

  /** What may change depends on the phase: ballot, amounts and districts only until voting starts. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Patch(':id')
  @ApiOkResponse({ type: BudgetDto })
  update(@CurrentPrincipal() principal: Principal, @Param() params: BudgetIdParamsDto, @Body() body: UpdateBudgetDto): Promise<BudgetView> {
    return this.budgets.update(principal, params.id, body);
  }

  /** Moves the budget on ahead of its schedule; `published` comes with publishing an outcome. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post(':id/phase')
  @HttpCode(200)
  @ApiOkResponse({ type: BudgetDto })
  changePhase(
    @CurrentPrincipal() principal: Principal,
    @Param() params: BudgetIdParamsDto,
    @Body() body: ChangePhaseDto,
  ): Promise<BudgetView> {
    return this.budgets.changePhase(principal, params.id, body.phase);
  }

  /** Running totals per project, where the budget shows live results (officials always). */
  @Public()
  @Get(':id/tally')
  @ApiOkResponse({ type: BudgetTallyDto })
  tally(@CurrentPrincipal() principal: Principal | undefined, @Param() params: BudgetIdParamsDto): Promise<BudgetTallyView> {
    return this.tallies.forReader(params.id, principal);
  }
}
