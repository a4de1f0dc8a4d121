import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1795400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox_event" (
        "id" BIGSERIAL NOT NULL,
        "event_id" uuid NOT NULL,
        "type" text NOT NULL,
        "payload" jsonb NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "relayed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "uq_outbox_event_event_id" UNIQUE ("event_id"),
        CONSTRAINT "pk_outbox_event" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_event_pending" ON "outbox_event" ("id") WHERE relayed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox_event"`);
  }
}
