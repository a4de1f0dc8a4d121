import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCodesign1795400000770 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "codesign_post_reaction" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, "reaction" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_codesign_post_reaction" CHECK (reaction IN ('support', 'me_too')), CONSTRAINT "pk_codesign_post_reaction" PRIMARY KEY ("post_id", "user_id", "reaction"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_codesign_post_reaction_user" ON "codesign_post_reaction"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "codesign_stage_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "from_stage" text NOT NULL, "to_stage" text NOT NULL, "summary" text NOT NULL, "changed_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_codesign_stage_change" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_codesign_stage_change_thread" ON "codesign_stage_change"  ("thread_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "codesign_thread" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "service_name" text NOT NULL, "department" text NOT NULL, "description" text NOT NULL, "stages" text array NOT NULL, "current_stage" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "facilitator_ids" uuid array NOT NULL, "post_count" integer NOT NULL DEFAULT '0', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_codesign_thread_facilitators" CHECK (cardinality(facilitator_ids) > 0), CONSTRAINT "chk_codesign_thread_current_stage" CHECK (current_stage = ANY (stages)), CONSTRAINT "chk_codesign_thread_status" CHECK (status IN ('open', 'closed')), CONSTRAINT "pk_codesign_thread" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_codesign_thread_created" ON "codesign_thread"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "codesign_thread_decision" ("thread_id" uuid NOT NULL, "decision_id" uuid NOT NULL, "revision" integer NOT NULL, "decided_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "summary" jsonb NOT NULL, CONSTRAINT "pk_codesign_thread_decision" PRIMARY KEY ("thread_id", "decision_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_codesign_thread_decision_timeline" ON "codesign_thread_decision"  ("thread_id", "decided_at", "decision_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "codesign_thread_link" ("thread_id" uuid NOT NULL, "kind" text NOT NULL, "resource_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "chk_codesign_thread_link_kind" CHECK (kind IN ('proposals', 'budgets', 'budget-projects', 'surveys', 'threads')), CONSTRAINT "pk_codesign_thread_link" PRIMARY KEY ("thread_id", "kind", "resource_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "codesign_post" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "parent_id" uuid, "depth" smallint NOT NULL DEFAULT '0', "type" text, "body" text NOT NULL, "author_id" uuid NOT NULL, "official" boolean NOT NULL DEFAULT false, "pinned" boolean NOT NULL DEFAULT false, "answered" boolean NOT NULL DEFAULT false, "stage" text NOT NULL, "support_count" integer NOT NULL DEFAULT '0', "me_too_count" integer NOT NULL DEFAULT '0', "reply_count" integer NOT NULL DEFAULT '0', "moderation_state" text NOT NULL DEFAULT 'visible', "edited_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_codesign_post_moderation_state" CHECK (moderation_state IN ('visible', 'held', 'hidden')), CONSTRAINT "chk_codesign_post_typed_roots" CHECK ((parent_id IS NULL) = (type IS NOT NULL)), CONSTRAINT "chk_codesign_post_type" CHECK (type IN ('problem', 'idea', 'question', 'evidence', 'update')), CONSTRAINT "pk_codesign_post" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_codesign_post_author" ON "codesign_post"  ("author_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_codesign_post_replies" ON "codesign_post"  ("parent_id", "created_at", "id") WHERE parent_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_codesign_post_timeline" ON "codesign_post"  ("thread_id", "created_at", "id") WHERE parent_id IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_codesign_post_timeline"`);
    await queryRunner.query(`DROP INDEX "public"."idx_codesign_post_replies"`);
    await queryRunner.query(`DROP INDEX "public"."idx_codesign_post_author"`);
    await queryRunner.query(`DROP TABLE "codesign_post"`);
    await queryRunner.query(`DROP TABLE "codesign_thread_link"`);
    await queryRunner.query(`DROP INDEX "public"."idx_codesign_thread_decision_timeline"`);
    await queryRunner.query(`DROP TABLE "codesign_thread_decision"`);
    await queryRunner.query(`DROP INDEX "public"."idx_codesign_thread_created"`);
    await queryRunner.query(`DROP TABLE "codesign_thread"`);
    await queryRunner.query(`DROP INDEX "public"."idx_codesign_stage_change_thread"`);
    await queryRunner.query(`DROP TABLE "codesign_stage_change"`);
    await queryRunner.query(`DROP INDEX "public"."idx_codesign_post_reaction_user"`);
    await queryRunner.query(`DROP TABLE "codesign_post_reaction"`);
  }
}
