import { Body, Controller, Get, Header, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type QuestionView, roomName, type SurveyView } from '@polity/contracts';
import { FollowsService } from '@polity/follows';
import { UsersService } from '@polity/identity';
import { isUuid, type Principal, ProblemException, Public, SiteConfig } from '@polity/platform';
import {
  formText,
  HTML,
  type LiveAction,
  LivePages,
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
import { SurveyResults } from '../results/survey-results';
import { SurveysService } from '../surveys/surveys.service';
import { SurveyAnswerPage } from './survey-answer.page';
import { SurveyDonePage } from './survey-done.page';
import { answerErrors, editableAnswers, readPageAnswers, surveyPages } from './survey-form';
import { SurveyListPage } from './survey-list.page';
import { type RespondentStanding, SurveyPage } from './survey.page';
import { SurveyResultsPage } from './survey-results.page';
import { SURVEYS_MESSAGES } from './surveys.messages';

const LIVE_SURVEY: Record<string, LiveAction> = { 'survey.updated': { refresh: true } };
const LIVE_RESULTS: Record<string, LiveAction> = { 'survey.results': { refresh: true }, 'survey.updated': { refresh: true } };
const PHASE_ORDER = { open: 0, upcoming: 1, closed: 2, draft: 3 } as const;

/** Where the answering stands between two requests: the answers so far, the page, the receipt of an anonymous edit. */
interface AnswerState {
  answers: Record<string, unknown>;
  index: number;
  receipt: string | null;
}

/** The residents' survey pages: the list, a survey, answering it page by page, the thank-you, the results. */
@ApiExcludeController()
@Public()
@Controller('surveys')
export class SurveyPagesController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly responses: ResponsesService,
    private readonly results: SurveyResults,
    private readonly users: UsersService,
    private readonly follows: FollowsService,
    private readonly site: SiteConfig,
    private readonly live: LivePages,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async list(@Web() web: WebRequest): Promise<string> {
    const page = await this.surveys.list({ limit: 100 }, web.principal);
    const shown = page.items.filter((survey) => survey.phase !== 'draft').sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase]);
    return renderPage(<SurveyListPage t={this.translator(web)} siteName={this.site.name} web={web} surveys={shown} />);
  }

  @Get(':id')
  @Header('content-type', HTML)
  async one(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const live = isUuid(id) ? await this.live.config(web, [roomName('surveys', id)], LIVE_SURVEY) : null;
    const survey = live && (await this.readable(id, web.principal));
    if (!live || !survey) return this.notFound(web, response);
    const [standing, following] = await Promise.all([
      this.standing(web.principal, survey),
      web.principal ? this.follows.isFollowing('surveys', id, web.principal.userId) : false,
    ]);
    return renderPage(
      <SurveyPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        survey={survey}
        standing={standing}
        resultsPublic={resultsPublic(survey)}
        following={following}
        live={live}
      />,
    );
  }

  @Get(':id/results')
  @Header('content-type', HTML)
  async resultsPage(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const live = isUuid(id) ? await this.live.config(web, [roomName('surveys', id)], LIVE_RESULTS) : null;
    const survey = live && (await this.readable(id, web.principal));
    if (!live || !survey) return this.notFound(web, response);
    const results = resultsPublic(survey) ? await this.results.forReader(id, web.principal, {}) : null;
    return renderPage(
      <SurveyResultsPage t={this.translator(web)} siteName={this.site.name} web={web} survey={survey} results={results} live={live} />,
    );
  }

  /** The first page, with the resident's earlier answers where the survey can give them back. */
  @Get(':id/answer')
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
  @Post(':id/receipt')
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
  @Post(':id/answer')
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

  @Get(':id/done')
  @Header('content-type', HTML)
  async done(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const survey = isUuid(id) ? await this.readable(id, web.principal) : null;
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
    const survey = isUuid(id) ? await this.readable(id, web.principal) : null;
    if (!survey) {
      response.status(404).type('html').send(this.notFound(web, response));
      return null;
    }
    if (!web.principal) {
      signInFirst(response, `/surveys/${id}/answer`);
      return null;
    }
    const standing = await this.standing(web.principal, survey);
    if (survey.phase !== 'open' || standing.state !== 'may_answer') {
      seeOther(response, `/surveys/${id}`);
      return null;
    }
    return { survey, principal: web.principal };
  }

  private async standing(principal: Principal | undefined, survey: SurveyView): Promise<RespondentStanding> {
    if (!principal) return { state: 'signed_out' };
    const user = await this.users.get(principal.userId).catch(() => null);
    if (!user) return { state: 'signed_out' };
    const verifiedOnly = survey.audience === 'verified' || survey.audience === 'district';
    if (verifiedOnly && user.verifiedAt === null) return { state: 'verify' };
    if (survey.audience === 'district' && user.residentDistrict !== survey.district) return { state: 'not_for_you' };
    const mine = await this.responses.mine(principal, survey.id, undefined);
    return { state: 'may_answer', responded: mine.responded, editable: survey.responseMode === 'editable' && survey.phase === 'open' };
  }

  private async readable(id: string, principal: Principal | undefined): Promise<SurveyView | null> {
    const survey = await this.surveys.get(id, principal).catch(() => null);
    return survey && survey.phase !== 'draft' ? survey : null;
  }

  private notFound(web: WebRequest, response: Response): string {
    return notFound(response, this.translator(web), this.site.name, web);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, SURVEYS_MESSAGES);
  }
}

/** Whether the survey shows its results to the public now: live while open, or once closed. */
const resultsPublic = (survey: SurveyView): boolean =>
  (survey.resultsVisibility === 'live' && (survey.phase === 'open' || survey.phase === 'closed')) ||
  (survey.resultsVisibility === 'after_close' && survey.phase === 'closed');

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
