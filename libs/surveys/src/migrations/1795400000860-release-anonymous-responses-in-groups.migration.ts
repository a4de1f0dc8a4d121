import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReleaseAnonymousResponsesInGroups1795400000860 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "survey_pending_response" ("id" uuid NOT NULL, "survey_id" uuid NOT NULL, "receipt_key" text, "sealed" bytea NOT NULL, CONSTRAINT "pk_survey_pending_response" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_pending_response_receipt" ON "survey_pending_response"  ("receipt_key") WHERE receipt_key IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_pending_response_survey" ON "survey_pending_response"  ("survey_id") `);
    await queryRunner.query(
      `CREATE TABLE "survey_result_view" ("survey_id" uuid NOT NULL, "view_key" text NOT NULL, "respondents" integer NOT NULL, "results" jsonb NOT NULL, CONSTRAINT "pk_survey_result_view" PRIMARY KEY ("survey_id", "view_key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_pending_response" ADD CONSTRAINT "fk_survey_pending_response_survey_id" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_result_view" ADD CONSTRAINT "fk_survey_result_view_survey_id" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Anonymous responses stored before: new ids, the day only, and a random order, as a release gives them.
    await queryRunner.query(
      `CREATE TEMP TABLE anonymous_before AS SELECT * FROM survey_response WHERE survey_id IN (SELECT id FROM survey WHERE anonymous)`,
    );
    await queryRunner.query(`DELETE FROM survey_response WHERE survey_id IN (SELECT id FROM survey WHERE anonymous)`);
    await queryRunner.query(
      `INSERT INTO survey_response (id, survey_id, respondent_id, receipt_hash, district, answers, atoms, submitted_at, updated_at)
       SELECT gen_random_uuid(), survey_id, NULL, receipt_hash, district, answers, atoms, date_trunc('day', submitted_at), date_trunc('day', updated_at)
       FROM anonymous_before ORDER BY random()`,
    );
    await queryRunner.query(`DROP TABLE anonymous_before`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_result_view" DROP CONSTRAINT "fk_survey_result_view_survey_id"`);
    await queryRunner.query(`ALTER TABLE "survey_pending_response" DROP CONSTRAINT "fk_survey_pending_response_survey_id"`);
    await queryRunner.query(`DROP TABLE "survey_result_view"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_pending_response_survey"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_pending_response_receipt"`);
    await queryRunner.query(`DROP TABLE "survey_pending_response"`);
  }
}
