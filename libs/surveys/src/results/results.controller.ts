import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SurveyResultsView } from '@polity/contracts';
import { CurrentPrincipal, type Principal, Public } from '@polity/platform';
import { SurveyResultsDto } from '../surveys/survey-views.dto';
import { SurveyIdParamsDto } from '../surveys/survey-params.dto';
import { ResultsQueryDto } from './results.dto';
import { SurveyResults } from './survey-results';

@ApiTags('surveys')
@Controller('surveys/:id/results')
export class ResultsController {
  constructor(private readonly results: SurveyResults) {}

  /** Public live, after close, or for officials only, as the survey says; small groups are suppressed. */
  @Public()
  @Get()
  @ApiOkResponse({ type: SurveyResultsDto })
  get(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param() params: SurveyIdParamsDto,
    @Query() query: ResultsQueryDto,
  ): Promise<SurveyResultsView> {
    return this.results.forReader(params.id, principal, query);
  }
}
