import { Injectable } from '@nestjs/common';
import { type Principal, Problems, Pseudonyms, UnitOfWork } from '@polity/platform';
import { IsNull, Not } from 'typeorm';
import { BallotContext } from '../ballots/ballot-context';
import { assertVisible, managesBudgets } from '../budgets/budget-access';
import { effectivePhase, isAtLeast } from '../budgets/budget-phases';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetOutcomeEntity } from '../entities/budget-outcome.entity';
import { BudgetProjectEntity } from '../entities/budget-project.entity';
import { writePabulib } from '../pabulib/write-pabulib';
import { formatPabulibDate, pabulibRuleName } from './pabulib-rules';

/** META keys Polity writes from its own data; other keys of an imported file are written back as they came. */
const OWN_KEYS = [
  'description',
  'num_projects',
  'num_votes',
  'budget',
  'vote_type',
  'rule',
  'currency',
  'min_length',
  'max_length',
  'max_sum_cost',
  'max_sum_points',
  'max_points',
  'date_begin',
  'date_end',
];

/**
 * Writes a pot's election as a Pabulib `.pb` file: projects with their votes and, once published,
 * the winners; every ballot with its voter pseudonymised (a keyed hash of the ballot, so one
 * person's ballots in different budgets cannot be linked) and marked paper or internet.
 * Officials may export once voting starts; anyone once the outcome is published.
 */
@Injectable()
export class PabulibExportService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  async export(
    principal: Principal | undefined,
    budgetId: string,
    district: string | undefined,
  ): Promise<{ filename: string; body: string }> {
    return this.unitOfWork.run(
      async (tx) => {
        const budget = await tx.manager.findOneBy(BudgetEntity, { id: budgetId });
        assertVisible(budget, principal);
        const phase = effectivePhase(budget);
        const allowed = managesBudgets(principal) ? isAtLeast(phase, 'voting') : phase === 'published';
        if (!allowed) throw Problems.forbidden('export_not_yet', 'The ballots are exported once the outcome is published.');
        const pot = (await BallotContext.load(tx.manager, budget)).pot(district);
        const projects = await tx.manager.find(BudgetProjectEntity, {
          where: { budgetId, feasibility: 'feasible', ...(pot.district !== null && { district: pot.district }) },
          order: { createdAt: 'ASC', id: 'ASC' },
        });
        const ballots: { id: string; paper: boolean; projects: string[]; points: number[] }[] = await tx.manager.query(
          `SELECT b.id, b.paper, array_agg(c.project_id ORDER BY c.rank NULLS LAST, c.project_id) AS projects,
                  array_agg(c.points ORDER BY c.rank NULLS LAST, c.project_id) AS points
           FROM budget_ballot b JOIN budget_ballot_choice c ON c.ballot_id = b.id
           WHERE b.budget_id = $1 AND b.district IS NOT DISTINCT FROM $2::text GROUP BY b.id`,
          [budgetId, pot.district],
        );
        // In the order of the ballots' pseudonyms: the same on every export, unrelated to when anyone voted.
        const voterIds = new Map(ballots.map((ballot) => [ballot.id, this.pseudonyms.of('budget-ballot', ballot.id)]));
        ballots.sort((a, b) => ((voterIds.get(a.id) as string) < (voterIds.get(b.id) as string) ? -1 : 1));
        const published = await tx.manager.findOneBy(BudgetOutcomeEntity, { budgetId, publishedAt: Not(IsNull()) });
        const selected = new Set(
          published?.result?.pots.find((p) => p.district === pot.district)?.winners.map((winner) => winner.projectId) ?? [],
        );
        const pabulibId = new Map(projects.map((p) => [p.id, p.externalId ?? p.id]));
        const votes = new Map<string, number>();
        const score = new Map<string, number>();
        for (const ballot of ballots) {
          ballot.projects.forEach((id, i) => {
            votes.set(id, (votes.get(id) ?? 0) + 1);
            score.set(id, (score.get(id) ?? 0) + ballot.points[i]);
          });
        }
        const limits = budget.ballotLimits;
        const cumulative = budget.ballotKind === 'cumulative';
        const meta: [string, string | number][] = [
          ['description', budget.title],
          ...Object.entries(budget.pabulibMeta ?? {}).filter(([key]) => !OWN_KEYS.includes(key)),
          ...(pot.district ? [['district', pot.district] as [string, string]] : []),
          ['num_projects', projects.length],
          ['num_votes', ballots.length],
          ['budget', pot.amount],
          ['vote_type', budget.ballotKind],
          ['rule', published ? pabulibRuleName(published.rule, published.options) : (budget.pabulibMeta?.rule ?? 'unknown')],
          ['currency', budget.currency],
        ];
        const limit = (key: string, value: number | 'budget' | null): void => {
          if (value !== null) meta.push([key, value === 'budget' ? pot.amount : value]);
        };
        limit('min_length', budget.ballotKind === 'ordinal' ? limits.minLength : limits.minProjects);
        limit('max_length', budget.ballotKind === 'ordinal' ? limits.maxLength : limits.maxProjects);
        limit('max_sum_cost', limits.maxCost);
        limit('max_sum_points', limits.maxPoints);
        limit('max_points', limits.maxPointsPerProject);
        if (budget.votingStartsAt) meta.push(['date_begin', formatPabulibDate(budget.votingStartsAt)]);
        if (budget.votingEndsAt) meta.push(['date_end', formatPabulibDate(budget.votingEndsAt)]);
        const body = writePabulib({
          meta,
          projects: {
            columns: ['project_id', 'cost', 'votes', 'score', 'name', 'category', ...(published ? ['selected'] : [])],
            rows: projects.map((p) => [
              pabulibId.get(p.id) as string,
              p.cost,
              votes.get(p.id) ?? 0,
              score.get(p.id) ?? 0,
              p.title,
              p.category ?? '',
              ...(published ? [selected.has(p.id) ? 1 : 0] : []),
            ]),
          },
          votes: {
            columns: ['voter_id', 'vote', ...(cumulative ? ['points'] : []), 'voting_method'],
            rows: ballots.map((ballot) => [
              voterIds.get(ballot.id) as string,
              ballot.projects.map((id) => pabulibId.get(id) as string).join(','),
              ...(cumulative ? [ballot.points.join(',')] : []),
              ballot.paper ? 'paper' : 'internet',
            ]),
          },
        });
        return { filename: `polity-budget-${budgetId}${pot.district ? `-${pot.district}` : ''}.pb`, body };
      },
      { isolation: 'REPEATABLE READ' },
    );
  }
}
