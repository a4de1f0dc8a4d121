import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateComments1795400000400 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "resource_id" uuid NOT NULL, "parent_id" uuid, "root_id" uuid NOT NULL, "depth" smallint NOT NULL, "author_id" uuid NOT NULL, "body" text, "alignment" text, "upvotes" integer NOT NULL DEFAULT '0', "downvotes" integer NOT NULL DEFAULT '0', "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_comment_alignment" CHECK (alignment IN ('in_favour', 'neutral', 'against')), CONSTRAINT "chk_comment_depth" CHECK (depth BETWEEN 0 AND 3), CONSTRAINT "pk_comment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_comment_author" ON "comment"  ("author_id") `);
    await queryRunner.query(`CREATE INDEX "idx_comment_root" ON "comment"  ("root_id") `);
    await queryRunner.query(`CREATE INDEX "idx_comment_resource_created" ON "comment"  ("kind", "resource_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "comment_vote" ("comment_id" uuid NOT NULL, "user_id" uuid NOT NULL, "value" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_comment_vote_value" CHECK (value IN (-1, 1)), CONSTRAINT "pk_comment_vote" PRIMARY KEY ("comment_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_comment_vote_user" ON "comment_vote"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "fk_comment_parent_id" FOREIGN KEY ("parent_id") REFERENCES "comment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "comment_vote" ADD CONSTRAINT "fk_comment_vote_comment_id" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comment_vote" DROP CONSTRAINT "fk_comment_vote_comment_id"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "fk_comment_parent_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_comment_vote_user"`);
    await queryRunner.query(`DROP TABLE "comment_vote"`);
    await queryRunner.query(`DROP INDEX "public"."idx_comment_resource_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_comment_root"`);
    await queryRunner.query(`DROP INDEX "public"."idx_comment_author"`);
    await queryRunner.query(`DROP TABLE "comment"`);
  }
}
