export { ModerationModule, ModerationHttpModule, ModerationJobsModule, ModerationPagesModule } from './moderation.module';
export { ContentGate } from './content-gate';
export { MODERATION_ENTITIES } from './entities';
export { MODERATION_MIGRATIONS } from './migrations';
export { DEFAULT_SCREENING_SETTINGS, type ScreeningSettings } from './screening/screening-settings';
export { ScreeningService } from './screening/screening.service';
