import { CreateModeration1795400000710 } from './1795400000710-create-moderation.migration';

export const MODERATION_MIGRATIONS = [CreateModeration1795400000710];
