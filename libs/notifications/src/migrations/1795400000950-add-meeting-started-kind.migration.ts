import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'proposal_answered', 'comment_on_followed', 'comment_reply', 'support_threshold', 'budget_outcome', 'council_decision', 'moderation_decision', 'stage_changed'`;
const AFTER = `${BEFORE}, 'meeting_started'`;

/** Followers of a council meeting hear when it starts: a kind of notification, and of email preference. */
export class AddMeetingStartedKind1795400000950 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await this.kinds(queryRunner, AFTER);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notification" WHERE kind = 'meeting_started'`);
    await queryRunner.query(`DELETE FROM "notification_preference" WHERE kind = 'meeting_started'`);
    await this.kinds(queryRunner, BEFORE);
  }

  private async kinds(queryRunner: QueryRunner, kinds: string): Promise<void> {
    for (const [table, check] of [
      ['notification', 'chk_notification_kind'],
      ['notification_preference', 'chk_notification_preference_kind'],
    ]) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${check}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${check}" CHECK (kind IN (${kinds}))`);
    }
  }
}
