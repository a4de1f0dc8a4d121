import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
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
import { MeetingRoomPolicy } from './live/meeting-rooms';
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
  providers: [...SERVICES, CouncilOpenData],
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

/** Its part of the web site: for now, what is open on the home page. */
@Module({
  imports: [CouncilModule],
  providers: [CouncilHomeSection],
})
export class CouncilPagesModule {}
