import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAccountLinks1795400000790 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_account_link_purpose" CHECK (purpose IN ('confirm_email', 'reset_password')), CONSTRAINT "pk_account_link" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_account_link_user" ON "account_link"  ("user_id", "purpose") `);
    await queryRunner.query(`ALTER TABLE "user_account" ADD "email_confirmed_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "email_confirmed_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_account_link_user"`);
    await queryRunner.query(`DROP TABLE "account_link"`);
  }
}
