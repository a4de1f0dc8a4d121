import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordHoldCause1795400000850 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "moderation_item" ADD "held_by" text`);
    await queryRunner.query(
      `ALTER TABLE "moderation_item" ADD CONSTRAINT "chk_moderation_item_held_by" CHECK (held_by IN ('premoderation', 'screening', 'reports'))`,
    );
    // Items held today: their last origin is the best record of why.
    await queryRunner.query(
      `UPDATE "moderation_item" SET "held_by" = "origin" WHERE "state" = 'held' AND "origin" IN ('premoderation', 'screening', 'reports')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_moderation_decision_appeal" ON "moderation_decision"  ("appeal_id") WHERE appeal_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_moderation_decision_appeal"`);
    await queryRunner.query(`ALTER TABLE "moderation_item" DROP CONSTRAINT "chk_moderation_item_held_by"`);
    await queryRunner.query(`ALTER TABLE "moderation_item" DROP COLUMN "held_by"`);
  }
}
