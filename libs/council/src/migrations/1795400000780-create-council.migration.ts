import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCouncil1795400000780 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "council_agenda_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_council_agenda_item_status" CHECK (status IN ('pending', 'open', 'closed')), CONSTRAINT "pk_council_agenda_item" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_council_agenda_item_open" ON "council_agenda_item"  ("meeting_id") WHERE status = 'open'`,
    );
    await queryRunner.query(`CREATE INDEX "idx_council_agenda_item_meeting" ON "council_agenda_item"  ("meeting_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "council_agenda_link" ("agenda_item_id" uuid NOT NULL, "kind" text NOT NULL, "resource_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "chk_council_agenda_link_kind" CHECK (kind IN ('proposals', 'budgets', 'budget-projects', 'surveys', 'threads')), CONSTRAINT "pk_council_agenda_link" PRIMARY KEY ("agenda_item_id", "kind", "resource_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_council_agenda_link_resource" ON "council_agenda_link"  ("kind", "resource_id") `);
    await queryRunner.query(
      `CREATE TABLE "council_decision_correction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "decision_id" uuid NOT NULL, "revision" integer NOT NULL, "reason" text NOT NULL, "previous" jsonb NOT NULL, "corrected_by_id" uuid NOT NULL, "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_council_decision_correction" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_council_decision_correction_revision" ON "council_decision_correction"  ("decision_id", "revision") `,
    );
    await queryRunner.query(
      `CREATE TABLE "council_meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "body" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "place" text NOT NULL, "scheduled_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL DEFAULT 'scheduled', "stream_provider" text, "stream_url" text, "stream_embed_url" text, "recording_url" text, "minutes" text, "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "current_item_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_council_meeting_ends" CHECK (ends_at IS NULL OR ends_at > scheduled_at), CONSTRAINT "chk_council_meeting_stream" CHECK ((stream_url IS NULL) = (stream_provider IS NULL) AND (stream_url IS NULL) = (stream_embed_url IS NULL)), CONSTRAINT "chk_council_meeting_stream_provider" CHECK (stream_provider IN ('youtube', 'vimeo', 'peertube', 'hls')), CONSTRAINT "chk_council_meeting_status" CHECK (status IN ('scheduled', 'live', 'adjourned', 'ended')), CONSTRAINT "pk_council_meeting" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_council_meeting_scheduled" ON "council_meeting"  ("scheduled_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "council_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "outcome" text NOT NULL, "text" text NOT NULL, "votes_for" integer NOT NULL, "votes_against" integer NOT NULL, "votes_abstain" integer NOT NULL, "roll_call" jsonb, "proposal_status" text, "revision" integer NOT NULL DEFAULT '1', "recorded_by_id" uuid NOT NULL, "idempotency_key" text, "decided_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "corrected_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_council_decision_votes" CHECK (votes_for >= 0 AND votes_against >= 0 AND votes_abstain >= 0), CONSTRAINT "chk_council_decision_proposal_status" CHECK (proposal_status IN ('evaluating', 'accepted', 'rejected', 'implemented')), CONSTRAINT "chk_council_decision_outcome" CHECK (outcome IN ('approved', 'rejected', 'amended', 'deferred')), CONSTRAINT "pk_council_decision" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_council_decision_idempotency" ON "council_decision"  ("agenda_item_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_council_decision_meeting" ON "council_decision"  ("meeting_id") `);
    await queryRunner.query(`CREATE INDEX "idx_council_decision_item" ON "council_decision"  ("agenda_item_id", "decided_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_council_decision_item"`);
    await queryRunner.query(`DROP INDEX "public"."idx_council_decision_meeting"`);
    await queryRunner.query(`DROP INDEX "public"."uq_council_decision_idempotency"`);
    await queryRunner.query(`DROP TABLE "council_decision"`);
    await queryRunner.query(`DROP INDEX "public"."idx_council_meeting_scheduled"`);
    await queryRunner.query(`DROP TABLE "council_meeting"`);
    await queryRunner.query(`DROP INDEX "public"."uq_council_decision_correction_revision"`);
    await queryRunner.query(`DROP TABLE "council_decision_correction"`);
    await queryRunner.query(`DROP INDEX "public"."idx_council_agenda_link_resource"`);
    await queryRunner.query(`DROP TABLE "council_agenda_link"`);
    await queryRunner.query(`DROP INDEX "public"."idx_council_agenda_item_meeting"`);
    await queryRunner.query(`DROP INDEX "public"."uq_council_agenda_item_open"`);
    await queryRunner.query(`DROP TABLE "council_agenda_item"`);
  }
}
