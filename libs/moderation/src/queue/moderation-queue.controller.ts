import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ModerationDecisionView, ModerationQueueItemView } from '@polity/contracts';
import { CurrentPrincipal, Page, Principal, RequireRoles } from '@polity/platform';
import { ModerationClaimsService } from './moderation-claims.service';
import { ModerationDecisionsService } from './moderation-decisions.service';
import {
  BulkDecisionDto,
  BulkDecisionResultDto,
  DecisionInputDto,
  ModerationItemIdParamsDto,
  ModerationQueueItemDto,
  ModerationQueuePageDto,
  ModerationQueueQueryDto,
} from './moderation-queue.dto';
import { ModerationQueueQuery } from './moderation-queue.query';

/** The moderators' queue: what waits, claims, and decisions (live in room `moderation`). */
@ApiTags('moderation')
@ApiBearerAuth()
@RequireRoles('moderator')
@Controller('moderation')
export class ModerationQueueController {
  constructor(
    private readonly queue: ModerationQueueQuery,
    private readonly claims: ModerationClaimsService,
    private readonly decisions: ModerationDecisionsService,
  ) {}

  /**
   * Lists the moderation queue with text, author, screening hits and report reasons; filter by state, reason, kind
   * and origin. Moderators.
   */
  @Get('queue')
  @ApiOkResponse({ type: ModerationQueuePageDto })
  list(@Query() query: ModerationQueueQueryDto): Promise<Page<ModerationQueueItemView>> {
    return this.queue.list(query);
  }

  /** Reads one moderation item with its history. Moderators. */
  @Get('items/:itemId')
  @ApiOkResponse({ type: ModerationQueueItemDto })
  one(@Param() params: ModerationItemIdParamsDto): Promise<ModerationQueueItemView> {
    return this.queue.one(params.itemId);
  }

  /** Takes the item for a while (MODERATION_CLAIM_MINUTES), so no other moderator decides it meanwhile. */
  @Post('items/:itemId/claim')
  @HttpCode(200)
  @ApiOkResponse({ type: ModerationQueueItemDto })
  claim(@CurrentPrincipal() principal: Principal, @Param() params: ModerationItemIdParamsDto): Promise<ModerationQueueItemView> {
    return this.claims.claim(principal, params.itemId);
  }

  /** Releases my claim on an item. Moderators. */
  @Delete('items/:itemId/claim')
  @HttpCode(204)
  @ApiNoContentResponse()
  release(@CurrentPrincipal() principal: Principal, @Param() params: ModerationItemIdParamsDto): Promise<void> {
    return this.claims.release(principal, params.itemId);
  }

  /**
   * Decides an item: hide (with a template and/or statement), restore, dismiss the reports, or block its author.
   * Moderators; never on their own content (403), 409 while a colleague holds the claim or an appeal waits.
   */
  @Post('items/:itemId/decision')
  @ApiCreatedResponse({ description: 'The decision, as the author will read it' })
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ModerationItemIdParamsDto,
    @Body() body: DecisionInputDto,
  ): Promise<ModerationDecisionView> {
    return this.decisions.decide(principal, params.itemId, body);
  }

  /** The same decision on many items; each succeeds or fails on its own, as the results say. */
  @Post('decisions/bulk')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkDecisionResultDto, isArray: true })
  decideMany(@CurrentPrincipal() principal: Principal, @Body() body: BulkDecisionDto): Promise<BulkDecisionResultDto[]> {
    return this.decisions.decideMany(principal, body);
  }
}
