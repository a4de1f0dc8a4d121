export * from './council.module';
export { COUNCIL_MIGRATIONS } from './migrations';
export { MeetingsService } from './meetings/meetings.service';
export { CreateMeetingDto } from './meetings/meetings.dto';
