import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProposalModerationState1795400000730 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal" ADD "moderation_state" text NOT NULL DEFAULT 'visible'`);
    await queryRunner.query(
      `ALTER TABLE "proposal" ADD CONSTRAINT "chk_proposal_moderation_state" CHECK (moderation_state IN ('visible', 'held', 'hidden'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal" DROP CONSTRAINT "chk_proposal_moderation_state"`);
    await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "moderation_state"`);
  }
}
