import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1795400000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "user_account" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text,
        "display_name" text NOT NULL,
        "password_hash" text,
        "roles" text array NOT NULL DEFAULT '{citizen}',
        "verified_at" TIMESTAMP WITH TIME ZONE,
        "resident_district" text,
        "erased_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_user_account_email" UNIQUE ("email"),
        CONSTRAINT "chk_user_account_roles" CHECK (roles <@ ARRAY['citizen','moderator','official','admin']::text[]),
        CONSTRAINT "pk_user_account" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "auth_session" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "user_agent" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_reason" text,
        CONSTRAINT "pk_auth_session" PRIMARY KEY ("id"),
        CONSTRAINT "fk_auth_session_user_id" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "idx_auth_session_user_id" ON "auth_session" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "refresh_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "session_id" uuid NOT NULL,
        "token_hash" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "rotated_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "uq_refresh_token_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "pk_refresh_token" PRIMARY KEY ("id"),
        CONSTRAINT "fk_refresh_token_session_id" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "idx_refresh_token_session_id" ON "refresh_token" ("session_id")`);
    await queryRunner.query(`
      CREATE TABLE "census_upload" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "uploaded_by_user_id" uuid NOT NULL,
        "mode" text NOT NULL,
        "secondary" text NOT NULL,
        "rows" integer NOT NULL,
        "added" integer NOT NULL,
        "removed" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "chk_census_upload_secondary" CHECK (secondary IN ('birth_date', 'postcode')),
        CONSTRAINT "chk_census_upload_mode" CHECK (mode IN ('merge', 'replace')),
        CONSTRAINT "pk_census_upload" PRIMARY KEY ("id"),
        CONSTRAINT "fk_census_upload_uploaded_by_user_id" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`
      CREATE TABLE "census_entry" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "lookup_hash" bytea NOT NULL,
        "district" text,
        "last_upload_id" uuid NOT NULL,
        "claimed_by_user_id" uuid,
        "claimed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "uq_census_entry_lookup_hash" UNIQUE ("lookup_hash"),
        CONSTRAINT "uq_census_entry_claimed_by_user_id" UNIQUE ("claimed_by_user_id"),
        CONSTRAINT "pk_census_entry" PRIMARY KEY ("id"),
        CONSTRAINT "fk_census_entry_last_upload_id" FOREIGN KEY ("last_upload_id") REFERENCES "census_upload"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_census_entry_claimed_by_user_id" FOREIGN KEY ("claimed_by_user_id") REFERENCES "user_account"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "idx_census_entry_last_upload_id" ON "census_entry" ("last_upload_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "census_entry"`);
    await queryRunner.query(`DROP TABLE "census_upload"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
  }
}
