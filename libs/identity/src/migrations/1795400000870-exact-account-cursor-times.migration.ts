import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The admins' account list pages by created_at; a cursor holds milliseconds, so the column does too. */
export class ExactAccountCursorTimes1795400000870 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_account" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`);
  }
}
