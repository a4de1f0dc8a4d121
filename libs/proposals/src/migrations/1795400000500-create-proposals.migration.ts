import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProposals1795400000500 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "body" text NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "district" text, "latitude" double precision, "longitude" double precision, "author_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'published', "withdrawn_reason" text, "answer_text" text, "answered_by_id" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "support_count" integer NOT NULL DEFAULT '0', "comment_count" integer NOT NULL DEFAULT '0', "threshold_reached_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_proposal_location" CHECK ((latitude IS NULL) = (longitude IS NULL)), CONSTRAINT "chk_proposal_status" CHECK (status IN ('published', 'evaluating', 'accepted', 'rejected', 'implemented', 'withdrawn')), CONSTRAINT "pk_proposal" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_proposal_status" ON "proposal"  ("status") `);
    await queryRunner.query(`CREATE INDEX "idx_proposal_author" ON "proposal"  ("author_id") `);
    await queryRunner.query(`CREATE INDEX "idx_proposal_comment_count" ON "proposal"  ("comment_count", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_proposal_support_count" ON "proposal"  ("support_count", "id") `);
    await queryRunner.query(`CREATE INDEX "idx_proposal_created" ON "proposal"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "proposal_support" ("proposal_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_proposal_support" PRIMARY KEY ("proposal_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_proposal_support_user" ON "proposal_support"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "proposal_support_tally" ("proposal_id" uuid NOT NULL, "shard" smallint NOT NULL, "supports" integer NOT NULL, CONSTRAINT "pk_proposal_support_tally" PRIMARY KEY ("proposal_id", "shard"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_support" ADD CONSTRAINT "fk_proposal_support_proposal_id" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_support_tally" ADD CONSTRAINT "fk_proposal_support_tally_proposal_id" FOREIGN KEY ("proposal_id") REFERENCES "proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_proposal_search" ON "proposal" USING gin ((setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(body, '')), 'B')))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_proposal_tags" ON "proposal" USING gin ("tags")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_proposal_tags"`);
    await queryRunner.query(`DROP INDEX "public"."idx_proposal_search"`);
    await queryRunner.query(`ALTER TABLE "proposal_support_tally" DROP CONSTRAINT "fk_proposal_support_tally_proposal_id"`);
    await queryRunner.query(`ALTER TABLE "proposal_support" DROP CONSTRAINT "fk_proposal_support_proposal_id"`);
    await queryRunner.query(`DROP TABLE "proposal_support_tally"`);
    await queryRunner.query(`DROP INDEX "public"."idx_proposal_support_user"`);
    await queryRunner.query(`DROP TABLE "proposal_support"`);
    await queryRunner.query(`DROP INDEX "public"."idx_proposal_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_proposal_support_count"`);
    await queryRunner.query(`DROP INDEX "public"."idx_proposal_comment_count"`);
    await queryRunner.query(`DROP INDEX "public"."idx_proposal_author"`);
    await queryRunner.query(`DROP INDEX "public"."idx_proposal_status"`);
    await queryRunner.query(`DROP TABLE "proposal"`);
  }
}
