import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DistrictsModule } from '@polity/districts';
import { FollowsModule } from '@polity/follows';
import { IdentityModule } from '@polity/identity';
import { ModerationModule } from '@polity/moderation';
import { ProposalsModule } from '@polity/proposals';
import { QueueModule } from '@polity/queue';
import { CommentsModule, CommentsPagesModule } from '@polity/comments';
import { WebModule } from '@polity/web';
import { BroadcastModule } from '@polity/realtime';
import { BallotsController } from './ballots/ballots.controller';
import { BallotsService } from './ballots/ballots.service';
import { PaperBallotsService } from './ballots/paper-ballots.service';
import { AdvancePhasesHandler, BudgetPhaseSchedule } from './budgets/advance-phases.handler';
import { BudgetPresenter } from './budgets/budget-presenter';
import { BudgetsController } from './budgets/budgets.controller';
import { BudgetsService } from './budgets/budgets.service';
import { BudgetsPersonalData } from './budgets-personal-data';
import { BudgetEntity } from './entities/budget.entity';
import { BudgetBallotEntity } from './entities/budget-ballot.entity';
import { BudgetBallotChoiceEntity } from './entities/budget-ballot-choice.entity';
import { BudgetDistrictEntity } from './entities/budget-district.entity';
import { BudgetOutcomeEntity } from './entities/budget-outcome.entity';
import { BudgetProjectEntity } from './entities/budget-project.entity';
import { BudgetTallyEntity } from './entities/budget-tally.entity';
import { BudgetDiscussion, BudgetProjectDiscussion, BudgetRoomPolicy } from './live/budget-rooms';
import { BudgetsLiveListener } from './live/budgets-live.listener';
import { ComputeOutcomeHandler } from './outcomes/compute-outcome.handler';
import { OutcomePresenter } from './outcomes/outcome-presenter';
import { OutcomesController } from './outcomes/outcomes.controller';
import { OutcomesService } from './outcomes/outcomes.service';
import { PabulibController } from './pabulib-io/pabulib.controller';
import { BudgetsOpenData } from './pabulib-io/budgets-open-data';
import { PabulibExportService } from './pabulib-io/pabulib-export.service';
import { PabulibImportService } from './pabulib-io/pabulib-import.service';
import { BudgetProjectModeration } from './projects/budget-project-moderation';
import { BudgetProjectPresenter } from './projects/budget-project-presenter';
import { BudgetProjectsController } from './projects/budget-projects.controller';
import { BudgetProjectsService } from './projects/budget-projects.service';
import { BudgetTallies } from './tallies/budget-tallies';
import { SyncTallyHandler } from './tallies/sync-tally.handler';
import { BudgetsHomeSection } from './pages/budgets-home.section';
import { BallotPagesController } from './pages/ballot-pages.controller';
import { BudgetsConsoleController } from './console/budgets-console.controller';
import { BudgetsConsoleEntry } from './console/budgets-console.entry';
import { CountingConsoleController } from './console/counting-console.controller';
import { BudgetPagesController } from './pages/budget-pages.controller';
import { VoterStandings } from './pages/voter-standings';
import { DistrictPlaces } from './pages/district-places';
import { ProjectLinkController } from './pages/project-link.controller';
import { ProjectPagesController } from './pages/project-pages.controller';
import { PublicBudgets } from './pages/public-budgets';

export const BUDGETS_ENTITIES = [
  BudgetEntity,
  BudgetDistrictEntity,
  BudgetProjectEntity,
  BudgetBallotEntity,
  BudgetBallotChoiceEntity,
  BudgetTallyEntity,
  BudgetOutcomeEntity,
];

/** What the http and jobs parts use. */
const SERVICES = [
  BudgetsService,
  BudgetPresenter,
  BudgetProjectsService,
  BudgetProjectPresenter,
  BallotsService,
  PaperBallotsService,
  BudgetTallies,
  OutcomesService,
  OutcomePresenter,
  PabulibImportService,
  PabulibExportService,
];

/** Budgets, projects, ballots, tallies and outcomes; services only. */
@Module({
  imports: [TypeOrmModule.forFeature(BUDGETS_ENTITIES), IdentityModule, DistrictsModule, FollowsModule, ProposalsModule, ModerationModule],
  // The discussion hooks live here so both processes find them (the worker pushes comments its screening holds).
  providers: [...SERVICES, BudgetsPersonalData, BudgetProjectModeration, BudgetDiscussion, BudgetProjectDiscussion, BudgetsOpenData],
  exports: SERVICES,
})
export class BudgetsModule {}

/** Live pushes of committed budget changes, in whichever process committed them (both apps import it). */
@Module({
  imports: [BudgetsModule, BroadcastModule],
  providers: [BudgetsLiveListener],
})
export class BudgetsLiveModule {}

/** Routes and rooms; the api's part. */
@Module({
  imports: [BudgetsModule, BudgetsLiveModule, BroadcastModule],
  controllers: [BudgetsController, BudgetProjectsController, BallotsController, OutcomesController, PabulibController],
  providers: [BudgetRoomPolicy],
})
export class BudgetsHttpModule {}

/** The worker's part: live tallies, large outcomes, scheduled phases. */
@Module({
  imports: [BudgetsModule, BudgetsLiveModule, BroadcastModule, QueueModule],
  providers: [SyncTallyHandler, ComputeOutcomeHandler, AdvancePhasesHandler, BudgetPhaseSchedule],
})
export class BudgetsJobsModule {}

/** Its part of the web site: budgets, projects, ballots and results for residents, and the officials' console. */
@Module({
  imports: [BudgetsModule, IdentityModule, DistrictsModule, CommentsModule, CommentsPagesModule, FollowsModule, WebModule],
  controllers: [
    BallotPagesController,
    BudgetPagesController,
    ProjectPagesController,
    ProjectLinkController,
    BudgetsConsoleController,
    CountingConsoleController,
  ],
  providers: [BudgetsHomeSection, VoterStandings, DistrictPlaces, PublicBudgets, BudgetsConsoleEntry],
})
export class BudgetsPagesModule {}
