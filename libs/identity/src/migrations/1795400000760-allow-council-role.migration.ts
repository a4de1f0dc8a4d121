import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AllowCouncilRole1795400000760 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "chk_user_account_roles"`);
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "chk_user_account_roles" CHECK (roles <@ ARRAY['citizen', 'moderator', 'official', 'council', 'admin']::text[])`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "chk_user_account_roles"`);
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "chk_user_account_roles" CHECK (roles <@ ARRAY['citizen','moderator','official','admin']::text[])`,
    );
  }
}
