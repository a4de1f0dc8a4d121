import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { BudgetProjectView, BudgetView } from '@polity/contracts';
import { type Principal, ProblemException, Public, SiteConfig, isUuid } from '@polity/platform';
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
import type { BallotChoicesDto } from '../ballots/ballots.dto';
import { BallotsService } from '../ballots/ballots.service';
import { BudgetProjectsService } from '../projects/budget-projects.service';
import {
  type BallotDraft,
  type BallotErrors,
  ballotErrorsOf,
  draftOf,
  emptyDraft,
  hasErrors,
  noErrors,
  readBallotForm,
} from './ballot-form';
import { BallotPage } from './ballot.page';
import { BallotReceiptPage } from './ballot-receipt.page';
import { BallotReviewPage } from './ballot-review.page';
import { BUDGETS_MESSAGES } from './budgets.messages';
import { DistrictPlaces } from './district-places';
import { PublicBudgets } from './public-budgets';
import { VoterStandings } from './voter-standings';

/** The pot a ballot is for: its district (if any), its amount, its projects, and whether the reader may choose another. */
interface BallotSetting {
  district: string | null;
  potAmount: number;
  fixedDistrict: string | null;
  districtChoices: string[];
  projects: BudgetProjectView[];
}

/** The budget in its vote, and the signed-in voter allowed to vote in it with their district. */
interface Ready {
  budget: BudgetView;
  principal: Principal;
  residentDistrict: string | null;
}

interface SentBallot extends Ready {
  setting: BallotSetting;
  draft: BallotDraft;
  choices: BallotChoicesDto;
  errors: BallotErrors;
}

/**
 * Voting, as a resident does it in a browser: the ballot (every kind), the review step, casting,
 * the receipt, and withdrawing. Each step is a plain form; the ballot is checked by the same code
 * as the api's, and cast by the same service.
 */
@ApiExcludeController()
@Public()
@Controller('budgets/:id/ballot')
export class BallotPagesController {
  constructor(
    private readonly shown: PublicBudgets,
    private readonly projects: BudgetProjectsService,
    private readonly ballots: BallotsService,
    private readonly standings: VoterStandings,
    private readonly places: DistrictPlaces,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async ballot(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Query('district') asked: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const ready = await this.ready(web, id, response);
    if (!ready) return undefined;
    const { budget, principal } = ready;
    const setting = await this.setting(ready, typeof asked === 'string' ? asked : undefined);
    const own = await this.ballots.mine(principal, id, setting.district ?? undefined).catch(() => null);
    return this.ballotPage(web, budget, setting, own ? draftOf(own) : emptyDraft(setting.district), noErrors());
  }

  /** The review step: the ballot checked as casting would, shown to be cast or changed. */
  @Post('review')
  @Header('content-type', HTML)
  async review(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const sent = await this.sent(web, id, form, response);
    if (!sent) return undefined;
    const { budget, principal, setting, draft, choices, errors } = sent;
    if (hasErrors(errors)) return this.refused(web, response, budget, setting, draft, errors);
    try {
      const checked = await this.ballots.check(principal, id, choices);
      return renderPage(
        <BallotReviewPage
          t={this.translator(web)}
          siteName={this.site.name}
          web={web}
          budget={budget}
          projects={setting.projects}
          draft={draft}
          choices={choices}
          district={checked.district}
          totalCost={checked.totalCost}
          place={await this.places.place()}
        />,
      );
    } catch (error) {
      return this.refusal(error, web, response, budget, setting, draft, choices);
    }
  }

  /** Back from the review step to the ballot, as it was. */
  @Post('edit')
  @Header('content-type', HTML)
  async edit(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const sent = await this.sent(web, id, form, response);
    return sent ? this.ballotPage(web, sent.budget, sent.setting, sent.draft, noErrors()) : undefined;
  }

  /** Casts (or replaces) the ballot, then the receipt. */
  @Post()
  @Header('content-type', HTML)
  async cast(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const sent = await this.sent(web, id, form, response);
    if (!sent) return undefined;
    const { budget, principal, setting, draft, choices, errors } = sent;
    if (hasErrors(errors)) return this.refused(web, response, budget, setting, draft, errors);
    try {
      const ballot = await this.ballots.cast(principal, id, { ...choices, follow: true });
      return seeOther(response, this.receiptPath(id, ballot.district, 'cast'));
    } catch (error) {
      return this.refusal(error, web, response, budget, setting, draft, choices);
    }
  }

  @Get('receipt')
  @Header('content-type', HTML)
  async receipt(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const budget = isUuid(id) ? await this.shown.find(id) : null;
    if (!budget) return this.notFound(web, response);
    if (!web.principal) return signInFirst(response, `/budgets/${id}/ballot/receipt`);
    const district = typeof query.district === 'string' ? query.district.slice(0, 40) : undefined;
    const [ballot, projects] = await Promise.all([
      this.ballots.mine(web.principal, id, district).catch(() => null),
      this.projects.list(id, web.principal, {}),
    ]);
    const news = query.news === 'cast' || query.news === 'withdrawn' ? query.news : null;
    return renderPage(
      <BallotReceiptPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        budget={budget}
        projects={projects}
        ballot={ballot}
        news={news}
        place={await this.places.place()}
      />,
    );
  }

  @Post('withdraw')
  async withdraw(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const ready = await this.ready(web, id, response);
    if (!ready) return;
    const district = formText(form.district, 40) || null;
    await this.ballots.withdraw(ready.principal, id, district ?? undefined).catch((error: unknown) => {
      // Already withdrawn, or voting closed meanwhile: the receipt says where things stand.
      if (!(error instanceof ProblemException) || ![404, 409].includes(error.getStatus())) throw error;
    });
    seeOther(response, this.receiptPath(id, district, 'withdrawn'));
  }

  /** A ballot form as sent to any step: who sends it, for which pot, what it holds, and what is wrong with it at sight. */
  private async sent(web: WebRequest, id: string, form: Record<string, unknown>, response: Response): Promise<SentBallot | null> {
    const ready = await this.ready(web, id, response);
    if (!ready) return null;
    const setting = await this.setting(ready, formText(form.district, 40) || undefined);
    return { ...ready, setting, ...readBallotForm(form, ready.budget, setting.projects, this.translator(web)) };
  }

  /** The budget in its voting phase and the signed-in voter; otherwise the way there (sign in, the budget's page). */
  private async ready(web: WebRequest, id: string, response: Response): Promise<Ready | null> {
    const budget = isUuid(id) ? await this.shown.find(id) : null;
    if (!budget) {
      response.status(404).type('html').send(this.notFound(web, response));
      return null;
    }
    if (!web.principal) {
      signInFirst(response, `/budgets/${id}/ballot`);
      return null;
    }
    const voter = await this.standings.voter(web.principal, budget);
    // Not voting, or not verified where the vote needs it: the budget's page says why and what to do.
    if (budget.phase !== 'voting' || !voter || voter.verifiedNeeded) {
      seeOther(response, `/budgets/${id}`);
      return null;
    }
    return { budget, principal: web.principal, residentDistrict: voter.residentDistrict };
  }

  private async setting({ principal, budget, residentDistrict }: Ready, asked: string | undefined): Promise<BallotSetting> {
    const codes = budget.districts.map((d) => d.code);
    if (codes.length === 0) {
      const projects = await this.projects.list(budget.id, principal, { feasibility: 'feasible' });
      return {
        district: null,
        potAmount: budget.totalAmount,
        fixedDistrict: null,
        districtChoices: [],
        projects: projects.filter(onBallot),
      };
    }
    const own = residentDistrict && codes.includes(residentDistrict) ? residentDistrict : null;
    const fixed = budget.districtVoting === 'one' && own ? own : null;
    const district = fixed ?? (asked && codes.includes(asked) ? asked : (own ?? codes[0]));
    const projects = await this.projects.list(budget.id, principal, { feasibility: 'feasible', district });
    return {
      district,
      potAmount: budget.districts.find((d) => d.code === district)?.amount ?? 0,
      fixedDistrict: fixed,
      districtChoices: fixed ? [] : codes,
      projects: projects.filter(onBallot),
    };
  }

  private async ballotPage(
    web: WebRequest,
    budget: BudgetView,
    setting: BallotSetting,
    draft: BallotDraft,
    errors: BallotErrors,
  ): Promise<string> {
    const place = await this.places.place();
    return renderPage(
      <BallotPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        budget={budget}
        projects={setting.projects}
        potAmount={setting.potAmount}
        draft={{ ...draft, district: setting.district }}
        errors={errors}
        districtChoices={setting.districtChoices}
        fixedDistrict={setting.fixedDistrict}
        place={place}
      />,
    );
  }

  private refused(
    web: WebRequest,
    response: Response,
    budget: BudgetView,
    setting: BallotSetting,
    draft: BallotDraft,
    errors: BallotErrors,
  ): Promise<string> {
    response.status(422);
    return this.ballotPage(web, budget, setting, draft, errors);
  }

  /** What the rules refused, beside the projects that broke them; anything else is not the ballot's problem. */
  private refusal(
    error: unknown,
    web: WebRequest,
    response: Response,
    budget: BudgetView,
    setting: BallotSetting,
    draft: BallotDraft,
    choices: BallotChoicesDto,
  ): Promise<string> {
    if (!(error instanceof ProblemException) || ![409, 422].includes(error.getStatus())) throw error;
    const t = this.translator(web);
    const errors =
      error.getStatus() === 409
        ? { byProject: {}, general: [t.t('budgets.error.not_voting')] }
        : ballotErrorsOf(
            error.problem.errors ?? [{ field: 'ballot', rule: error.problem.code, message: '' }],
            choices,
            budget,
            setting.projects,
            setting.potAmount,
            t,
          );
    return this.refused(web, response, budget, setting, draft, errors);
  }

  private receiptPath(id: string, district: string | null, news: 'cast' | 'withdrawn'): string {
    const query = new URLSearchParams({ ...(district && { district }), news });
    return `/budgets/${id}/ballot/receipt?${query.toString()}`;
  }

  private notFound(web: WebRequest, response: Response): string {
    return notFound(response, this.translator(web), this.site.name, web);
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, BUDGETS_MESSAGES);
  }
}

/** What a ballot offers: projects moderation has let through (an author sees their own held suggestion elsewhere). */
const onBallot = (project: BudgetProjectView): boolean => project.moderationState === 'visible';
