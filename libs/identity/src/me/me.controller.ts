import { Body, Controller, Delete, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@polity/platform';
import { VerifyResidentDto } from '../census/census.dto';
import { CensusService } from '../census/census.service';
import { AccountErasureService } from '../privacy/account-erasure.service';
import { UserResponseDto } from '../users/user-response.dto';
import { UsersService } from '../users/users.service';
import { EraseAccountDto } from './me.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly census: CensusService,
    private readonly privacy: AccountErasureService,
  ) {}

  /** Reads my account: name, address, roles, verification and district. */
  @Get()
  @ApiOkResponse({ type: UserResponseDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.get(principal.userId));
  }

  /** Verifies the account as a resident against the council's census. */
  @Post('verification')
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponseDto })
  async verify(@CurrentPrincipal() principal: Principal, @Body() body: VerifyResidentDto): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.census.verify(principal.userId, body));
  }

  /** GDPR art. 15 and 20: everything the platform holds about me, as a JSON download. */
  @Get('data')
  @Header('Content-Disposition', 'attachment; filename="polity-my-data.json"')
  @Header('Cache-Control', 'no-store')
  exportData(@CurrentPrincipal() principal: Principal): Promise<Record<string, unknown>> {
    return this.privacy.exportFor(principal.userId);
  }

  /** GDPR art. 17: erases the account; contributions stay, anonymised. */
  @Delete()
  @HttpCode(204)
  async erase(@CurrentPrincipal() principal: Principal, @Body() body: EraseAccountDto): Promise<void> {
    await this.privacy.erase(principal.userId, body.password);
  }
}
