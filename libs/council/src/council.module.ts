import { Global, Module } from '@nestjs/common';
import { FollowsModule } from '@polity/follows';
import { DecisionPanels, WebModule } from '@polity/web';
import { CouncilDecisionPanels } from './pages/council-decision-panels';
import { CouncilPagesController } from './pages/council-pages.controller';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouncilConsoleController } from './console/council-console.controller';
import { CouncilConsoleEntry } from './console/council-console.entry';
import { IdentityModule } from '@polity/identity';
import { BroadcastModule } from '@polity/realtime';
import { CouncilOpenData } from './council-open-data';
import { DecisionPresenter } from './decisions/decision-presenter';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionsQuery } from './decisions/decisions.query';
import { DecisionsService } from './decisions/decisions.service';
import { AgendaItemEntity } from './entities/agenda-item.entity';
import { AgendaLinkEntity } from './entities/agenda-link.entity';
import { DecisionEntity } from './entities/decision.entity';
import { DecisionCorrectionEntity } from './entities/decision-correction.entity';
import { MeetingEntity } from './entities/meeting.entity';
import { CouncilLiveListener } from './live/council-live.listener';
import { MeetingDiscussion, MeetingRoomPolicy } from './live/meeting-rooms';
import { LiveControlService } from './meetings/live-control.service';
import { MeetingPresenter } from './meetings/meeting-presenter';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsQuery } from './meetings/meetings.query';
import { MeetingsService } from './meetings/meetings.service';
import { CouncilHomeSection } from './pages/council-home.section';

export const COUNCIL_ENTITIES = [MeetingEntity, AgendaItemEntity, AgendaLinkEntity, DecisionEntity, DecisionCorrectionEntity];

const SERVICES = [
  MeetingsService,
  LiveControlService,
  MeetingsQuery,
  MeetingPresenter,
  DecisionsService,
  DecisionsQuery,
  DecisionPresenter,
];

/** Council meetings, agendas and decisions; services only. Meetings hold no personal data of citizens (clerks act in office). */
@Module({
  imports: [TypeOrmModule.forFeature(COUNCIL_ENTITIES), IdentityModule],
  // MeetingDiscussion in both processes: follows in the api, titles for the worker's notifications.
  providers: [...SERVICES, CouncilOpenData, MeetingDiscussion],
  exports: SERVICES,
})
export class CouncilModule {}

/** Live pushes of committed council changes, in whichever process committed them (both apps import it). */
@Module({
  imports: [CouncilModule, BroadcastModule],
  providers: [CouncilLiveListener],
})
export class CouncilLiveModule {}

/** Routes and rooms; the api's part. */
@Module({
  imports: [CouncilModule, CouncilLiveModule],
  controllers: [MeetingsController, DecisionsController],
  providers: [MeetingRoomPolicy],
})
export class CouncilHttpModule {}

/** The worker's part: what every process shares (open data, live pushes). */
@Module({ imports: [CouncilModule, CouncilLiveModule] })
export class CouncilJobsModule {}

/** Its part of the web site: the meetings' pages, the next meetings on the home page, decisions on others' pages. */
@Global()
@Module({
  imports: [CouncilModule, FollowsModule, WebModule],
  controllers: [CouncilPagesController, CouncilConsoleController],
  providers: [CouncilHomeSection, CouncilConsoleEntry, { provide: DecisionPanels, useClass: CouncilDecisionPanels }],
  // Global: proposal and thread pages show the council's decisions without importing the council.
  exports: [DecisionPanels],
})
export class CouncilPagesModule {}
