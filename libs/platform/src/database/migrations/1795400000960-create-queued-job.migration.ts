import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateQueuedJob1795400000960 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "queued_job" (
        "job_id" text NOT NULL,
        "name" text NOT NULL,
        "payload" jsonb NOT NULL,
        "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_queued_job" PRIMARY KEY ("job_id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_queued_job_queued_at" ON "queued_job" ("queued_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "queued_job"`);
  }
}
