import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Followers hear of a comment once moderation has cleared it; comments already there were announced. */
export class AnnounceCommentsWhenCleared1795400000900 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comment" ADD "announced_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "comment" SET "announced_at" = "created_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comment" DROP COLUMN "announced_at"`);
  }
}
