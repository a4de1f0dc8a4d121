import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AllowPostDeletion1795400000830 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "codesign_post" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "codesign_post" ALTER COLUMN "body" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "codesign_post" ADD CONSTRAINT "chk_codesign_post_body" CHECK ((body IS NULL) = (deleted_at IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "codesign_post" DROP CONSTRAINT "chk_codesign_post_body"`);
    await queryRunner.query(`UPDATE "codesign_post" SET "body" = '' WHERE "body" IS NULL`);
    await queryRunner.query(`ALTER TABLE "codesign_post" ALTER COLUMN "body" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "codesign_post" DROP COLUMN "deleted_at"`);
  }
}
