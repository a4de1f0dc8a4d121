import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type BudgetView, roomName } from '@polity/contracts';
import { FollowsService } from '@polity/follows';
import { isUuid, ProblemException, Public, SiteConfig } from '@polity/platform';
import { HTML, type LiveAction, LivePages, notFound, pageTranslator, renderPage, type Translator, Web, type WebRequest } from '@polity/web';
import type { Response } from 'express';
import { ListBudgetsQueryDto } from '../budgets/budgets.dto';
import { BudgetsService } from '../budgets/budgets.service';
import { OutcomesService } from '../outcomes/outcomes.service';
import { BudgetProjectsService } from '../projects/budget-projects.service';
import { BudgetTallies } from '../tallies/budget-tallies';
import { BudgetListPage } from './budget-list.page';
import { BudgetPage } from './budget.page';
import { BUDGETS_MESSAGES } from './budgets.messages';
import { DistrictPlaces } from './district-places';
import { PublicBudgets } from './public-budgets';
import { ResultsPage } from './results.page';
import { VoterStandings } from './voter-standings';

/** Everything that changes a budget's page is in its room; the page refetches its live parts. */
const LIVE_BUDGET: Record<string, LiveAction> = Object.fromEntries(
  [
    'budget.tally',
    'budget.updated',
    'budget.phase_changed',
    'budget.project_updated',
    'budget.project_removed',
    'budget.outcome_published',
  ].map((event) => [event, { refresh: true }]),
);

/** The residents' budget pages: the list, a budget with its projects and votes, and the results. */
@ApiExcludeController()
@Public()
@Controller('budgets')
export class BudgetPagesController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly shown: PublicBudgets,
    private readonly projects: BudgetProjectsService,
    private readonly tallies: BudgetTallies,
    private readonly outcomes: OutcomesService,
    private readonly standings: VoterStandings,
    private readonly places: DistrictPlaces,
    private readonly follows: FollowsService,
    private readonly site: SiteConfig,
    private readonly live: LivePages,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async list(@Web() web: WebRequest): Promise<string> {
    const page = await this.budgets.list(Object.assign(new ListBudgetsQueryDto(), { limit: 100 }), undefined);
    return renderPage(<BudgetListPage t={this.translator(web)} siteName={this.site.name} web={web} budgets={page.items} />);
  }

  @Get(':id')
  @Header('content-type', HTML)
  async one(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Query('district') asked: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const live = isUuid(id) ? await this.live.config(web, [roomName('budgets', id)], LIVE_BUDGET) : null;
    const budget = live && (await this.shown.find(id));
    if (!live || !budget) return this.notFound(web, response);
    const standing = await this.standings.of(web.principal, budget);
    const codes = budget.districts.map((d) => d.code);
    // The resident's own district first, until they choose another (or all).
    const wanted = typeof asked === 'string' ? asked : (standing?.residentDistrict ?? 'all');
    const district = codes.includes(wanted) ? wanted : null;
    const [projects, following, tally, place] = await Promise.all([
      this.projects.list(id, web.principal, district ? { district } : {}),
      web.principal ? this.follows.isFollowing('budgets', id, web.principal.userId) : false,
      this.tallyFor(budget),
      this.places.place(),
    ]);
    return renderPage(
      <BudgetPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        budget={budget}
        projects={projects}
        district={district}
        tally={tally}
        standing={standing}
        following={following}
        live={live}
        place={place}
      />,
    );
  }

  @Get(':id/results')
  @Header('content-type', HTML)
  async results(@Web() web: WebRequest, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const budget = isUuid(id) ? await this.shown.find(id) : null;
    if (!budget) return this.notFound(web, response);
    // The published outcome only, whoever reads: officials compare unpublished ones in their console.
    const outcome = budget.publishedOutcomeId ? await this.outcomes.byId(undefined, id, budget.publishedOutcomeId) : null;
    const mine = outcome ? await this.standings.votedFor(web.principal, budget) : [];
    return renderPage(
      <ResultsPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        budget={budget}
        outcome={outcome}
        mine={mine}
        place={await this.places.place()}
      />,
    );
  }

  /** The tally where the budget shows it to the public, during voting and after (officials see theirs in the console). */
  private async tallyFor(budget: BudgetView) {
    if (!['voting', 'closed', 'published'].includes(budget.phase)) return null;
    return this.tallies.forReader(budget.id, undefined).catch((error: unknown) => {
      if (error instanceof ProblemException && error.getStatus() === 403) return null;
      throw error;
    });
  }

  private notFound(web: WebRequest, response: Response): string {
    return notFound(response, this.translator(web), this.site.name, web);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, BUDGETS_MESSAGES);
  }
}
