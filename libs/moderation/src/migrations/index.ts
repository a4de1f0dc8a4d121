import { OneNamePerKindInModeration1795400000895 } from './1795400000895-one-name-per-kind.migration';
import { CreateModeration1795400000710 } from './1795400000710-create-moderation.migration';
import { RecordHoldCause1795400000850 } from './1795400000850-record-hold-cause.migration';

export const MODERATION_MIGRATIONS = [CreateModeration1795400000710, RecordHoldCause1795400000850, OneNamePerKindInModeration1795400000895];
