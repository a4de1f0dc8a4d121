import type { BallotKind } from '@polity/contracts';
import type { EntityManager } from 'typeorm';
import type { BudgetBallotEntity } from '../entities/budget-ballot.entity';
import type { BallotDto } from './ballots.dto';

/** Ballots as their owner (or the officials, for paper ones) see them. */
export async function presentBallots(manager: EntityManager, kind: BallotKind, ballots: BudgetBallotEntity[]): Promise<BallotDto[]> {
  if (ballots.length === 0) return [];
  const choices: { ballot_id: string; project_id: string; points: number; rank: number | null; cost: string }[] = await manager.query(
    `SELECT c.ballot_id, c.project_id, c.points, c.rank, p.cost FROM budget_ballot_choice c
     JOIN budget_project p ON p.id = c.project_id WHERE c.ballot_id = ANY($1::uuid[]) ORDER BY c.rank NULLS LAST, c.project_id`,
    [ballots.map((b) => b.id)],
  );
  return ballots.map((ballot) => {
    const own = choices.filter((c) => c.ballot_id === ballot.id);
    return {
      budgetId: ballot.budgetId,
      district: ballot.district,
      projectIds: own.map((c) => c.project_id),
      points: kind === 'cumulative' ? Object.fromEntries(own.map((c) => [c.project_id, c.points])) : null,
      ranking: kind === 'ordinal' ? own.map((c) => c.project_id) : null,
      totalCost: own.reduce((sum, c) => sum + Number(c.cost), 0),
      paper: ballot.paper,
      reference: ballot.reference,
      updatedAt: ballot.updatedAt.toISOString(),
    };
  });
}
