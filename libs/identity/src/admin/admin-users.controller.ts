import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireRoles } from '@polity/platform';
import { UserResponseDto } from '../users/user-response.dto';
import { UsersService } from '../users/users.service';
import { AdminAccountsService } from './admin-accounts.service';
import { ListUsersQueryDto, SetRolesDto, UserPageDto } from './admin-users.dto';

@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(
    private readonly users: UsersService,
    private readonly admin: AdminAccountsService,
  ) {}

  /** Finds accounts by name or address, with their roles. Admins only. */
  @Get()
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.admin.list(query);
  }

  /** Replaces the roles a person holds beyond citizen; they apply at once, to tokens already issued too. */
  @Put(':id/roles')
  @ApiOkResponse({ type: UserResponseDto })
  async setRoles(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: SetRolesDto,
  ): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.setRoles(principal.userId, id, body.roles));
  }
}
