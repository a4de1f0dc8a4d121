import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireRoles } from '@polity/platform';
import { BlockDto, BlockIdParamsDto, CreateBlockDto } from './blocks.dto';
import { BlocksService } from './blocks.service';

@ApiTags('moderation')
@ApiBearerAuth()
@RequireRoles('moderator')
@Controller('moderation/blocks')
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  /** Lists the blocks in force. Moderators. */
  @Get()
  @ApiOkResponse({ type: BlockDto, isArray: true })
  active(): Promise<BlockDto[]> {
    return this.blocks.active();
  }

  /** Blocks an account from contributing, until a date or for good. Moderators; not their own account. */
  @Post()
  @ApiCreatedResponse({ type: BlockDto })
  block(@CurrentPrincipal() principal: Principal, @Body() body: CreateBlockDto): Promise<BlockDto> {
    return this.blocks.block(principal, body);
  }

  /** Lifts a block. Moderators, never a block on themselves (403). */
  @Delete(':blockId')
  @HttpCode(204)
  @ApiNoContentResponse()
  lift(@CurrentPrincipal() principal: Principal, @Param() params: BlockIdParamsDto): Promise<void> {
    return this.blocks.lift(principal, params.blockId);
  }
}
