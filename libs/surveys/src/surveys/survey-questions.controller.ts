import { Body, Controller, Delete, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SurveyView } from '@polity/contracts';
import { CurrentPrincipal, type Principal, RequireRoles } from '@polity/platform';
import { QuestionKeyParamsDto, SurveyIdParamsDto } from './survey-params.dto';
import { AddQuestionDto, QuestionDto, ReorderQuestionsDto } from './survey-questions.dto';
import { SurveyQuestionsService } from './survey-questions.service';
import { SurveyDto } from './survey-views.dto';

/** Questions change until the first response; each change answers with the whole survey. */
@ApiTags('surveys')
@ApiBearerAuth()
@RequireRoles('official')
@Controller('surveys/:id/questions')
export class SurveyQuestionsController {
  constructor(private readonly questions: SurveyQuestionsService) {}

  /**
   * Adds a question to a draft (or unanswered) survey, at a position. Officials; 409 once responses lock it.
   */
  @Post()
  @ApiCreatedResponse({ type: SurveyDto })
  add(@CurrentPrincipal() principal: Principal, @Param() params: SurveyIdParamsDto, @Body() body: AddQuestionDto): Promise<SurveyView> {
    return this.questions.add(principal, params.id, body);
  }

  /** Reorders the questions: the body lists every key once. Officials. */
  @Put('order')
  @ApiOkResponse({ type: SurveyDto })
  reorder(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SurveyIdParamsDto,
    @Body() body: ReorderQuestionsDto,
  ): Promise<SurveyView> {
    return this.questions.reorder(principal, params.id, body.keys);
  }

  /** Replaces a question under its key. Officials; 409 once responses lock the survey. */
  @Put(':key')
  @ApiOkResponse({ type: SurveyDto })
  replace(@CurrentPrincipal() principal: Principal, @Param() params: QuestionKeyParamsDto, @Body() body: QuestionDto): Promise<SurveyView> {
    return this.questions.replace(principal, params.id, params.key, body);
  }

  /** Removes a question that no condition depends on. Officials; 409 once responses lock the survey. */
  @Delete(':key')
  @ApiOkResponse({ type: SurveyDto })
  remove(@CurrentPrincipal() principal: Principal, @Param() params: QuestionKeyParamsDto): Promise<SurveyView> {
    return this.questions.remove(principal, params.id, params.key);
  }
}
