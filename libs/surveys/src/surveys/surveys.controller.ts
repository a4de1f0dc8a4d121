import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SurveyView } from '@polity/contracts';
import { CurrentPrincipal, type Page, PageQueryDto, type Principal, Public, RequireRoles } from '@polity/platform';
import { SurveyDto, SurveyPageDto } from './survey-views.dto';
import { SurveyIdParamsDto } from './survey-params.dto';
import { CreateSurveyDto, UpdateSurveyDto } from './surveys.dto';
import { SurveysService } from './surveys.service';

@ApiTags('surveys')
@Controller('surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  /** Lists surveys: open ones for residents, drafts too for officials. */
  @Public()
  @Get()
  @ApiOkResponse({ type: SurveyPageDto })
  list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: PageQueryDto): Promise<Page<SurveyView>> {
    return this.surveys.list(query, principal);
  }

  /** A draft with its settings and, optionally, its questions; publish it when ready. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post()
  @ApiCreatedResponse({ type: SurveyDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateSurveyDto): Promise<SurveyView> {
    return this.surveys.create(principal, body);
  }

  /** Reads a survey with its questions and whether I may answer. */
  @Public()
  @Get(':id')
  @ApiOkResponse({ type: SurveyDto })
  get(@CurrentPrincipal() principal: Principal | undefined, @Param() params: SurveyIdParamsDto): Promise<SurveyView> {
    return this.surveys.get(params.id, principal);
  }

  /** Audience, district, response mode and anonymity are fixed once responses arrive. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Patch(':id')
  @ApiOkResponse({ type: SurveyDto })
  update(@CurrentPrincipal() principal: Principal, @Param() params: SurveyIdParamsDto, @Body() body: UpdateSurveyDto): Promise<SurveyView> {
    return this.surveys.update(principal, params.id, body);
  }

  /**
   * Publishes a draft: it opens at opensAt (now by default). Publishing a new version closes the one it copies.
   * Officials.
   */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: SurveyDto })
  publish(@CurrentPrincipal() principal: Principal, @Param() params: SurveyIdParamsDto): Promise<SurveyView> {
    return this.surveys.publish(principal, params.id);
  }

  /** Closes a survey now; anonymous responses still waiting are released into the results. Officials. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: SurveyDto })
  close(@CurrentPrincipal() principal: Principal, @Param() params: SurveyIdParamsDto): Promise<SurveyView> {
    return this.surveys.close(principal, params.id);
  }

  /** A draft copy of a published survey, to change what it asks; publishing it closes this one. */
  @ApiBearerAuth()
  @RequireRoles('official')
  @Post(':id/versions')
  @ApiCreatedResponse({ type: SurveyDto })
  newVersion(@CurrentPrincipal() principal: Principal, @Param() params: SurveyIdParamsDto): Promise<SurveyView> {
    return this.surveys.newVersion(principal, params.id);
  }
}
