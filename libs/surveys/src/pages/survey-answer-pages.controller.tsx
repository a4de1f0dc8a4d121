import { Body, Controller, Get, Header, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { QuestionView, SurveyView } from '@polity/contracts';
import { isUuid, type Principal, ProblemException, Public, SiteConfig } from '@polity/platform';
import {
  formText,
  HTML,
  notFound,
  pageTranslator,
  renderPage,
  seeOther,
  signInFirst,
  type Translator,
  Web,
  type WebRequest,
} from '@polity/web';
import type { Response } from 'express';
import { checkAnswers, shownQuestions } from '../responses/check-answers';
import { ResponsesService } from '../responses/responses.service';
import { SurveyAnswerPage } from './survey-answer.page';
import { SurveyDonePage } from './survey-done.page';
import { answerErrors, editableAnswers, readPageAnswers, surveyPages } from './survey-form';
import { SurveyReaders } from './survey-readers';
import { SURVEYS_MESSAGES } from './surveys.messages';

/** Where the answering stands between two requests: the answers so far, the page, the receipt of an anonymous edit. */
interface AnswerState {
  answers: Record<string, unknown>;
  index: number;
  receipt: string | null;
}

/**
 * Answering a survey in a browser: page by page (its sections), every page a plain form that carries
 * the answers so far, checked by the same code as the api's, then the thank-you and, for an
 * anonymous survey, its receipt.
 */
@ApiExcludeController()
@Public()
@Controller('surveys/:id')
export class SurveyAnswerPagesController {
  constructor(
    private readonly readers: SurveyReaders,
    private readonly responses: ResponsesService,
    private readonly site: SiteConfig,
  ) {}

  /** The first page, with the resident's earlier answers where the survey can give them back. */
  @Get('answer')
  @Header('content-type', HTML)
  async start(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const ready = await this.ready(web, id, response);
    if (!ready) return undefined;
    const mine = await this.responses.mine(ready.principal, id, undefined);
    // Final answers cannot change; an anonymous survey's come back only with their receipt (asked for on the page).
    if (mine.responded && ready.survey.responseMode !== 'editable') return seeOther(response, `/surveys/${id}`);
    return this.answerPage(
      web,
      ready.survey,
      { answers: editableAnswers(ready.survey.questions, mine.answers), index: 0, receipt: null },
      new Map(),
      0,
      mine.responded,
    );
  }

  /** An anonymous survey's answers, given back for the receipt that goes with them. */
  @Post('receipt')
  @Header('content-type', HTML)
  async receipt(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const ready = await this.ready(web, id, response);
    if (!ready) return undefined;
    const receipt = formText(form.receipt, 200).trim();
    const mine = receipt ? await this.responses.mine(ready.principal, id, receipt).catch(() => null) : null;
    if (!mine?.answers) {
      response.status(422);
      const t = this.translator(web);
      return this.answerPage(
        web,
        ready.survey,
        { answers: {}, index: 0, receipt: null },
        new Map(),
        0,
        true,
        t.t('surveys.answer.receiptUnknown'),
      );
    }
    return this.answerPage(
      web,
      ready.survey,
      { answers: editableAnswers(ready.survey.questions, mine.answers), index: 0, receipt },
      new Map(),
      0,
      false,
    );
  }

  /** A page sent: back, on to the next page shown, or (from the last) the answers sent. */
  @Post('answer')
  @Header('content-type', HTML)
  async answer(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const ready = await this.ready(web, id, response);
    if (!ready) return undefined;
    const { survey, principal } = ready;
    const t = this.translator(web);
    const pages = surveyPages(survey.questions);
    const index = Math.min(Math.max(Number(formText(form.page, 4)) || 0, 0), pages.length - 1);
    const page = pages[index];
    const carried = carriedAnswers(form.answers, survey.questions);
    const onPage = new Set(page.questions.map((question) => question.key));
    const read = readPageAnswers(form, page.questions);
    const answers = { ...Object.fromEntries(Object.entries(carried).filter(([key]) => !onPage.has(key))), ...read.answers };
    const receipt = formText(form.receipt, 200) || null;
    const state: AnswerState = { answers, index, receipt };
    const shown = shownQuestions(survey.questions, answers);
    const visible = pages.map((_, at) => at).filter((at) => pages[at].questions.some((question) => shown.has(question.key)));
    if (form.step === 'back') {
      const previous = [...visible].reverse().find((at) => at < index) ?? visible[0];
      return this.answerPage(web, survey, { ...state, index: previous }, new Map(), previous, false);
    }
    // Questions this page now shows that the resident has not seen yet (their condition just came true): ask them first.
    const seen = new Set(formText(form.shown, 4000).split(','));
    const revealed = page.questions.some((question) => shown.has(question.key) && !seen.has(question.key));
    const checked = checkAnswers(survey.questions, answers);
    const problems = [...read.problems, ...(checked.ok ? [] : checked.problems)];
    const here = answerErrors(
      problems.filter((problem) => onPage.has(problem.field.replace(/^answers\./, ''))),
      page.questions,
      t,
    );
    if (here.size > 0 || revealed) {
      if (here.size > 0) response.status(422);
      return this.answerPage(web, survey, state, here, index, false);
    }
    const next = visible.find((at) => at > index);
    if (next !== undefined && form.step !== 'send') return this.answerPage(web, survey, { ...state, index: next }, new Map(), next, false);
    if (!checked.ok) {
      // A problem on another page (a required answer skipped there): back to the first such page.
      const keyed = answerErrors(checked.problems, survey.questions, t);
      const first = visible.find((at) => pages[at].questions.some((question) => keyed.has(question.key))) ?? index;
      response.status(422);
      return this.answerPage(web, survey, { ...state, index: first }, keyed, first, false);
    }
    try {
      const sent = await this.responses.submit(principal, id, { answers, ...(receipt && { receipt }) });
      if ('receipt' in sent && typeof sent.receipt === 'string') {
        return renderPage(<SurveyDonePage t={t} siteName={this.site.name} web={web} survey={survey} receipt={sent.receipt} />);
      }
      return seeOther(response, `/surveys/${id}/done`);
    } catch (error) {
      if (!(error instanceof ProblemException) || ![403, 409, 422].includes(error.getStatus())) throw error;
      response.status(422);
      const keyed = answerErrors(error.problem.errors ?? [], survey.questions, t);
      if (keyed.size === 0) keyed.set(page.questions[0].key, t.t('surveys.error.refused', { reason: error.problem.detail }));
      return this.answerPage(web, survey, state, keyed, index, false);
    }
  }

  @Get('done')
  @Header('content-type', HTML)
  async done(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const survey = isUuid(id) ? await this.readers.readable(id, web.principal) : null;
    if (!survey) return this.notFound(web, response);
    return renderPage(<SurveyDonePage t={this.translator(web)} siteName={this.site.name} web={web} survey={survey} receipt={null} />);
  }

  private answerPage(
    web: WebRequest,
    survey: SurveyView,
    state: AnswerState,
    errors: ReadonlyMap<string, string>,
    index: number,
    askReceipt: boolean,
    receiptError?: string,
  ): string {
    const pages = surveyPages(survey.questions);
    const shown = shownQuestions(survey.questions, state.answers);
    const visible = pages
      .map((_, at) => at)
      .filter((at) => at === index || pages[at].questions.some((question) => shown.has(question.key)));
    return renderPage(
      <SurveyAnswerPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        survey={survey}
        page={pages[index]}
        index={index}
        position={visible.indexOf(index) + 1}
        count={visible.length}
        answers={state.answers}
        shown={shown}
        errors={errors}
        receipt={state.receipt}
        askReceipt={askReceipt && survey.anonymous && survey.responseMode === 'editable' && !state.receipt}
        receiptError={receiptError}
      />,
    );
  }

  /** The survey open and the signed-in resident allowed to answer it; otherwise the way there. */
  private async ready(web: WebRequest, id: string, response: Response): Promise<{ survey: SurveyView; principal: Principal } | null> {
    const survey = isUuid(id) ? await this.readers.readable(id, web.principal) : null;
    if (!survey) {
      response.status(404).type('html').send(this.notFound(web, response));
      return null;
    }
    if (!web.principal) {
      signInFirst(response, `/surveys/${id}/answer`);
      return null;
    }
    if (survey.phase !== 'open' || (await this.readers.eligibility(web.principal, survey)) !== 'may_answer') {
      seeOther(response, `/surveys/${id}`);
      return null;
    }
    return { survey, principal: web.principal };
  }

  private notFound(web: WebRequest, response: Response): string {
    return notFound(response, this.translator(web), this.site.name, web);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, SURVEYS_MESSAGES);
  }
}

/** The answers carried in the form from earlier pages: only the survey's own questions, as sent back by us. */
function carriedAnswers(raw: unknown, questions: readonly QuestionView[]): Record<string, unknown> {
  if (typeof raw !== 'string' || raw.length > 60_000) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const keys = new Set(questions.map((question) => question.key));
    return Object.fromEntries(Object.entries(parsed).filter(([key]) => keys.has(key)));
  } catch {
    return {};
  }
}
