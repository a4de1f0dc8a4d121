import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, RequireRoles } from '@polity/platform';
import { DistrictCodeParamsDto, DistrictDto, SaveDistrictDto } from './districts.dto';
import { DistrictsService } from './districts.service';

@ApiTags('districts')
@Controller()
export class DistrictsController {
  constructor(private readonly districts: DistrictsService) {}

  /** Lists the districts, by code. */
  @Public()
  @Get('districts')
  @ApiOkResponse({ type: DistrictDto, isArray: true })
  list(): Promise<DistrictDto[]> {
    return this.districts.list();
  }

  /** Creates or renames a district by its code. Admins only. */
  @ApiBearerAuth()
  @RequireRoles('admin')
  @Put('admin/districts/:code')
  @ApiOkResponse({ type: DistrictDto })
  save(
    @CurrentPrincipal() principal: Principal,
    @Param() params: DistrictCodeParamsDto,
    @Body() body: SaveDistrictDto,
  ): Promise<DistrictDto> {
    return this.districts.save(principal.userId, params.code, body.name);
  }

  /** Removes a district that nothing uses (409 otherwise). Admins only. */
  @ApiBearerAuth()
  @RequireRoles('admin')
  @Delete('admin/districts/:code')
  @HttpCode(204)
  remove(@CurrentPrincipal() principal: Principal, @Param() params: DistrictCodeParamsDto): Promise<void> {
    return this.districts.remove(principal.userId, params.code);
  }
}
