import { FORMER_KIND_VALUES } from '@polity/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queue items and the public log name kinds as the routes do (`comments`), and template keys are
 * snake_case like the reasons they go with (`off_topic`), where no template has that key yet.
 */
export class OneNamePerKindInModeration1795400000895 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "moderation_item" i SET "kind" = spelling.current FROM ${FORMER_KIND_VALUES} WHERE i."kind" = spelling.former`,
    );
    await queryRunner.query(
      `UPDATE "moderation_log_entry" l SET "content_kind" = spelling.current FROM ${FORMER_KIND_VALUES} WHERE l."content_kind" = spelling.former`,
    );
    await queryRunner.query(
      `UPDATE "moderation_template" t SET "key" = replace(t."key", '-', '_')
        WHERE t."key" LIKE '%-%' AND NOT EXISTS (SELECT 1 FROM "moderation_template" o WHERE o."key" = replace(t."key", '-', '_'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "moderation_item" i SET "kind" = spelling.former FROM ${FORMER_KIND_VALUES} WHERE i."kind" = spelling.current`,
    );
    await queryRunner.query(
      `UPDATE "moderation_log_entry" l SET "content_kind" = spelling.former FROM ${FORMER_KIND_VALUES} WHERE l."content_kind" = spelling.current`,
    );
    await queryRunner.query(
      `UPDATE "moderation_template" SET "key" = replace("key", '_', '-') WHERE "key" IN ('off_topic', 'personal_data')`,
    );
  }
}
