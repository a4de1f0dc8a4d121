import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProjectModerationState1795400000740 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_project" ADD "moderation_state" text NOT NULL DEFAULT 'visible'`);
    await queryRunner.query(
      `ALTER TABLE "budget_project" ADD CONSTRAINT "chk_budget_project_moderation_state" CHECK (moderation_state IN ('visible', 'held', 'hidden'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_project" DROP CONSTRAINT "chk_budget_project_moderation_state"`);
    await queryRunner.query(`ALTER TABLE "budget_project" DROP COLUMN "moderation_state"`);
  }
}
