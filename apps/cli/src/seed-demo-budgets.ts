import type { INestApplicationContext } from '@nestjs/common';
import {
  BallotsService,
  BudgetProjectsService,
  BudgetsService,
  CreateBudgetDto,
  CreateBudgetProjectDto,
  OutcomesService,
  PaperBallotsService,
} from '@polity/budgets';
import { DistrictsService } from '@polity/districts';
import type { Principal } from '@polity/platform';
import { plainToInstance } from 'class-transformer';

const DAY_MS = 24 * 3600 * 1000;

async function addProjects(
  app: INestApplicationContext,
  official: Principal,
  budgetId: string,
  projects: readonly (readonly [string, number, string?])[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [title, cost, district] of projects) {
    const description = `${title}. Costed by the parks department, ready to start within a year of the vote.`;
    const input = plainToInstance(CreateBudgetProjectDto, {
      title,
      description,
      cost,
      feasibility: 'feasible',
      ...(district && { district }),
    });
    ids.push((await app.get(BudgetProjectsService).create(official, budgetId, input)).id);
  }
  return ids;
}

/** A budget in its vote, with two districts, where the demo residents have voted in theirs. */
export async function seedVotingBudget(app: INestApplicationContext, official: Principal, voters: Principal[]): Promise<void> {
  const districts = app.get(DistrictsService);
  await districts.save(official.userId, 'north', 'North');
  await districts.save(official.userId, 'south', 'South');
  const budgets = app.get(BudgetsService);
  const budget = await budgets.create(
    official,
    plainToInstance(CreateBudgetDto, {
      title: 'Greener neighbourhoods',
      description: 'Residents decide how to spend 200,000 EUR of the parks budget: 120,000 EUR in the north and 80,000 EUR in the south.',
      currency: 'EUR',
      totalAmount: 200_000,
      districts: [
        { code: 'north', amount: 120_000 },
        { code: 'south', amount: 80_000 },
      ],
      districtVoting: 'one',
      ballot: { kind: 'approval', maxCost: 'budget' },
      schedule: { votingEndsAt: new Date(Date.now() + 21 * DAY_MS).toISOString() },
    }),
  );
  const [trees, garden] = await addProjects(app, official, budget.id, [
    ['Forty trees along the canal', 80_000, 'north'],
    ['A community garden in the north', 35_000, 'north'],
    ['Benches and shade in Market Square', 60_000, 'south'],
    ['A wildflower meadow by the school', 15_000, 'south'],
  ]);
  await budgets.changePhase(official, budget.id, 'voting');
  const ballots = app.get(BallotsService);
  for (const [index, voter] of voters.entries()) {
    await ballots.cast(voter, budget.id, {
      district: 'north',
      projectIds: index === 0 ? [trees] : [trees, garden].slice(0, 1 + (index % 2)),
    });
  }
}

/**
 * A budget whose vote is over and whose Equal Shares outcome is published: 60 paper ballots where
 * a large group wants the big projects and smaller groups the rest, so the rounds tell a story.
 */
export async function seedPublishedBudget(app: INestApplicationContext, official: Principal): Promise<void> {
  const budgets = app.get(BudgetsService);
  const budget = await budgets.create(
    official,
    plainToInstance(CreateBudgetDto, {
      title: 'Playgrounds for every neighbourhood',
      description: 'Residents chose how to spend 100,000 EUR on playgrounds. The votes are counted and the results are published.',
      currency: 'EUR',
      totalAmount: 100_000,
      ballot: { kind: 'approval' },
      liveResults: false,
    }),
  );
  const [castle, splash, swings, court, garden] = await addProjects(app, official, budget.id, [
    ['A climbing castle in the central park', 60_000],
    ['A splash pad by the river', 45_000],
    ['New swings at Elm Street', 20_000],
    ['A basketball court in the east', 25_000],
    ['A sensory garden for small children', 15_000],
  ]);
  await budgets.changePhase(official, budget.id, 'voting');
  const patterns = [
    ...Array.from({ length: 30 }, () => [castle, splash]),
    [castle],
    ...Array.from({ length: 14 }, () => [swings, garden]),
    ...Array.from({ length: 10 }, () => [court]),
    ...Array.from({ length: 6 }, () => [garden, court]),
  ];
  await app.get(PaperBallotsService).import(
    official.userId,
    budget.id,
    patterns.map((projectIds, index) => ({ reference: `box-1/${String(index + 1).padStart(4, '0')}`, projectIds })),
  );
  await budgets.changePhase(official, budget.id, 'closed');
  const outcomes = app.get(OutcomesService);
  const { outcome } = await outcomes.request(official, budget.id, { rule: 'equal-shares' });
  await outcomes.publish(official, budget.id, outcome.id);
}
