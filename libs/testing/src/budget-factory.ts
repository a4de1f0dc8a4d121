import type { BudgetProjectView, BudgetView } from '@polity/contracts';
import type { RunningApp } from './test-app';
import type { TestUser } from './user-factory';

/** Creates a draft budget through the API; approval ballots over 1000 EUR unless overridden. */
export async function createBudget(api: RunningApp, official: TestUser, overrides: Record<string, unknown> = {}): Promise<BudgetView> {
  const response = await api.http
    .post('/api/v1/budgets')
    .set('Authorization', official.auth)
    .send({
      title: 'Green neighbourhoods 2027',
      description: 'Residents decide how to spend part of the parks budget.',
      currency: 'EUR',
      totalAmount: 1000,
      ballot: { kind: 'approval' },
      ...overrides,
    });
  if (response.status !== 201) throw new Error(`budget not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as BudgetView;
}

/** Adds a project an official found feasible. */
export async function addProject(
  api: RunningApp,
  official: TestUser,
  budgetId: string,
  overrides: Record<string, unknown> = {},
): Promise<BudgetProjectView> {
  const response = await api.http
    .post(`/api/v1/budgets/${budgetId}/projects`)
    .set('Authorization', official.auth)
    .send({ title: 'Plant trees', description: 'Forty trees along the canal.', cost: 100, feasibility: 'feasible', ...overrides });
  if (response.status !== 201) throw new Error(`project not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as BudgetProjectView;
}

export async function movePhase(api: RunningApp, official: TestUser, budgetId: string, phase: string): Promise<BudgetView> {
  const response = await api.http.post(`/api/v1/budgets/${budgetId}/phase`).set('Authorization', official.auth).send({ phase });
  if (response.status !== 200) throw new Error(`phase not changed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as BudgetView;
}

/** A budget in `voting` with feasible projects of the given costs. */
export async function votingBudget(
  api: RunningApp,
  official: TestUser,
  costs: number[],
  overrides: Record<string, unknown> = {},
): Promise<{ budget: BudgetView; projects: BudgetProjectView[] }> {
  const budget = await createBudget(api, official, overrides);
  const projects: BudgetProjectView[] = [];
  for (const [i, cost] of costs.entries()) projects.push(await addProject(api, official, budget.id, { title: `Project ${i + 1}`, cost }));
  return { budget: await movePhase(api, official, budget.id, 'voting'), projects };
}
