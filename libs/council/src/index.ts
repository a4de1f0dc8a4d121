export * from './council.module';
export { COUNCIL_MIGRATIONS } from './migrations';
export { MeetingsService } from './meetings/meetings.service';
export { CreateMeetingDto } from './meetings/meetings.dto';
export { LiveControlService } from './meetings/live-control.service';
export { DecisionsService } from './decisions/decisions.service';
export { CreateAgendaItemDto } from './meetings/meetings.dto';
export { RecordDecisionDto } from './decisions/decisions.dto';
