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

/** Routes, rooms and live pushes; the api's part (every council step happens in a request). */
@Module({
  imports: [CouncilModule, BroadcastModule],
  controllers: [MeetingsController, DecisionsController],
  providers: [MeetingRoomPolicy, CouncilLiveListener],
})
export class CouncilHttpModule {}

/** The worker's part: nothing runs there but what every process shares (open data). */
@Module({ imports: [CouncilModule] })
export class CouncilJobsModule {}
