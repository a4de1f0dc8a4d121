import { Controller, Delete, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, DiscussableResources, Principal } from '@polity/platform';
import { IsUUID, Matches } from 'class-validator';
import { FollowsService } from './follows.service';

export class ResourceParamsDto {
  @ApiProperty({ example: 'proposals' })
  @Matches(/^[a-z][a-z-]{1,30}$/)
  kind: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class FollowStateDto {
  @ApiProperty() following: boolean;
}

@ApiTags('follows')
@ApiBearerAuth()
@Controller(':kind/:id/follow')
export class FollowsController {
  constructor(
    private readonly follows: FollowsService,
    private readonly resources: DiscussableResources,
  ) {}

  /** Follows a proposal, budget, project, survey or thread: its news reaches my inbox. Idempotent. */
  @Put()
  @ApiOkResponse({ type: FollowStateDto })
  async follow(@CurrentPrincipal() principal: Principal, @Param() params: ResourceParamsDto): Promise<FollowStateDto> {
    await this.resources.roomOf(params.kind, params.id, principal);
    await this.follows.follow(params.kind, params.id, principal.userId);
    return { following: true };
  }

  /** Stops following it. Idempotent. */
  @Delete()
  @ApiOkResponse({ type: FollowStateDto })
  async unfollow(@CurrentPrincipal() principal: Principal, @Param() params: ResourceParamsDto): Promise<FollowStateDto> {
    await this.resources.roomOf(params.kind, params.id, principal);
    await this.follows.unfollow(params.kind, params.id, principal.userId);
    return { following: false };
  }
}
