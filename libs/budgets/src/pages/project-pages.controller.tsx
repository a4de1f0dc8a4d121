import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type CommentDraft, CommentForms, COMMENTS_MESSAGES, COMMENT_SORTS, type CommentSort, CommentThreadsQuery } from '@polity/comments';
import { type BudgetView, roomName } from '@polity/contracts';
import { FollowsService } from '@polity/follows';
import { isUuid, ProblemException, Public, SiteConfig } from '@polity/platform';
import {
  type FieldError,
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
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { CreateBudgetProjectDto } from '../projects/budget-projects.dto';
import { BudgetProjectsService } from '../projects/budget-projects.service';
import { BudgetProjectPage } from './budget-project.page';
import { BUDGETS_MESSAGES } from './budgets.messages';
import { DistrictPlaces } from './district-places';
import { PublicBudgets } from './public-budgets';
import { type ProjectDraft, SuggestProjectPage } from './suggest-project.page';
import { VoterStandings } from './voter-standings';

/** A project page follows its budget's room: its comments arrive one by one, a review refreshes it. */
const LIVE_PROJECT: Record<string, LiveAction> = {
  'comment.created': { fragment: '/comments/{id}' },
  'comment.updated': { fragment: '/comments/{id}' },
  'comment.deleted': { fragment: '/comments/{id}' },
  'budget.project_updated': { refresh: true },
};
const COMMENTS_PER_PAGE = 50;

/** A budget's projects for residents: one project with its conversation, and suggesting one while ideas are gathered. */
@ApiExcludeController()
@Public()
@Controller('budgets')
export class ProjectPagesController {
  constructor(
    private readonly budgets: PublicBudgets,
    private readonly projects: BudgetProjectsService,
    private readonly standings: VoterStandings,
    private readonly places: DistrictPlaces,
    private readonly follows: FollowsService,
    private readonly comments: CommentThreadsQuery,
    private readonly commentForms: CommentForms,
    private readonly site: SiteConfig,
    private readonly live: LivePages,
  ) {}

  @Get(':id/projects/:projectId')
  @Header('content-type', HTML)
  async project(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('projectId') projectId: string,
    @Query('sort') sort: unknown,
    @Query('comments') cursor: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const order = COMMENT_SORTS.includes(sort as CommentSort) ? (sort as CommentSort) : 'oldest';
    return this.projectPage(
      web,
      id,
      projectId,
      { sort: order, cursor: typeof cursor === 'string' ? cursor : undefined },
      { errors: [] },
      response,
    );
  }

  /** Publishes the reader's comment on a project; a refused one comes back with the text kept. */
  @Post(':id/projects/:projectId/comments')
  @HttpCode(422)
  @Header('content-type', HTML)
  async comment(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Param('projectId') projectId: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const page = `/budgets/${id}/projects/${projectId}`;
    if (!isUuid(id) || !isUuid(projectId)) return this.notFound(web, response);
    if (!web.principal) return signInFirst(response, page);
    const published = await this.commentForms.publish(web.principal, 'budget-projects', projectId, form, this.translator(web));
    if ('id' in published) return seeOther(response, `${page}#comment-${published.id}`);
    return this.projectPage(web, id, projectId, { sort: 'oldest' }, published, response);
  }

  @Get(':id/suggest')
  @Header('content-type', HTML)
  async suggestForm(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const budget = isUuid(id) ? await this.budgets.find(id) : null;
    if (!budget) return this.notFound(web, response);
    if (!web.principal) return signInFirst(response, `/budgets/${id}/suggest`);
    const standing = await this.standings.of(web.principal, budget);
    const draft = { title: '', description: '', cost: '', district: standing?.residentDistrict ?? '' };
    return this.suggestPage(
      web,
      budget,
      draft,
      budget.phase === 'proposing' ? [] : [{ field: 'title', message: this.translator(web).t('budgets.suggest.closed') }],
    );
  }

  @Post(':id/suggest')
  @Header('content-type', HTML)
  async suggest(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const budget = isUuid(id) ? await this.budgets.find(id) : null;
    if (!budget) return this.notFound(web, response);
    if (!web.principal) return signInFirst(response, `/budgets/${id}/suggest`);
    const t = this.translator(web);
    const draft: ProjectDraft = {
      title: formText(form.title, 300),
      description: formText(form.description, 10_000),
      cost: formText(form.cost, 20).trim(),
      district: formText(form.district, 40),
    };
    const input = plainToInstance(CreateBudgetProjectDto, {
      title: draft.title,
      description: draft.description,
      cost: /^\d+$/.test(draft.cost) ? Number(draft.cost) : Number.NaN,
      ...(draft.district && { district: draft.district }),
    });
    const fields = ['title', 'description', 'cost', 'district'];
    const errors: FieldError[] = [...new Set((await validate(input)).map((error) => error.property))]
      .filter((field) => fields.includes(field))
      .map((field) => ({ field, message: t.t(`budgets.suggest.invalid.${field}`) }));
    if (errors.length > 0) {
      response.status(422);
      return this.suggestPage(web, budget, draft, errors);
    }
    try {
      const project = await this.projects.create(web.principal, id, input);
      return seeOther(response, `/budgets/${id}/projects/${project.id}`);
    } catch (error) {
      if (!(error instanceof ProblemException) || ![403, 409, 422, 429].includes(error.getStatus())) throw error;
      response.status(error.getStatus() === 429 ? 429 : 422);
      const field = error.problem.errors?.[0]?.field === 'district' ? 'district' : 'title';
      return this.suggestPage(web, budget, draft, [{ field, message: t.t('budgets.suggest.refused', { reason: error.problem.detail }) }]);
    }
  }

  private suggestPage(web: WebRequest, budget: BudgetView, draft: ProjectDraft, errors: FieldError[]): string {
    return renderPage(
      <SuggestProjectPage t={this.translator(web)} siteName={this.site.name} web={web} budget={budget} draft={draft} errors={errors} />,
    );
  }

  private async projectPage(
    web: WebRequest,
    id: string,
    projectId: string,
    comments: { sort: CommentSort; cursor?: string },
    draft: CommentDraft,
    response: Response,
  ): Promise<string> {
    if (!isUuid(id) || !isUuid(projectId)) return this.notFound(web, response);
    const live = await this.live.config(web, [roomName('budgets', id)], LIVE_PROJECT);
    const [budget, project] = await Promise.all([this.budgets.find(id), this.projects.get(projectId, web.principal).catch(() => null)]);
    if (!budget || !project || project.budgetId !== id) return this.notFound(web, response);
    const read = (after: string | undefined) =>
      this.comments.page('budget-projects', projectId, comments.sort, COMMENTS_PER_PAGE, after, web.principal);
    const [conversation, following] = await Promise.all([
      read(comments.cursor).catch(() => read(undefined)),
      web.principal ? this.follows.isFollowing('budget-projects', projectId, web.principal.userId) : false,
    ]);
    const base = `/budgets/${id}/projects/${projectId}`;
    const more = conversation.nextCursor
      ? `${base}?${new URLSearchParams({ sort: comments.sort, comments: conversation.nextCursor }).toString()}#comments-title`
      : null;
    return renderPage(
      <BudgetProjectPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        budget={budget}
        project={project}
        comments={conversation.items}
        moreComments={more}
        commentDraft={draft}
        commentSort={comments.sort}
        following={following}
        live={live}
        place={await this.places.place()}
      />,
    );
  }

  private notFound(web: WebRequest, response: Response): string {
    return notFound(response, this.translator(web), this.site.name, web);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, BUDGETS_MESSAGES, COMMENTS_MESSAGES);
  }
}
