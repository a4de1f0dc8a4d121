import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOpenData1795400000810 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "open_data_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" text NOT NULL DEFAULT 'queued', "requested_by_id" uuid, "files" jsonb, "zip" jsonb, "failure" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_open_data_snapshot_status" CHECK (status IN ('queued', 'building', 'published', 'failed')), CONSTRAINT "pk_open_data_snapshot" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_open_data_snapshot_published" ON "open_data_snapshot"  ("finished_at") WHERE status = 'published'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_open_data_snapshot_published"`);
    await queryRunner.query(`DROP TABLE "open_data_snapshot"`);
  }
}
