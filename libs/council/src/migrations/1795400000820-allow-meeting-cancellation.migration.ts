import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AllowMeetingCancellation1795400000820 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "council_meeting" ADD "cancellation_reason" text`);
    await queryRunner.query(`ALTER TABLE "council_meeting" DROP CONSTRAINT "chk_council_meeting_status"`);
    await queryRunner.query(
      `ALTER TABLE "council_meeting" ADD CONSTRAINT "chk_council_meeting_status" CHECK (status IN ('scheduled', 'live', 'adjourned', 'ended', 'cancelled'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_meeting" ADD CONSTRAINT "chk_council_meeting_cancellation" CHECK ((status = 'cancelled') = (cancellation_reason IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "council_meeting" DROP CONSTRAINT "chk_council_meeting_cancellation"`);
    await queryRunner.query(`ALTER TABLE "council_meeting" DROP CONSTRAINT "chk_council_meeting_status"`);
    await queryRunner.query(
      `ALTER TABLE "council_meeting" ADD CONSTRAINT "chk_council_meeting_status" CHECK (status IN ('scheduled', 'live', 'adjourned', 'ended'))`,
    );
    await queryRunner.query(`ALTER TABLE "council_meeting" DROP COLUMN "cancellation_reason"`);
  }
}
