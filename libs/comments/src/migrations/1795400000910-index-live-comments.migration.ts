import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live comments of each resource, as countLive counts them: the count reads the index alone
 * (no comment row per deleted or held one, and none at all once vacuum has marked the pages), where
 * the resource index made it visit every comment of a busy proposal on each recount.
 */
export class IndexLiveComments1795400000910 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_comment_live" ON "comment" ("kind", "resource_id") WHERE "deleted_at" IS NULL AND "moderation_state" = 'visible'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_comment_live"`);
  }
}
