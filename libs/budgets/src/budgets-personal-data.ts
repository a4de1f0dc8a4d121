import { Injectable } from '@nestjs/common';
import { PersonalData, type PersonalDataSource, type Transaction } from '@polity/platform';
import { DataSource } from 'typeorm';

/**
 * How a person voted is theirs to see, and goes with erasure: the ballot stays counted (an
 * election's result must not change after the fact) but is unlinked from the account.
 * Projects they suggested stay, under "Deleted user".
 */
@PersonalData('budgets')
@Injectable()
export class BudgetsPersonalData implements PersonalDataSource {
  constructor(private readonly dataSource: DataSource) {}

  async exportFor(userId: string): Promise<unknown> {
    const [ballots, suggested] = await Promise.all([
      this.dataSource.query<unknown[]>(
        `SELECT b.budget_id AS "budgetId", b.district, b.updated_at AS "castAt",
                json_agg(json_build_object('projectId', c.project_id, 'points', c.points, 'rank', c.rank) ORDER BY c.rank NULLS LAST) AS choices
         FROM budget_ballot b JOIN budget_ballot_choice c ON c.ballot_id = b.id WHERE b.voter_id = $1 GROUP BY b.id ORDER BY b.updated_at`,
        [userId],
      ),
      this.dataSource.query<unknown[]>(
        `SELECT id, budget_id AS "budgetId", title, cost, feasibility, created_at AS "createdAt" FROM budget_project WHERE suggested_by_id = $1`,
        [userId],
      ),
    ]);
    return { ballots, suggestedProjects: suggested };
  }

  async eraseFor(userId: string, tx: Transaction): Promise<void> {
    await tx.manager.query('UPDATE budget_ballot SET voter_id = NULL WHERE voter_id = $1', [userId]);
  }
}
