import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateModeration1795400000710 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "moderation_appeal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "decision_id" uuid NOT NULL, "item_id" uuid NOT NULL, "author_id" uuid NOT NULL, "statement" text, "outcome" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_moderation_appeal_decision_id" UNIQUE ("decision_id"), CONSTRAINT "pk_moderation_appeal" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "moderation_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "moderator_id" uuid NOT NULL, "action" text NOT NULL, "reason" text NOT NULL, "statement" text NOT NULL, "state_before" text NOT NULL, "state_after" text NOT NULL, "appeal_id" uuid, "block_id" uuid, "queued_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_moderation_decision" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_moderation_decision_item" ON "moderation_decision"  ("item_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "moderation_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "content_id" uuid NOT NULL, "author_id" uuid NOT NULL, "state" text NOT NULL DEFAULT 'visible', "open" boolean NOT NULL DEFAULT false, "origin" text, "queued_at" TIMESTAMP(3) WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "screening_score" real, "screening_hits" jsonb, "screened_at" TIMESTAMP WITH TIME ZONE, "report_count" integer NOT NULL DEFAULT '0', "claimed_by_id" uuid, "claimed_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_moderation_item_content" UNIQUE ("kind", "content_id"), CONSTRAINT "pk_moderation_item" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_moderation_item_author" ON "moderation_item"  ("author_id") `);
    await queryRunner.query(`CREATE INDEX "idx_moderation_item_queue" ON "moderation_item"  ("queued_at", "id") WHERE open`);
    await queryRunner.query(
      `CREATE TABLE "moderation_block" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "reason" text NOT NULL, "until" TIMESTAMP WITH TIME ZONE, "blocked_by_id" uuid NOT NULL, "lifted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_moderation_block" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_moderation_block_user" ON "moderation_block"  ("user_id") WHERE lifted_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "moderation_log_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "content_kind" text NOT NULL, "reason" text NOT NULL, "action" text NOT NULL, "origin" text NOT NULL, "rules" text array NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_moderation_log_entry" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_moderation_log_entry_occurred" ON "moderation_log_entry"  ("occurred_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "moderation_policy" ("scope" text NOT NULL, "mode" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_moderation_policy_mode" CHECK (mode IN ('post', 'pre')), CONSTRAINT "pk_moderation_policy" PRIMARY KEY ("scope"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "moderation_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "reporter_id" uuid NOT NULL, "reason" text NOT NULL, "note" text, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_moderation_report_reporter" UNIQUE ("item_id", "reporter_id"), CONSTRAINT "chk_moderation_report_reason" CHECK (reason IN ('spam', 'offensive', 'off_topic', 'personal_data', 'illegal', 'other')), CONSTRAINT "pk_moderation_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_moderation_report_reporter" ON "moderation_report"  ("reporter_id") `);
    await queryRunner.query(
      `CREATE TABLE "moderation_screening" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "item_id" uuid NOT NULL, "author_id" uuid NOT NULL, "fingerprint" text NOT NULL, "score" real NOT NULL, "hits" jsonb NOT NULL, "flagged" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_moderation_screening_submission_id" UNIQUE ("submission_id"), CONSTRAINT "pk_moderation_screening" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_moderation_screening_fingerprint" ON "moderation_screening"  ("fingerprint", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_moderation_screening_author" ON "moderation_screening"  ("author_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "moderation_settings" ("id" smallint NOT NULL, "screening" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_moderation_settings_single" CHECK (id = 1), CONSTRAINT "pk_moderation_settings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "moderation_template" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "reason" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_moderation_template_key" UNIQUE ("key"), CONSTRAINT "pk_moderation_template" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "moderation_template" ("key", "title", "body", "reason") VALUES
        ('spam', 'Advertising or spam', 'Your contribution was removed because it advertises products or services, or repeats the same message, which the participation rules do not allow.', 'spam'),
        ('offensive', 'Insulting or degrading language', 'Your contribution was removed because it insults or degrades other people. You are welcome to make your point again respectfully.', 'offensive'),
        ('off-topic', 'Off topic', 'Your contribution was removed because it does not concern the subject of this consultation. Please post it where it belongs.', 'off_topic'),
        ('personal-data', 'Personal data of others', 'Your contribution was removed because it contains personal data about someone else (such as an address, phone number or health details).', 'personal_data'),
        ('illegal', 'Unlawful content', 'Your contribution was removed because it appears to break the law (for example incitement, threats or copyright infringement).', 'illegal')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "moderation_template"`);
    await queryRunner.query(`DROP TABLE "moderation_settings"`);
    await queryRunner.query(`DROP INDEX "public"."idx_moderation_screening_author"`);
    await queryRunner.query(`DROP INDEX "public"."idx_moderation_screening_fingerprint"`);
    await queryRunner.query(`DROP TABLE "moderation_screening"`);
    await queryRunner.query(`DROP INDEX "public"."idx_moderation_report_reporter"`);
    await queryRunner.query(`DROP TABLE "moderation_report"`);
    await queryRunner.query(`DROP TABLE "moderation_policy"`);
    await queryRunner.query(`DROP INDEX "public"."idx_moderation_log_entry_occurred"`);
    await queryRunner.query(`DROP TABLE "moderation_log_entry"`);
    await queryRunner.query(`DROP INDEX "public"."idx_moderation_block_user"`);
    await queryRunner.query(`DROP TABLE "moderation_block"`);
    await queryRunner.query(`DROP INDEX "public"."idx_moderation_item_queue"`);
    await queryRunner.query(`DROP INDEX "public"."idx_moderation_item_author"`);
    await queryRunner.query(`DROP TABLE "moderation_item"`);
    await queryRunner.query(`DROP INDEX "public"."idx_moderation_decision_item"`);
    await queryRunner.query(`DROP TABLE "moderation_decision"`);
    await queryRunner.query(`DROP TABLE "moderation_appeal"`);
  }
}
