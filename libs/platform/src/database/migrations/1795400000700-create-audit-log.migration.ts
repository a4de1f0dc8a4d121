import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLog1795400000700 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" text NOT NULL, "target_kind" text NOT NULL, "target_id" text, "before" jsonb, "after" jsonb, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_audit_entry" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_entry_target" ON "audit_entry"  ("target_kind", "target_id") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_entry_actor" ON "audit_entry"  ("actor_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "idx_audit_entry_occurred" ON "audit_entry"  ("occurred_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entry_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entry_actor"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_entry_target"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
