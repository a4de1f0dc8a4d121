import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether anyone ever commented on a proposal (deleted and held comments too): the edit rule reads it. */
export class AddProposalCommented1795400000920 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal" ADD "commented" boolean NOT NULL DEFAULT false`);
    // Proposals discussed before this column existed.
    await queryRunner.query(
      `UPDATE "proposal" p SET commented = true WHERE EXISTS (SELECT 1 FROM "comment" c WHERE c.kind = 'proposals' AND c.resource_id = p.id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "proposal" DROP COLUMN "commented"`);
  }
}
