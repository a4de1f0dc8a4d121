import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAuthAttempts1795400000840 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "auth_attempt" ("key" text NOT NULL, "attempts" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_auth_attempt" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_auth_attempt_window_ends" ON "auth_attempt"  ("window_ends_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_auth_attempt_window_ends"`);
    await queryRunner.query(`DROP TABLE "auth_attempt"`);
  }
}
