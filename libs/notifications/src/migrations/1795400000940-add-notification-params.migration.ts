import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The values a notification's words are made of (a status, a count, a stage…), so the site and the
 * mail can write it in the reader's language; rows from before say it in English only (`{}`).
 */
export class AddNotificationParams1795400000940 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "params" jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "params"`);
  }
}
