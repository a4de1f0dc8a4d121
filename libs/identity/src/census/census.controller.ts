import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequireRoles } from '@polity/platform';
import { CensusStatsResponseDto, CensusUploadQueryDto, CensusUploadResponseDto } from './census.dto';
import { CensusService } from './census.service';

@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('admin/census')
export class CensusController {
  constructor(private readonly census: CensusService) {}

  /** Uploads the resident census as CSV; only keyed hashes of its rows are stored. */
  @Post()
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'identifier,birth_date,district\nX1234567,1984-03-09,north\n' } })
  @ApiCreatedResponse({ type: CensusUploadResponseDto })
  upload(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CensusUploadQueryDto,
    @Body() csv: unknown,
  ): Promise<CensusUploadResponseDto> {
    return this.census.upload(principal.userId, csv, query.mode);
  }

  /** Says how many census rows are loaded and when the census was last replaced. Admins only. */
  @Get()
  @ApiOkResponse({ type: CensusStatsResponseDto })
  stats(): Promise<CensusStatsResponseDto> {
    return this.census.stats();
  }
}
