import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { OUTCOME_RULES, type BudgetView, type OutcomeRule } from '@polity/contracts';
import { isUuid, ProblemException, SiteConfig } from '@polity/platform';
import {
  type FieldError,
  formText,
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
  newsText,
} from '@polity/web';
import type { Response } from 'express';
import type { ComponentChildren } from 'preact';
import { PaperBallotsService } from '../ballots/paper-ballots.service';
import { BudgetsService } from '../budgets/budgets.service';
import type { OutcomeDto } from '../outcomes/outcomes.dto';
import { OutcomesService } from '../outcomes/outcomes.service';
import { BudgetProjectsService } from '../projects/budget-projects.service';
import { BUDGETS_CONSOLE_MESSAGES } from './budgets-console.messages';
import { BUDGETS_CONSOLE } from './budgets-console.page';
import { OutcomesComparePage } from './outcomes-compare.page';
import { ballotProjects, choicesOf, type LineProblem, type PaperDraft, readPaperCsv, readPaperForm, REFERENCE } from './paper-ballot-form';
import { PaperBallotsPage } from './paper-ballots.page';

interface PaperState {
  draft?: PaperDraft;
  errors?: FieldError[];
  csv?: string;
  csvProblems?: LineProblem[];
  news?: string;
  refusal?: ComponentChildren;
}

/** Counting: paper ballots entered one by one or imported, and outcomes computed under each rule, compared and published. */
@StaffOnly('official')
@Controller('staff/budgets/:id')
export class CountingConsoleController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly projects: BudgetProjectsService,
    private readonly paper: PaperBallotsService,
    private readonly outcomes: OutcomesService,
    private readonly site: SiteConfig,
  ) {}

  @Get('paper-ballots')
  @Header('content-type', HTML)
  paperBallots(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    const recorded = formText(query.recorded, 80);
    const imported = Number(formText(query.imported, 6));
    const news = recorded
      ? t.t('bc.paper.recorded', { reference: recorded })
      : imported > 0
        ? t.t('bc.paper.imported', { count: imported })
        : undefined;
    return this.paperPage(web, id, response, { news });
  }

  /** One paper ballot; back to an empty form with the reference focused, for the next one. */
  @Post('paper-ballots')
  @Header('content-type', HTML)
  async enter(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    const setting = await this.setting(web, id);
    if (!setting) return notFound(response, t, this.site.name, web);
    const draft = readPaperForm(form, setting.projects.length);
    const errors: FieldError[] = [];
    if (!REFERENCE.test(draft.reference)) errors.push({ field: 'reference', message: t.t('bc.paper.invalid.reference') });
    const choices = choicesOf(setting.budget.ballot.kind, setting.projects, draft);
    if ('badNumber' in choices) errors.push({ field: `p${choices.badNumber}`, message: t.t('bc.paper.invalid.number') });
    if (errors.length > 0 || 'badNumber' in choices) {
      response.status(422);
      return this.paperPage(web, id, response, { draft, errors });
    }
    try {
      await this.paper.put(staffMember(web).userId, id, draft.reference, choices);
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.paperPage(web, id, response, { draft, refusal: <Refused t={t} message="bc.paper.refused" detail={refusal.detail} /> });
    }
    return seeOther(response, `${BUDGETS_CONSOLE}/${id}/paper-ballots?recorded=${encodeURIComponent(draft.reference)}`);
  }

  /** Many ballots as CSV lines: all imported or none, each refused line named. */
  @Post('paper-ballots/import')
  @Header('content-type', HTML)
  async importCsv(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    const setting = await this.setting(web, id);
    if (!setting) return notFound(response, t, this.site.name, web);
    const csv = formText(form.csv, 1_000_000);
    const read = readPaperCsv(t, csv, setting.budget.ballot.kind, setting.projects);
    if (read.problems.length > 0) {
      response.status(422);
      return this.paperPage(web, id, response, { csv, csvProblems: read.problems });
    }
    try {
      const { imported } = await this.paper.import(staffMember(web).userId, id, read.ballots);
      return seeOther(response, `${BUDGETS_CONSOLE}/${id}/paper-ballots?imported=${imported}`);
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      const problems = error instanceof ProblemException ? (error.problem.errors ?? []) : [];
      // The service names ballots[index]: the index is the ballot's place among the lines read.
      const csvProblems = problems.length
        ? problems.map((problem) => {
            const index = Number(/^ballots\[(\d+)\]/.exec(problem.field)?.[1] ?? -1);
            return { line: read.lines[index] ?? 0, problem: problem.message };
          })
        : [{ line: 0, problem: refusal.detail }];
      return this.paperPage(web, id, response, { csv, csvProblems });
    }
  }

  @Get('outcomes')
  @Header('content-type', HTML)
  outcomesPage(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Query('news') news: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    return this.comparePage(web, id, response, newsText(t, 'bc.news', news));
  }

  @Post('outcomes')
  @Header('content-type', HTML)
  async compute(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const rule = formText(form.rule, 20) as OutcomeRule;
    if (!OUTCOME_RULES.includes(rule) || !isUuid(id)) return notFound(response, this.translator(web), this.site.name, web);
    try {
      const { queued } = await this.outcomes.request(staffMember(web), id, { rule });
      return seeOther(response, withNews(`${BUDGETS_CONSOLE}/${id}/outcomes`, queued ? 'queued' : 'computed'));
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.comparePage(web, id, response, undefined, refusal.detail);
    }
  }

  @Post('outcomes/:outcomeId/publish')
  @Header('content-type', HTML)
  async publish(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('outcomeId') outcomeId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!isUuid(id) || !isUuid(outcomeId)) return notFound(response, this.translator(web), this.site.name, web);
    try {
      await this.outcomes.publish(staffMember(web), id, outcomeId);
      return seeOther(response, withNews(`${BUDGETS_CONSOLE}/${id}/outcomes`, 'published'));
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.comparePage(web, id, response, undefined, refusal.detail);
    }
  }

  private async comparePage(web: WebRequest, id: string, response: Response, news?: string, refused?: string): Promise<string> {
    const t = this.translator(web);
    const budget = isUuid(id) ? await this.budgets.get(id, web.principal).catch(() => null) : null;
    if (!budget) return notFound(response, t, this.site.name, web);
    const latest = await Promise.all(
      OUTCOME_RULES.map((rule) => this.outcomes.current(web.principal, id, rule).catch((): OutcomeDto | null => null)),
    );
    const outcomes = Object.fromEntries(OUTCOME_RULES.flatMap((rule, index) => (latest[index] ? [[rule, latest[index]]] : [])));
    return renderPage(
      <OutcomesComparePage
        t={t}
        siteName={this.site.name}
        web={{ ...web, path: `${BUDGETS_CONSOLE}/${id}/outcomes` }}
        budget={budget}
        outcomes={outcomes}
        news={news}
        refusal={refused && <Refused t={t} message="bc.refused" detail={refused} />}
      />,
    );
  }

  private async paperPage(web: WebRequest, id: string, response: Response, state: PaperState): Promise<string> {
    const t = this.translator(web);
    const setting = await this.setting(web, id);
    if (!setting) return notFound(response, t, this.site.name, web);
    return renderPage(
      <PaperBallotsPage
        t={t}
        siteName={this.site.name}
        web={{ ...web, path: `${BUDGETS_CONSOLE}/${id}/paper-ballots` }}
        budget={setting.budget}
        projects={setting.projects}
        entered={await this.paper.count(id)}
        draft={state.draft ?? { reference: '', district: setting.budget.districts[0]?.code ?? '', marks: {} }}
        errors={state.errors ?? []}
        csv={state.csv ?? ''}
        csvProblems={state.csvProblems ?? []}
        news={state.news}
        refusal={state.refusal}
      />,
    );
  }

  private async setting(web: WebRequest, id: string) {
    const budget: BudgetView | null = isUuid(id) ? await this.budgets.get(id, web.principal).catch(() => null) : null;
    if (!budget) return null;
    return { budget, projects: ballotProjects(await this.projects.list(id, web.principal, {})) };
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, BUDGETS_CONSOLE_MESSAGES);
  }
}
