import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ModerationDecisionView } from '@polity/contracts';
import { CurrentPrincipal, Page, PageQueryDto, Principal, RequireRoles } from '@polity/platform';
import { DecisionViews } from '../queue/decision-views';
import { AppealIdParamsDto, CreateAppealDto, DecideAppealDto, DecisionIdParamsDto } from './appeals.dto';
import { AppealsService } from './appeals.service';

/** The author's side: decisions about my contributions, and my appeal against one. */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller()
export class AppealsController {
  constructor(
    private readonly appeals: AppealsService,
    private readonly views: DecisionViews,
  ) {}

  /**
   * Lists the moderation decisions about my contributions, with statements and until when each may be appealed.
   */
  @Get('me/moderation-decisions')
  @ApiOkResponse({ description: 'Decisions about my contributions, newest first' })
  mine(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<ModerationDecisionView>> {
    return this.views.aboutAuthor(principal.userId, query.limit, query.cursor);
  }

  /** Once per decision, within the appeal window; a different moderator decides. */
  @Post('moderation/decisions/:decisionId/appeal')
  @ApiCreatedResponse({ description: 'The appealed decision, now with its appeal' })
  appeal(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DecisionIdParamsDto,
    @Body() body: CreateAppealDto,
  ): Promise<ModerationDecisionView> {
    return this.appeals.appeal(principal, params.decisionId, body);
  }

  /**
   * Decides an appeal, finally: `upheld` keeps the first decision, `overturned` reverses it. A moderator who
   * neither made the first decision nor wrote the content; 409 when the appeal is already decided.
   */
  @RequireRoles('moderator')
  @Post('moderation/appeals/:appealId/decision')
  @ApiCreatedResponse({ description: 'The final decision on the appeal' })
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AppealIdParamsDto,
    @Body() body: DecideAppealDto,
  ): Promise<ModerationDecisionView> {
    return this.appeals.decide(principal, params.appealId, body);
  }
}
