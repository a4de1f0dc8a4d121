import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language a person reads the site and their mail in, once they chose one (null: not chosen). */
export class AddAccountLocale1795400000930 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" ADD "locale" text`);
    await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "chk_user_account_locale" CHECK (locale IN ('en', 'fr'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "chk_user_account_locale"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "locale"`);
  }
}
