export {
  ModerationModule,
  ModerationHttpModule,
  ModerationJobsModule,
  ModerationPagesModule,
  ModerationSeedModule,
} from './moderation.module';
export { ContentGate } from './content-gate';
export { MODERATION_ENTITIES } from './entities';
export { MODERATION_MIGRATIONS } from './migrations';
export { DEFAULT_SCREENING_SETTINGS, type ScreeningSettings } from './screening/screening-settings';
export { ScreeningService } from './screening/screening.service';
export { ReportsService } from './reports/reports.service';
export { ModerationSettingsService } from './settings/moderation-settings.service';
