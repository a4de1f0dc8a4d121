import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1795400000800 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "event_id" uuid NOT NULL, "kind" text NOT NULL, "resource_kind" text, "resource_id" uuid, "resource_title" text, "title" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, "pushed_at" TIMESTAMP WITH TIME ZONE, "emailed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_notification_kind" CHECK (kind IN ('proposal_answered', 'comment_on_followed', 'comment_reply', 'support_threshold', 'budget_outcome', 'council_decision', 'moderation_decision', 'stage_changed')), CONSTRAINT "pk_notification" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_notification_unmailed" ON "notification"  ("user_id", "created_at") WHERE emailed_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_notification_event_unpushed" ON "notification"  ("event_id") WHERE pushed_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "idx_notification_unread" ON "notification"  ("user_id") WHERE read_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "idx_notification_inbox" ON "notification"  ("user_id", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_user_event" ON "notification"  ("user_id", "event_id") `);
    await queryRunner.query(
      `CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "email" text NOT NULL, CONSTRAINT "chk_notification_preference_email" CHECK (email IN ('immediate', 'daily', 'weekly', 'off')), CONSTRAINT "chk_notification_preference_kind" CHECK (kind IN ('proposal_answered', 'comment_on_followed', 'comment_reply', 'support_threshold', 'budget_outcome', 'council_decision', 'moderation_decision', 'stage_changed')), CONSTRAINT "pk_notification_preference" PRIMARY KEY ("user_id", "kind"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notification_user_event"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_inbox"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_unread"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_event_unpushed"`);
    await queryRunner.query(`DROP INDEX "public"."idx_notification_unmailed"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
