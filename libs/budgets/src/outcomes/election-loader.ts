import type { EntityManager } from 'typeorm';
import { loadPots } from '../budgets/budget-pots';
import type { BudgetEntity } from '../entities/budget.entity';
import { BudgetProjectEntity } from '../entities/budget-project.entity';
import type { ElectionBallot } from '../rules/election';
import type { PotElection } from './outcome-computation';

export interface LoadedElections {
  pots: PotElection[];
  ballots: number;
  paperBallots: number;
}

/**
 * Reads a budget's ballots into one election per pot: the feasible projects of the pot, and each
 * ballot's choices as project indexes with their points. Run it in a REPEATABLE READ
 * transaction so the ballots and the revision stored with the outcome are one snapshot.
 */
export async function loadElections(manager: EntityManager, budget: BudgetEntity): Promise<LoadedElections> {
  const [pots, projects] = await Promise.all([
    loadPots(manager, budget),
    manager.find(BudgetProjectEntity, {
      where: { budgetId: budget.id, feasibility: 'feasible' },
      select: { id: true, cost: true, district: true, externalId: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    }),
  ]);
  const elections = pots.map((pot) => {
    const own = projects.filter((project) => project.district === pot.district);
    return {
      district: pot.district,
      index: new Map(own.map((project, i) => [project.id, i])),
      election: {
        budget: pot.amount,
        projects: own.map((p) => ({ id: p.id, cost: p.cost, ...(p.externalId !== null && { tieBreak: p.externalId }) })),
        ballots: [] as ElectionBallot[],
      },
    };
  });
  const byDistrict = new Map(elections.map((e) => [e.district, e]));
  const rows: { district: string | null; paper: boolean; projects: string[]; points: number[] }[] = await manager.query(
    `SELECT b.district, b.paper, array_agg(c.project_id ORDER BY c.rank NULLS LAST, c.project_id) AS projects,
            array_agg(c.points ORDER BY c.rank NULLS LAST, c.project_id) AS points
     FROM budget_ballot b JOIN budget_ballot_choice c ON c.ballot_id = b.id
     WHERE b.budget_id = $1 GROUP BY b.id`,
    [budget.id],
  );
  const weighted = budget.ballotKind !== 'approval';
  let paperBallots = 0;
  for (const row of rows) {
    const target = byDistrict.get(row.district);
    if (!target) continue;
    if (row.paper) paperBallots += 1;
    target.election.ballots.push({
      projects: row.projects.map((id) => target.index.get(id) as number),
      ...(weighted && { weights: row.points }),
    });
  }
  return { pots: elections.map(({ district, election }) => ({ district, election })), ballots: rows.length, paperBallots };
}
