import { BUDGETS_ENTITIES, BUDGETS_MIGRATIONS } from '@polity/budgets';
import { CODESIGN_ENTITIES, CODESIGN_MIGRATIONS } from '@polity/codesign';
import { COMMENTS_ENTITIES, COMMENTS_MIGRATIONS } from '@polity/comments';
import { COUNCIL_ENTITIES, COUNCIL_MIGRATIONS } from '@polity/council';
import { DISTRICTS_ENTITIES, DISTRICTS_MIGRATIONS } from '@polity/districts';
import { FOLLOWS_ENTITIES, FOLLOWS_MIGRATIONS } from '@polity/follows';
import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS } from '@polity/identity';
import { MODERATION_ENTITIES, MODERATION_MIGRATIONS } from '@polity/moderation';
import { AuditEntryEntity, OutboxEventEntity, QueuedJobEntity, PLATFORM_MIGRATIONS, SchemaCatalogue } from '@polity/platform';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '@polity/notifications';
import { OPEN_DATA_ENTITIES, OPEN_DATA_MIGRATIONS } from '@polity/open-data';
import { PROPOSALS_ENTITIES, PROPOSALS_MIGRATIONS } from '@polity/proposals';
import { SURVEYS_ENTITIES, SURVEYS_MIGRATIONS } from '@polity/surveys';

/**
 * Every table's entity and every migration, gathered from the libraries that own them. The api,
 * the worker, the CLI and the tests all build their DataSource from this one list.
 */
export const POLITY_SCHEMA: SchemaCatalogue = {
  entities: [
    OutboxEventEntity,
    QueuedJobEntity,
    AuditEntryEntity,
    ...IDENTITY_ENTITIES,
    ...DISTRICTS_ENTITIES,
    ...FOLLOWS_ENTITIES,
    ...COMMENTS_ENTITIES,
    ...PROPOSALS_ENTITIES,
    ...BUDGETS_ENTITIES,
    ...MODERATION_ENTITIES,
    ...SURVEYS_ENTITIES,
    ...CODESIGN_ENTITIES,
    ...COUNCIL_ENTITIES,
    ...NOTIFICATIONS_ENTITIES,
    ...OPEN_DATA_ENTITIES,
  ],
  migrations: [
    ...PLATFORM_MIGRATIONS,
    ...IDENTITY_MIGRATIONS,
    ...DISTRICTS_MIGRATIONS,
    ...FOLLOWS_MIGRATIONS,
    ...COMMENTS_MIGRATIONS,
    ...PROPOSALS_MIGRATIONS,
    ...BUDGETS_MIGRATIONS,
    ...MODERATION_MIGRATIONS,
    ...SURVEYS_MIGRATIONS,
    ...CODESIGN_MIGRATIONS,
    ...COUNCIL_MIGRATIONS,
    ...NOTIFICATIONS_MIGRATIONS,
    ...OPEN_DATA_MIGRATIONS,
  ],
};
