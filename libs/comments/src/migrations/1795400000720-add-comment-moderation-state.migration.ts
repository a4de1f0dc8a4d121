import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCommentModerationState1795400000720 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comment" ADD "moderation_state" text NOT NULL DEFAULT 'visible'`);
    await queryRunner.query(
      `ALTER TABLE "comment" ADD CONSTRAINT "chk_comment_moderation_state" CHECK (moderation_state IN ('visible', 'held', 'hidden'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comment" DROP CONSTRAINT "chk_comment_moderation_state"`);
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "moderation_state"`);
  }
}
