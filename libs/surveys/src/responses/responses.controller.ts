import { Body, Controller, Get, Headers, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@polity/platform';
import { SurveyIdParamsDto } from '../surveys/survey-params.dto';
import { SubmitResponseDto, SurveyResponseDto } from './responses.dto';
import { ResponsesService } from './responses.service';

@ApiTags('surveys')
@ApiBearerAuth()
@Controller('surveys/:id/response')
export class ResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  /** One response each: the first PUT sends it, later ones change it while the survey allows. */
  @Put()
  @ApiOkResponse({ type: SurveyResponseDto })
  submit(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SurveyIdParamsDto,
    @Body() body: SubmitResponseDto,
  ): Promise<SurveyResponseDto> {
    return this.responses.submit(principal, params.id, body);
  }

  /** Reads my response to a survey (anonymous editable surveys: with the receipt as `?receipt=`). */
  @Get()
  @ApiHeader({ name: 'survey-receipt', required: false, description: 'Anonymous surveys: your receipt, to read your response back' })
  @ApiOkResponse({ type: SurveyResponseDto })
  mine(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SurveyIdParamsDto,
    @Headers('survey-receipt') receipt: string | undefined,
  ): Promise<SurveyResponseDto> {
    return this.responses.mine(principal, params.id, receipt);
  }
}
