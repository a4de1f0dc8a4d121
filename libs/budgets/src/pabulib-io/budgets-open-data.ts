import { Injectable } from '@nestjs/common';
import { type OpenDataFile, type OpenDataPublisher, OpenDataSource, type OpenDataTable } from '@polity/platform';
import { DataSource } from 'typeorm';
import { PabulibExportService } from './pabulib-export.service';

/**
 * Budgets past their draft, their visible projects, published outcomes, and ballots once voting
 * has closed: each ballot as a pseudonym (never its voter), and each published budget also as a
 * Pabulib `.pb` file, so anyone can recompute the outcome.
 */
@OpenDataSource('budgets')
@Injectable()
export class BudgetsOpenData implements OpenDataPublisher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pabulib: PabulibExportService,
  ) {}

  tables(): OpenDataTable[] {
    return [
      {
        name: 'budgets',
        title: 'Participatory budgets',
        description: 'Budget consultations past their draft.',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Budget id' },
          { name: 'title', type: 'string', description: 'Title' },
          { name: 'description', type: 'string', description: 'Description' },
          { name: 'currency', type: 'string', description: 'ISO 4217 currency' },
          { name: 'total_amount', type: 'integer', description: 'Amount to spend, in whole currency units' },
          { name: 'phase', type: 'string', description: 'proposing, reviewing, voting, closed or published' },
          { name: 'ballot_kind', type: 'string', description: 'approval, cumulative or ordinal' },
          { name: 'ballot_limits', type: 'object', description: 'The ballot rules (JSON)' },
          { name: 'voting_starts_at', type: 'datetime', description: 'Voting opens' },
          { name: 'voting_ends_at', type: 'datetime', description: 'Voting closes' },
        ],
        sql: `SELECT id, title, description, currency, total_amount, phase, ballot_kind, ballot_limits, voting_starts_at, voting_ends_at
              FROM budget WHERE phase <> 'draft' ORDER BY created_at, id`,
      },
      {
        name: 'budget_projects',
        title: 'Budget projects',
        description: 'Projects of published budgets with their review; residents are not named.',
        primaryKey: ['id'],
        fields: [
          { name: 'id', type: 'string', description: 'Project id' },
          { name: 'budget_id', type: 'string', description: 'Budget id' },
          { name: 'title', type: 'string', description: 'Title' },
          { name: 'description', type: 'string', description: 'Description' },
          { name: 'cost', type: 'integer', description: 'Cost in whole currency units' },
          { name: 'district', type: 'string', description: 'District code, if any' },
          { name: 'category', type: 'string', description: 'Category, if any' },
          { name: 'feasibility', type: 'string', description: 'pending, feasible or unfeasible' },
          { name: 'unfeasible_reason', type: 'string', description: 'Why it was found unfeasible' },
          { name: 'suggested_by_resident', type: 'boolean', description: 'A resident suggested it' },
        ],
        sql: `SELECT pr.id, pr.budget_id, pr.title, pr.description, pr.cost, pr.district, pr.category, pr.feasibility, pr.unfeasible_reason,
                     pr.suggested_by_id IS NOT NULL AS suggested_by_resident
              FROM budget_project pr JOIN budget b ON b.id = pr.budget_id AND b.phase <> 'draft'
              WHERE pr.moderation_state = 'visible' ORDER BY pr.budget_id, pr.created_at, pr.id`,
      },
      {
        name: 'budget_outcomes',
        title: 'Budget outcomes',
        description: 'The funded projects of every published outcome, per district pot.',
        primaryKey: ['outcome_id', 'project_id'],
        fields: [
          { name: 'outcome_id', type: 'string', description: 'Outcome id' },
          { name: 'budget_id', type: 'string', description: 'Budget id' },
          { name: 'rule', type: 'string', description: 'greedy or equal-shares' },
          { name: 'options', type: 'object', description: 'The rule options (JSON)' },
          { name: 'district', type: 'string', description: "The pot's district, if districts vote apart" },
          { name: 'project_id', type: 'string', description: 'A funded project' },
          { name: 'cost', type: 'integer', description: 'Its cost' },
          { name: 'votes', type: 'integer', description: 'Ballots that chose it' },
          { name: 'points', type: 'integer', description: 'Points it received (votes for approval ballots)' },
          { name: 'selected_by', type: 'string', description: 'rule, or completion (Equal Shares filled with greedy)' },
          { name: 'published_at', type: 'datetime', description: 'When the outcome was published' },
        ],
        sql: `SELECT o.id AS outcome_id, o.budget_id, o.rule, o.options, pot->>'district' AS district, w->>'projectId' AS project_id,
                     (w->>'cost')::bigint AS cost, (w->>'votes')::int AS votes, (w->>'points')::bigint AS points,
                     w->>'selectedBy' AS selected_by, o.published_at
              FROM budget_outcome o, jsonb_array_elements(o.result->'pots') AS pot, jsonb_array_elements(pot->'winners') AS w
              WHERE o.published_at IS NOT NULL ORDER BY o.published_at, o.id, w->>'projectId'`,
      },
      {
        name: 'ballots',
        title: 'Ballots',
        description: 'Every choice of every ballot once voting has closed. A ballot appears only as a pseudonym; voters never.',
        primaryKey: ['ballot', 'project_id'],
        fields: [
          {
            name: 'ballot',
            type: 'string',
            description: 'The ballot as a pseudonym (one per ballot, not per person)',
            pseudonym: 'ballot',
          },
          { name: 'budget_id', type: 'string', description: 'Budget id' },
          { name: 'district', type: 'string', description: "The ballot's district pot, if any" },
          { name: 'project_id', type: 'string', description: 'A chosen project' },
          { name: 'points', type: 'integer', description: 'Points given (1 for an approval)' },
          { name: 'rank', type: 'integer', description: 'Position in an ordinal ballot (1 = first)' },
          { name: 'paper', type: 'boolean', description: 'Counted offline and entered by an official' },
        ],
        sql: `SELECT b.id AS ballot, b.budget_id, b.district, c.project_id, c.points, c.rank, b.paper
              FROM budget_ballot b JOIN budget_ballot_choice c ON c.ballot_id = b.id
              JOIN budget bu ON bu.id = b.budget_id AND bu.phase IN ('closed', 'published')
              ORDER BY b.budget_id, b.id, c.rank NULLS LAST, c.project_id`,
      },
    ];
  }

  /** One `.pb` per published budget without district pots (Pabulib describes one pot per file). */
  async files(): Promise<OpenDataFile[]> {
    const budgets = await this.dataSource.query<{ id: string; title: string }[]>(
      `SELECT id, title FROM budget WHERE phase = 'published' AND district_voting IS NULL ORDER BY created_at, id`,
    );
    const files: OpenDataFile[] = [];
    for (const budget of budgets) {
      const { body } = await this.pabulib.export(undefined, budget.id, undefined);
      files.push({
        name: `budget-${budget.id}.pb`,
        title: `${budget.title} (Pabulib)`,
        mediatype: 'text/plain',
        format: 'pb',
        content: body,
      });
    }
    return files;
  }
}
