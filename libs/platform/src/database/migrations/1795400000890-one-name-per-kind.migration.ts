import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The singular kind spellings of the first release, and the one name each kind has now. */
export const FORMER_KIND_VALUES = `(VALUES ('proposal', 'proposals'), ('comment', 'comments'), ('budget', 'budgets'),
  ('budget-project', 'budget-projects'), ('survey', 'surveys'), ('survey-answer', 'survey-answers'), ('thread', 'threads'),
  ('thread-post', 'thread-posts'), ('meeting', 'meetings')) AS spelling(former, current)`;

/** Audit entries name their targets' kinds as the routes do (`budgets`, not `budget`). */
export class OneNamePerKindInAudit1795400000890 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "audit_entry" a SET "target_kind" = spelling.current FROM ${FORMER_KIND_VALUES} WHERE a."target_kind" = spelling.former`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "audit_entry" a SET "target_kind" = spelling.former FROM ${FORMER_KIND_VALUES} WHERE a."target_kind" = spelling.current`,
    );
  }
}
