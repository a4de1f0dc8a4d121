import { ModerationAppealEntity } from './moderation-appeal.entity';
import { ModerationBlockEntity } from './moderation-block.entity';
import { ModerationDecisionEntity } from './moderation-decision.entity';
import { ModerationItemEntity } from './moderation-item.entity';
import { ModerationLogEntryEntity } from './moderation-log-entry.entity';
import { ModerationPolicyEntity } from './moderation-policy.entity';
import { ModerationReportEntity } from './moderation-report.entity';
import { ModerationScreeningEntity } from './moderation-screening.entity';
import { ModerationSettingsEntity } from './moderation-settings.entity';
import { ModerationTemplateEntity } from './moderation-template.entity';

export {
  ModerationAppealEntity,
  ModerationBlockEntity,
  ModerationDecisionEntity,
  ModerationItemEntity,
  ModerationLogEntryEntity,
  ModerationPolicyEntity,
  ModerationReportEntity,
  ModerationScreeningEntity,
  ModerationSettingsEntity,
  ModerationTemplateEntity,
};

export const MODERATION_ENTITIES = [
  ModerationItemEntity,
  ModerationScreeningEntity,
  ModerationReportEntity,
  ModerationDecisionEntity,
  ModerationAppealEntity,
  ModerationBlockEntity,
  ModerationLogEntryEntity,
  ModerationTemplateEntity,
  ModerationSettingsEntity,
  ModerationPolicyEntity,
];
