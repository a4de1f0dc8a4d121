import { Body, Controller, Get, Header, Param, Post, Res } from '@nestjs/common';
import type { SurveyView } from '@polity/contracts';
import { isUuid, SiteConfig } from '@polity/platform';
import {
  type FieldError,
  HTML,
  notFound,
  pageTranslator,
  refusalOf,
  renderPage,
  seeOther,
  StaffOnly,
  type Translator,
  Web,
  type WebRequest,
  withNews,
  Refused,
  staffMember,
  idOrNone,
  swappedWithNeighbour,
} from '@polity/web';
import type { Response } from 'express';
import { SURVEYS_MESSAGES } from '../pages/surveys.messages';
import { SurveyQuestionsService } from '../surveys/survey-questions.service';
import { SurveysService } from '../surveys/surveys.service';
import { newQuestionDraft, type QuestionDraft, questionDraftOf, readQuestionForm } from './question-form';
import { QuestionPage } from './question.page';
import { SurveyBuilderPage } from './survey-builder.page';
import { SURVEYS_CONSOLE } from './survey-nav';
import { settingsDraftOf } from './survey-settings-form';
import { SURVEYS_CONSOLE_MESSAGES } from './surveys-console.messages';

/** The builder's questions: added, edited, deleted and moved, each change through the api's service and its checks. */
@StaffOnly('official')
@Controller('staff/surveys/:id/questions')
export class SurveyQuestionsConsoleController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly questions: SurveyQuestionsService,
    private readonly site: SiteConfig,
  ) {}

  @Post()
  @Header('content-type', HTML)
  async add(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    const { input, draft, errors } = await readQuestionForm(t, form);
    if (errors.length === 0) {
      try {
        await this.questions.add(staffMember(web), idOrNone(id), input);
        return seeOther(response, withNews(`${SURVEYS_CONSOLE}/${id}`, 'saved'));
      } catch (error) {
        errors.push(this.problemField(t, error));
      }
    }
    response.status(422);
    const survey = await this.survey(web, id);
    if (!survey) return notFound(response, t, this.site.name, web);
    return renderPage(
      <SurveyBuilderPage
        t={t}
        siteName={this.site.name}
        web={{ ...web, path: `${SURVEYS_CONSOLE}/${id}` }}
        survey={survey}
        settings={settingsDraftOf(survey, web.timeZone)}
        newQuestion={newQuestionDraft()}
        state={{ form: 'question', draft, errors }}
      />,
    );
  }

  @Get(':key')
  @Header('content-type', HTML)
  async edit(@Web() web: WebRequest, @Param('id') id: string, @Param('key') key: string, @Res({ passthrough: true }) response: Response) {
    const survey = await this.survey(web, id);
    const question = survey?.questions.find((candidate) => candidate.key === key);
    if (!survey || !question) return notFound(response, this.translator(web), this.site.name, web);
    return this.questionPage(web, survey, key, questionDraftOf(question), []);
  }

  @Post(':key')
  @Header('content-type', HTML)
  async save(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('key') key: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    const { input, draft, errors } = await readQuestionForm(t, form);
    if (errors.length === 0) {
      try {
        await this.questions.replace(staffMember(web), idOrNone(id), key.slice(0, 40), input);
        return seeOther(response, withNews(`${SURVEYS_CONSOLE}/${id}`, 'saved'));
      } catch (error) {
        errors.push(this.problemField(t, error));
      }
    }
    response.status(422);
    const survey = await this.survey(web, id);
    if (!survey || !survey.questions.some((question) => question.key === key)) return notFound(response, t, this.site.name, web);
    return this.questionPage(web, survey, key, draft, errors);
  }

  @Post(':key/delete')
  @Header('content-type', HTML)
  delete(@Web() web: WebRequest, @Param('id') id: string, @Param('key') key: string, @Res({ passthrough: true }) response: Response) {
    return this.act(web, id, response, 'deleted', () => this.questions.remove(staffMember(web), idOrNone(id), key.slice(0, 40)));
  }

  @Post(':key/up')
  @Header('content-type', HTML)
  up(@Web() web: WebRequest, @Param('id') id: string, @Param('key') key: string, @Res({ passthrough: true }) response: Response) {
    return this.move(web, id, key, -1, response);
  }

  @Post(':key/down')
  @Header('content-type', HTML)
  down(@Web() web: WebRequest, @Param('id') id: string, @Param('key') key: string, @Res({ passthrough: true }) response: Response) {
    return this.move(web, id, key, 1, response);
  }

  /** Swaps the question with its neighbour and sends the whole order, as the api's reorder takes it. */
  private async move(web: WebRequest, id: string, key: string, by: -1 | 1, response: Response) {
    return this.act(web, id, response, 'moved', async () => {
      const survey = await this.surveys.get(idOrNone(id), web.principal);
      const keys = swappedWithNeighbour(
        survey.questions.map((question) => question.key),
        key,
        by,
      );
      return keys ? this.questions.reorder(staffMember(web), idOrNone(id), keys) : survey;
    });
  }

  private async act(web: WebRequest, id: string, response: Response, news: string, step: () => Promise<unknown>) {
    const t = this.translator(web);
    try {
      await step();
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      const survey = await this.survey(web, id);
      if (!survey) return notFound(response, t, this.site.name, web);
      return renderPage(
        <SurveyBuilderPage
          t={t}
          siteName={this.site.name}
          web={{ ...web, path: `${SURVEYS_CONSOLE}/${id}` }}
          survey={survey}
          settings={settingsDraftOf(survey, web.timeZone)}
          newQuestion={newQuestionDraft()}
          state={{ errors: [], refusal: <Refused t={t} message="sc.refused" detail={refusal.detail} /> }}
        />,
      );
    }
    return seeOther(response, withNews(`${SURVEYS_CONSOLE}/${id}`, news));
  }

  /** The api's refusal of a question (a condition on a later question, too few options…) beside the field it names. */
  private problemField(t: Translator, error: unknown): FieldError {
    const refusal = refusalOf(error);
    const named = (error as { problem?: { errors?: { field: string }[] } }).problem?.errors?.[0]?.field ?? '';
    const field =
      ['options', 'rows', 'key', 'title', 'condition', 'scalePoints', 'min', 'max'].find((candidate) => named.includes(candidate)) ??
      'title';
    return { field: field === 'condition' ? 'conditionQuestion' : field, message: t.t('sc.refused', { reason: refusal.detail }) };
  }

  private questionPage(web: WebRequest, survey: SurveyView, key: string, draft: QuestionDraft, errors: FieldError[]): string {
    const question = survey.questions.find((candidate) => candidate.key === key);
    return renderPage(
      <QuestionPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={{ ...web, path: `${SURVEYS_CONSOLE}/${survey.id}/questions/${key}` }}
        survey={survey}
        question={question ?? survey.questions[0]}
        draft={draft}
        errors={errors}
      />,
    );
  }

  private survey(web: WebRequest, id: string): Promise<SurveyView | null> {
    return isUuid(id) ? this.surveys.get(id, web.principal).catch(() => null) : Promise.resolve(null);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, SURVEYS_CONSOLE_MESSAGES, SURVEYS_MESSAGES);
  }
}
