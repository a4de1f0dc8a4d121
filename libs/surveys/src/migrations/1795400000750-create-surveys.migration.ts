import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSurveys1795400000750 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "survey" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "audience" text NOT NULL, "district" text, "response_mode" text NOT NULL, "anonymous" boolean NOT NULL, "results_visibility" text NOT NULL, "show_text_answers" boolean NOT NULL DEFAULT false, "questions" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "locked_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "previous_version_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_survey_text_answers_named" CHECK (NOT (anonymous AND show_text_answers)), CONSTRAINT "chk_survey_dates" CHECK (closes_at > opens_at), CONSTRAINT "chk_survey_results_visibility" CHECK (results_visibility IN ('live', 'after_close', 'internal')), CONSTRAINT "chk_survey_response_mode" CHECK (response_mode IN ('editable', 'final')), CONSTRAINT "chk_survey_district_audience" CHECK ((audience = 'district') = (district IS NOT NULL)), CONSTRAINT "chk_survey_audience" CHECK (audience IN ('everyone', 'signed_in', 'verified', 'district')), CONSTRAINT "pk_survey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_previous_version" ON "survey"  ("previous_version_id") WHERE previous_version_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_created" ON "survey"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "survey_export" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "requested_by_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'queued', "rows" integer NOT NULL DEFAULT '0', "total" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_survey_export_status" CHECK (status IN ('queued', 'running', 'done', 'failed')), CONSTRAINT "pk_survey_export" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_export_survey" ON "survey_export"  ("survey_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "survey_participation" ("survey_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "pk_survey_participation" PRIMARY KEY ("survey_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "respondent_id" uuid, "receipt_hash" text, "district" text, "answers" jsonb NOT NULL, "atoms" text array NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_survey_response" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_response_receipt" ON "survey_response"  ("receipt_hash") WHERE receipt_hash IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_response_respondent" ON "survey_response"  ("survey_id", "respondent_id") WHERE respondent_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_response_submitted" ON "survey_response"  ("survey_id", "submitted_at", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_survey_response_survey" ON "survey_response"  ("survey_id", "district") `);
    await queryRunner.query(
      `CREATE TABLE "survey_text_answer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "response_id" uuid NOT NULL, "question_key" text NOT NULL, "part" text NOT NULL, "body" text NOT NULL, "author_id" uuid NOT NULL, "moderation_state" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_survey_text_answer_part" CHECK (part IN ('text', 'other')), CONSTRAINT "chk_survey_text_answer_state" CHECK (moderation_state IN ('visible', 'held', 'hidden')), CONSTRAINT "pk_survey_text_answer" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_survey_text_answer_author" ON "survey_text_answer"  ("author_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_survey_text_answer_shown" ON "survey_text_answer"  ("survey_id", "question_key", "updated_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_text_answer_part" ON "survey_text_answer"  ("response_id", "question_key", "part") `,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_export" ADD CONSTRAINT "fk_survey_export_survey_id" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_participation" ADD CONSTRAINT "fk_survey_participation_survey_id" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_survey_id" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_text_answer" ADD CONSTRAINT "fk_survey_text_answer_response_id" FOREIGN KEY ("response_id") REFERENCES "survey_response"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_text_answer" DROP CONSTRAINT "fk_survey_text_answer_response_id"`);
    await queryRunner.query(`ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_survey_id"`);
    await queryRunner.query(`ALTER TABLE "survey_participation" DROP CONSTRAINT "fk_survey_participation_survey_id"`);
    await queryRunner.query(`ALTER TABLE "survey_export" DROP CONSTRAINT "fk_survey_export_survey_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_text_answer_part"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_text_answer_shown"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_text_answer_author"`);
    await queryRunner.query(`DROP TABLE "survey_text_answer"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_response_survey"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_response_submitted"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_response_respondent"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_response_receipt"`);
    await queryRunner.query(`DROP TABLE "survey_response"`);
    await queryRunner.query(`DROP TABLE "survey_participation"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_export_survey"`);
    await queryRunner.query(`DROP TABLE "survey_export"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_created"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_previous_version"`);
    await queryRunner.query(`DROP TABLE "survey"`);
  }
}
