import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, RequireRoles } from '@polity/platform';
import type { Response } from 'express';
import { BallotQueryDto } from '../ballots/ballots.dto';
import { BudgetDto, BudgetIdParamsDto } from '../budgets/budgets.dto';
import { PabulibExportService } from './pabulib-export.service';
import { type PabulibImportResult, PabulibImportService } from './pabulib-import.service';

class PabulibImportResultDto {
  @ApiProperty({ type: BudgetDto }) budget: BudgetDto;
  @ApiProperty() projects: number;
  @ApiProperty() ballots: number;
}

@ApiTags('budgets')
@Controller('budgets')
export class PabulibController {
  constructor(
    private readonly importer: PabulibImportService,
    private readonly exporter: PabulibExportService,
  ) {}

  /** Rebuilds a closed budget from a Pabulib `.pb` file (text/plain): projects, and votes as paper ballots. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post('import/pabulib')
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string', description: 'A .pb file as published on pabulib.org' } })
  @ApiCreatedResponse({ type: PabulibImportResultDto })
  import(@CurrentPrincipal() principal: Principal, @Body() text: unknown): Promise<PabulibImportResult> {
    return this.importer.import(principal, text);
  }

  /** The ballots of one pot as a Pabulib file, voters pseudonymised; public once the outcome is published. */
  @Public()
  @Get(':id/export.pb')
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  @Header('content-type', 'text/plain; charset=utf-8')
  async export(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param() params: BudgetIdParamsDto,
    @Query() query: BallotQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { filename, body } = await this.exporter.export(principal, params.id, query.district);
    response.setHeader('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
