import { Body, Controller, Get, Header, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { BudgetView } from '@polity/contracts';
import { isUuid, Problems, SiteConfig } from '@polity/platform';
import {
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
  staffMember,
  idOrNone,
  Refused,
  consoleStep,
  newsText,
} from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { ChangePhaseDto, ListBudgetsQueryDto } from '../budgets/budgets.dto';
import { BudgetsService } from '../budgets/budgets.service';
import { ProjectFromProposalDto, ReviewBudgetProjectDto } from '../projects/budget-projects.dto';
import { BudgetProjectsService } from '../projects/budget-projects.service';
import { PabulibImportService } from '../pabulib-io/pabulib-import.service';
import { draftOf, emptyBudgetDraft, readBudgetForm } from './budget-form';
import { readProjectForm } from './project-form';
import { BudgetWorkspacePage, type WorkspaceState } from './budget-workspace.page';
import { BUDGETS_CONSOLE_MESSAGES } from './budgets-console.messages';
import { BUDGETS_CONSOLE, BudgetsConsolePage } from './budgets-console.page';

/** The largest Pabulib files published (Warsaw's) are a few megabytes. */
const PABULIB_MAX_BYTES = 50 * 1024 * 1024;

/** The officials' budgets console: budgets created and set up, phases moved, projects reviewed and added. */
@StaffOnly('official')
@Controller('staff/budgets')
export class BudgetsConsoleController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly projects: BudgetProjectsService,
    private readonly pabulib: PabulibImportService,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  list(@Web() web: WebRequest): Promise<string> {
    return this.listPage(web, {});
  }

  @Post()
  @Header('content-type', HTML)
  async create(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const t = this.translator(web);
    const { input, draft, errors } = await readBudgetForm(t, form, web.timeZone);
    if (errors.length > 0) {
      response.status(422);
      return this.listPage(web, { draft, errors });
    }
    try {
      const budget = await this.budgets.create(staffMember(web), input);
      return seeOther(response, withNews(`${BUDGETS_CONSOLE}/${budget.id}`, 'created'));
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.listPage(web, { draft, errors: [], refusal: <Refused t={t} message="bc.refused" detail={refusal.detail} /> });
    }
  }

  /** A Pabulib file uploaded from the page (its form token in the address): the budget it describes, closed, votes as paper ballots. */
  @Post('import')
  @Header('content-type', HTML)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: PABULIB_MAX_BYTES, files: 1 } }))
  async importPabulib(
    @Web() web: WebRequest,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    try {
      const imported = await this.pabulib.import(staffMember(web), file?.buffer.toString('utf8') ?? '');
      return seeOther(response, withNews(`${BUDGETS_CONSOLE}/${imported.budget.id}`, 'imported'));
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return this.listPage(web, { refusal: <Refused t={t} message="bc.refused" detail={refusal.detail} /> });
    }
  }

  @Get(':id')
  @Header('content-type', HTML)
  workspace(@Web() web: WebRequest, @Param('id') id: string, @Query('news') news: unknown, @Res({ passthrough: true }) response: Response) {
    const t = this.translator(web);
    return this.workspacePage(web, id, response, {
      errors: [],
      news: newsText(t, 'bc.news', news),
    });
  }

  @Post(':id')
  @Header('content-type', HTML)
  async update(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { input, draft, errors } = await readBudgetForm(this.translator(web), form, web.timeZone);
    if (errors.length > 0) {
      response.status(422);
      return this.workspacePage(web, id, response, { form: 'settings', draft, errors });
    }
    return this.act(web, id, response, 'saved', () => this.budgets.update(staffMember(web), idOrNone(id), input), {
      form: 'settings',
      draft,
      errors: [],
    });
  }

  @Post(':id/phase')
  @Header('content-type', HTML)
  phase(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const input = plainToInstance(ChangePhaseDto, { phase: formText(form.phase, 20) });
    return this.act(web, id, response, 'moved', async () => {
      if ((await validate(input)).length > 0)
        throw Problems.unprocessable('invalid_phase', 'Move to proposing, reviewing, voting or closed.');
      return this.budgets.changePhase(staffMember(web), idOrNone(id), input.phase);
    });
  }

  @Post(':id/projects/:projectId/review')
  @Header('content-type', HTML)
  async review(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('projectId') projectId: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const draft = { feasibility: formText(form.feasibility, 20), reason: formText(form.reason, 5000).trim() };
    const input = plainToInstance(ReviewBudgetProjectDto, {
      feasibility: draft.feasibility,
      ...((draft.reason || draft.feasibility === 'unfeasible') && { reason: draft.reason }),
    });
    const state: WorkspaceState = { form: `review:${projectId}`, draft, errors: [] };
    if ((await validate(input)).length > 0) {
      response.status(422);
      state.errors.push({ field: `review-${projectId}-reason`, message: this.translator(web).t('bc.review.invalid') });
      return this.workspacePage(web, id, response, state);
    }
    return this.act(web, id, response, 'reviewed', () => this.projects.review(staffMember(web), idOrNone(projectId), input), state);
  }

  @Post(':id/projects/from-proposal')
  @Header('content-type', HTML)
  async fromProposal(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    const draft = {
      proposal: formText(form.proposal, 500).trim(),
      cost: formText(form.cost, 20).trim(),
      district: formText(form.district, 40).trim(),
    };
    const [, proposalId] = /\/proposals\/([0-9a-f-]{36})\/?(?:[?#].*)?$/.exec(draft.proposal) ?? [];
    const input = plainToInstance(ProjectFromProposalDto, {
      proposalId: proposalId ?? '',
      cost: /^\d{1,15}$/.test(draft.cost) ? Number(draft.cost) : Number.NaN,
      ...(draft.district && { district: draft.district }),
    });
    const invalid = new Set((await validate(input)).map((error) => error.property));
    const errors = [
      ...(invalid.has('proposalId') ? [{ field: 'proposal', message: t.t('bc.fromProposal.invalid.address') }] : []),
      ...(invalid.has('cost') ? [{ field: 'cost', message: t.t('bc.fromProposal.invalid.cost') }] : []),
    ];
    const state: WorkspaceState = { form: 'proposal', draft, errors };
    if (errors.length > 0) {
      response.status(422);
      return this.workspacePage(web, id, response, state);
    }
    return this.act(web, id, response, 'added', () => this.projects.createFromProposal(staffMember(web), idOrNone(id), input), state);
  }

  /** An official's own project, feasible at once when they say so. */
  @Post(':id/projects')
  @Header('content-type', HTML)
  async addProject(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { input, draft, errors } = await readProjectForm(this.translator(web), form, 'new-');
    const state: WorkspaceState = { form: 'project', draft, errors };
    if (errors.length > 0) {
      response.status(422);
      return this.workspacePage(web, id, response, state);
    }
    return this.act(web, id, response, 'projectSaved', () => this.projects.create(staffMember(web), idOrNone(id), input), {
      ...state,
      errors: [],
    });
  }

  @Post(':id/projects/:projectId')
  @Header('content-type', HTML)
  async editProject(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('projectId') projectId: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { input, draft, errors } = await readProjectForm(this.translator(web), form, `edit-${projectId}-`);
    const state: WorkspaceState = { form: `edit:${projectId}`, draft, errors };
    if (errors.length > 0) {
      response.status(422);
      return this.workspacePage(web, id, response, state);
    }
    const { feasibility: _feasibility, ...changes } = input;
    return this.act(web, id, response, 'projectSaved', () => this.projects.update(staffMember(web), idOrNone(projectId), changes), {
      ...state,
      errors: [],
    });
  }

  private async act(web: WebRequest, id: string, response: Response, news: string, step: () => Promise<unknown>, kept?: WorkspaceState) {
    return consoleStep(response, step, withNews(`${BUDGETS_CONSOLE}/${id}`, news), (refusal) =>
      this.workspacePage(web, id, response, {
        ...kept,
        errors: [],
        refusal: <Refused t={this.translator(web)} message="bc.refused" detail={refusal.detail} />,
      }),
    );
  }

  private async workspacePage(web: WebRequest, id: string, response: Response, state: WorkspaceState): Promise<string> {
    const t = this.translator(web);
    const budget = isUuid(id) ? await this.budgets.get(id, web.principal).catch(() => null) : null;
    if (!budget) return notFound(response, t, this.site.name, web);
    const projects = await this.projects.list(id, web.principal, {});
    return renderPage(
      <BudgetWorkspacePage
        t={t}
        siteName={this.site.name}
        web={{ ...web, path: `${BUDGETS_CONSOLE}/${id}` }}
        budget={budget}
        projects={projects}
        settings={draftOf(budget, web.timeZone)}
        state={state}
      />,
    );
  }

  private async listPage(
    web: WebRequest,
    state: { draft?: Record<string, string>; errors?: { field: string; message: string }[]; refusal?: unknown },
  ) {
    const t = this.translator(web);
    const budgets: BudgetView[] = (await this.budgets.list(Object.assign(new ListBudgetsQueryDto(), { limit: 100 }), web.principal)).items;
    return renderPage(
      <BudgetsConsolePage
        t={t}
        siteName={this.site.name}
        web={{ ...web, path: BUDGETS_CONSOLE }}
        budgets={budgets}
        draft={state.draft ?? emptyBudgetDraft()}
        errors={state.errors ?? []}
        refusal={state.refusal as never}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, BUDGETS_CONSOLE_MESSAGES);
  }
}
