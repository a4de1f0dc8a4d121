import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BudgetProjectView } from '@polity/contracts';
import { CurrentPrincipal, type Principal, Public, RequireRoles } from '@polity/platform';
import { BudgetIdParamsDto } from '../budgets/budgets.dto';
import {
  BudgetProjectDto,
  BudgetProjectIdParamsDto,
  BudgetProjectListDto,
  CreateBudgetProjectDto,
  ListBudgetProjectsQueryDto,
  ProjectFromProposalDto,
  ReviewBudgetProjectDto,
  UpdateBudgetProjectDto,
} from './budget-projects.dto';
import { BudgetProjectsService } from './budget-projects.service';

@ApiTags('budgets')
@Controller()
export class BudgetProjectsController {
  constructor(private readonly projects: BudgetProjectsService) {}

  /** Lists a budget's projects, with cost, district, feasibility and review. */
  @Public()
  @Get('budgets/:id/projects')
  @ApiOkResponse({ type: BudgetProjectListDto })
  async list(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param() params: BudgetIdParamsDto,
    @Query() query: ListBudgetProjectsQueryDto,
  ): Promise<{ items: BudgetProjectView[] }> {
    return { items: await this.projects.list(params.id, principal, query) };
  }

  /** Officials add projects until voting; residents suggest them while the budget is proposing. */
  @ApiBearerAuth()
  @Post('budgets/:id/projects')
  @ApiCreatedResponse({ type: BudgetProjectDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param() params: BudgetIdParamsDto,
    @Body() body: CreateBudgetProjectDto,
  ): Promise<BudgetProjectView> {
    return this.projects.create(principal, params.id, body);
  }

  /**
   * Turns an accepted proposal into a project of this budget, at a cost. Officials; 409 when the proposal is not
   * accepted or already a project.
   */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post('budgets/:id/projects/from-proposal')
  @ApiCreatedResponse({ type: BudgetProjectDto })
  fromProposal(
    @CurrentPrincipal() principal: Principal,
    @Param() params: BudgetIdParamsDto,
    @Body() body: ProjectFromProposalDto,
  ): Promise<BudgetProjectView> {
    return this.projects.createFromProposal(principal, params.id, body);
  }

  /** Reads one project (held or hidden suggestions: their author and moderators only, 404 for others). */
  @Public()
  @Get('budget-projects/:projectId')
  @ApiOkResponse({ type: BudgetProjectDto })
  get(@CurrentPrincipal() principal: Principal | undefined, @Param() params: BudgetProjectIdParamsDto): Promise<BudgetProjectView> {
    return this.projects.get(params.projectId, principal);
  }

  /**
   * Edits a project: its resident author while proposing (edits are screened again), or an official before voting.
   */
  @ApiBearerAuth()
  @Patch('budget-projects/:projectId')
  @ApiOkResponse({ type: BudgetProjectDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: BudgetProjectIdParamsDto,
    @Body() body: UpdateBudgetProjectDto,
  ): Promise<BudgetProjectView> {
    return this.projects.update(principal, params.projectId, body);
  }

  /** Removes a project: its author while the budget is proposing, or an official before voting. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Delete('budget-projects/:projectId')
  @HttpCode(204)
  remove(@CurrentPrincipal() principal: Principal, @Param() params: BudgetProjectIdParamsDto): Promise<void> {
    return this.projects.remove(principal, params.projectId);
  }

  /** The feasibility review: unfeasible projects never reach the ballot, and say why. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post('budget-projects/:projectId/review')
  @HttpCode(200)
  @ApiOkResponse({ type: BudgetProjectDto })
  review(
    @CurrentPrincipal() principal: Principal,
    @Param() params: BudgetProjectIdParamsDto,
    @Body() body: ReviewBudgetProjectDto,
  ): Promise<BudgetProjectView> {
    return this.projects.review(principal, params.projectId, body);
  }
}
