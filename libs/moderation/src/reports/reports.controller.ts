import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@polity/platform';
import { CreateReportDto, ReportReceiptDto } from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Reports a proposal, comment or project suggestion; once per person per item. */
  @Post()
  @ApiCreatedResponse({ type: ReportReceiptDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateReportDto): Promise<ReportReceiptDto> {
    return this.reports.report(principal, body);
  }
}
