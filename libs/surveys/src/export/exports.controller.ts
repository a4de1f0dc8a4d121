import { Controller, Get, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { SurveyExportView } from '@polity/contracts';
import { CurrentPrincipal, type Principal, RequireRoles } from '@polity/platform';
import { IsUUID } from 'class-validator';
import type { Response } from 'express';
import { csvHeaders } from './csv-headers';
import { SurveyExportDto } from '../surveys/survey-views.dto';
import { SurveyIdParamsDto } from '../surveys/survey-params.dto';
import { SurveyExportsService } from './survey-exports.service';

class ExportParamsDto extends SurveyIdParamsDto {
  @IsUUID()
  exportId: string;
}

/** Every response as CSV, one row per response and one column per question part; officials only. */
@ApiTags('surveys')
@ApiBearerAuth()
@RequireRoles('official')
@Controller('surveys/:id')
export class ExportsController {
  constructor(private readonly exports: SurveyExportsService) {}

  /** Every response, whatever the size (sent as it is read from the database). */
  @Get('responses.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async csv(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SurveyIdParamsDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const stream = await this.exports.download(principal, params.id);
    csvHeaders(response, `survey-${params.id}.csv`);
    return new StreamableFile(stream);
  }

  /** Built by the worker, with progress as `survey.export_progress` in your `user:<id>` room. */
  @Post('exports')
  @ApiCreatedResponse({ type: SurveyExportDto })
  request(@CurrentPrincipal() principal: Principal, @Param() params: SurveyIdParamsDto): Promise<SurveyExportView> {
    return this.exports.request(principal, params.id);
  }

  /** Reads a survey export's progress. Officials. */
  @Get('exports/:exportId')
  @ApiOkResponse({ type: SurveyExportDto })
  status(@Param() params: ExportParamsDto): Promise<SurveyExportView> {
    return this.exports.status(params.id, params.exportId);
  }

  /** Downloads a finished survey export (CSV). Officials; 409 while it is being built. */
  @Get('exports/:exportId/download')
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async download(@Param() params: ExportParamsDto, @Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const file = await this.exports.downloadBuilt(params.id, params.exportId);
    csvHeaders(response, `survey-${params.id}-${params.exportId}.csv`);
    return new StreamableFile(file.stream, { length: file.size });
  }
}
