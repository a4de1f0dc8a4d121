import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFollows1795400000300 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "follow" ("kind" text NOT NULL, "resource_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_follow" PRIMARY KEY ("kind", "resource_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_follow_user" ON "follow"  ("user_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_follow_user"`);
    await queryRunner.query(`DROP TABLE "follow"`);
  }
}
