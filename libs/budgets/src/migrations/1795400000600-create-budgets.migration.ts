import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBudgets1795400000600 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "budget" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL, "currency" text NOT NULL, "total_amount" bigint NOT NULL, "phase" text NOT NULL DEFAULT 'draft', "proposing_starts_at" TIMESTAMP WITH TIME ZONE, "reviewing_starts_at" TIMESTAMP WITH TIME ZONE, "voting_starts_at" TIMESTAMP WITH TIME ZONE, "voting_ends_at" TIMESTAMP WITH TIME ZONE, "ballot_kind" text NOT NULL, "ballot_limits" jsonb NOT NULL, "district_voting" text, "require_verified" boolean NOT NULL DEFAULT false, "live_results" boolean NOT NULL DEFAULT true, "ballots_revision" integer NOT NULL DEFAULT '0', "pabulib_meta" jsonb, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_budget_currency" CHECK (currency ~ '^[A-Z]{3}$'), CONSTRAINT "chk_budget_total_amount" CHECK (total_amount > 0), CONSTRAINT "chk_budget_district_voting" CHECK (district_voting IS NULL OR district_voting IN ('one', 'all')), CONSTRAINT "chk_budget_ballot_kind" CHECK (ballot_kind IN ('approval', 'cumulative', 'ordinal')), CONSTRAINT "chk_budget_phase" CHECK (phase IN ('draft', 'proposing', 'reviewing', 'voting', 'closed', 'published')), CONSTRAINT "pk_budget" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_budget_phase" ON "budget"  ("phase") `);
    await queryRunner.query(`CREATE INDEX "idx_budget_created" ON "budget"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "budget_ballot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "budget_id" uuid NOT NULL, "voter_id" uuid, "paper" boolean NOT NULL DEFAULT false, "reference" text, "district" text, "slot" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_budget_ballot_paper" CHECK (NOT paper OR reference IS NOT NULL), CONSTRAINT "pk_budget_ballot" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_budget_ballot_budget" ON "budget_ballot"  ("budget_id", "district") `);
    await queryRunner.query(`CREATE INDEX "idx_budget_ballot_voter" ON "budget_ballot"  ("voter_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_budget_ballot_reference" ON "budget_ballot"  ("budget_id", "reference") WHERE reference IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_budget_ballot_voter" ON "budget_ballot"  ("budget_id", "voter_id", "slot") WHERE voter_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "budget_district" ("budget_id" uuid NOT NULL, "district" text NOT NULL, "amount" bigint NOT NULL, CONSTRAINT "chk_budget_district_amount" CHECK (amount > 0), CONSTRAINT "pk_budget_district" PRIMARY KEY ("budget_id", "district"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "budget_project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "budget_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "cost" bigint NOT NULL, "district" text, "category" text, "feasibility" text NOT NULL DEFAULT 'pending', "unfeasible_reason" text, "reviewed_by_id" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "suggested_by_id" uuid, "source_proposal_id" uuid, "external_id" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_budget_project_reason" CHECK (feasibility <> 'unfeasible' OR unfeasible_reason IS NOT NULL), CONSTRAINT "chk_budget_project_feasibility" CHECK (feasibility IN ('pending', 'feasible', 'unfeasible')), CONSTRAINT "chk_budget_project_cost" CHECK (cost > 0), CONSTRAINT "pk_budget_project" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_budget_project_proposal" ON "budget_project"  ("budget_id", "source_proposal_id") WHERE source_proposal_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_budget_project_external" ON "budget_project"  ("budget_id", "external_id") WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_budget_project_budget" ON "budget_project"  ("budget_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "budget_tally" ("project_id" uuid NOT NULL, "shard" smallint NOT NULL, "budget_id" uuid NOT NULL, "votes" integer NOT NULL, "points" bigint NOT NULL, CONSTRAINT "pk_budget_tally" PRIMARY KEY ("project_id", "shard"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_budget_tally_budget" ON "budget_tally"  ("budget_id") `);
    await queryRunner.query(
      `CREATE TABLE "budget_ballot_choice" ("ballot_id" uuid NOT NULL, "project_id" uuid NOT NULL, "points" integer NOT NULL, "rank" smallint, CONSTRAINT "chk_budget_ballot_choice_points" CHECK (points > 0), CONSTRAINT "pk_budget_ballot_choice" PRIMARY KEY ("ballot_id", "project_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_budget_ballot_choice_project" ON "budget_ballot_choice"  ("project_id") `);
    await queryRunner.query(
      `CREATE TABLE "budget_outcome" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "budget_id" uuid NOT NULL, "rule" text NOT NULL, "options" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'computing', "result" jsonb, "failure" text, "ballots_revision" integer NOT NULL, "phase_at_request" text NOT NULL, "requested_by_id" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "computed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "published_by_id" uuid, CONSTRAINT "chk_budget_outcome_status" CHECK (status IN ('computing', 'computed', 'failed')), CONSTRAINT "chk_budget_outcome_rule" CHECK (rule IN ('greedy', 'equal-shares')), CONSTRAINT "pk_budget_outcome" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_budget_outcome_published" ON "budget_outcome"  ("budget_id") WHERE published_at IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "idx_budget_outcome_budget" ON "budget_outcome"  ("budget_id", "requested_at") `);
    await queryRunner.query(
      `ALTER TABLE "budget_ballot" ADD CONSTRAINT "fk_budget_ballot_budget_id" FOREIGN KEY ("budget_id") REFERENCES "budget"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_district" ADD CONSTRAINT "fk_budget_district_budget_id" FOREIGN KEY ("budget_id") REFERENCES "budget"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_project" ADD CONSTRAINT "fk_budget_project_budget_id" FOREIGN KEY ("budget_id") REFERENCES "budget"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_tally" ADD CONSTRAINT "fk_budget_tally_project_id" FOREIGN KEY ("project_id") REFERENCES "budget_project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_ballot_choice" ADD CONSTRAINT "fk_budget_ballot_choice_ballot_id" FOREIGN KEY ("ballot_id") REFERENCES "budget_ballot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_ballot_choice" ADD CONSTRAINT "fk_budget_ballot_choice_project_id" FOREIGN KEY ("project_id") REFERENCES "budget_project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "budget_outcome" ADD CONSTRAINT "fk_budget_outcome_budget_id" FOREIGN KEY ("budget_id") REFERENCES "budget"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "budget_outcome" DROP CONSTRAINT "fk_budget_outcome_budget_id"`);
    await queryRunner.query(`ALTER TABLE "budget_ballot_choice" DROP CONSTRAINT "fk_budget_ballot_choice_project_id"`);
    await queryRunner.query(`ALTER TABLE "budget_ballot_choice" DROP CONSTRAINT "fk_budget_ballot_choice_ballot_id"`);
    await queryRunner.query(`ALTER TABLE "budget_tally" DROP CONSTRAINT "fk_budget_tally_project_id"`);
    await queryRunner.query(`ALTER TABLE "budget_project" DROP CONSTRAINT "fk_budget_project_budget_id"`);
    await queryRunner.query(`ALTER TABLE "budget_district" DROP CONSTRAINT "fk_budget_district_budget_id"`);
    await queryRunner.query(`ALTER TABLE "budget_ballot" DROP CONSTRAINT "fk_budget_ballot_budget_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_outcome_budget"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_outcome_published"`);
    await queryRunner.query(`DROP TABLE "budget_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_ballot_choice_project"`);
    await queryRunner.query(`DROP TABLE "budget_ballot_choice"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_tally_budget"`);
    await queryRunner.query(`DROP TABLE "budget_tally"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_project_budget"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_project_external"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_project_proposal"`);
    await queryRunner.query(`DROP TABLE "budget_project"`);
    await queryRunner.query(`DROP TABLE "budget_district"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_ballot_voter"`);
    await queryRunner.query(`DROP INDEX "public"."uq_budget_ballot_reference"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_ballot_voter"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_ballot_budget"`);
    await queryRunner.query(`DROP TABLE "budget_ballot"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_created"`);
    await queryRunner.query(`DROP INDEX "public"."idx_budget_phase"`);
    await queryRunner.query(`DROP TABLE "budget"`);
  }
}
