import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The survey list pages by created_at; a cursor holds milliseconds, so the column does too. */
export class ExactSurveyCursorTimes1795400000880 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_survey_created"`);
    await queryRunner.query(`ALTER TABLE "survey" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "idx_survey_created" ON "survey"  ("created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_survey_created"`);
    await queryRunner.query(`ALTER TABLE "survey" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "idx_survey_created" ON "survey"  ("created_at", "id") `);
  }
}
