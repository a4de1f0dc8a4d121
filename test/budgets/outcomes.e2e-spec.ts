import { randomUUID } from 'node:crypto';
import type { BudgetProjectView, BudgetView } from '@polity/contracts';
import { JobQueue } from '@polity/queue';
import {
  addProject,
  collectEvents,
  connectSocket,
  createBudget,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  movePhase,
  nextEvent,
  registerUser,
  RunningApp,
  startTestWorker,
  subscribe,
  TestUser,
} from '@polity/testing';

interface OutcomeBody {
  id: string;
  status: string;
  stale: boolean;
  published: boolean;
  rule: string;
  ballots: number;
  paperBallots: number;
  totalCost: number;
  leftover: number;
  pots: {
    district: string | null;
    winners: { title: string; selectedBy: string; votes: number }[];
    notFunded: { title: string }[];
    equalShares: { initialShare: string; share: string; rounds: Record<string, unknown>[] } | null;
  }[];
}

describe('budgets: outcomes', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let official: TestUser;
  let citizen: TestUser;

  /**
   * How many winners each group (A, B) has: the projects of a group tie on everything but their
   * ids, which are random, so which of them win is not for a test to name.
   */
  const byGroup = (projects: { title: string }[]): Record<string, number> =>
    projects.reduce<Record<string, number>>((counts, { title }) => ({ ...counts, [title[0]]: (counts[title[0]] ?? 0) + 1 }), {});

  /**
   * The 51/49 example: 100 voters, ten projects of 100 each for the majority and for the
   * minority, a budget of 1000; ballots entered as paper ballots.
   */
  const majorityAndMinority = async (): Promise<{ budget: BudgetView; projects: BudgetProjectView[] }> => {
    const budget = await createBudget(api, official);
    const projects: BudgetProjectView[] = [];
    for (const group of ['A', 'B']) {
      for (let i = 1; i <= 10; i++)
        projects.push(await addProject(api, official, budget.id, { title: `${group}${String(i).padStart(2, '0')}`, cost: 100 }));
    }
    await movePhase(api, official, budget.id, 'voting');
    const ids = (group: string) => projects.filter((p) => p.title.startsWith(group)).map((p) => p.id);
    const ballots = Array.from({ length: 100 }, (_, n) => ({ reference: `box-${n}`, projectIds: n < 51 ? ids('A') : ids('B') }));
    await api.http
      .post(`/api/v1/budgets/${budget.id}/paper-ballots/import`)
      .set('Authorization', official.auth)
      .send({ ballots })
      .expect(201);
    return { budget, projects };
  };

  const requestOutcome = (budgetId: string, body: object, expected = 201) =>
    api.http.post(`/api/v1/budgets/${budgetId}/outcome`).set('Authorization', official.auth).send(body).expect(expected);

  beforeAll(async () => {
    api = await createTestApp();
    worker = await startTestWorker();
    official = await createUserWithRoles(api, ['official']);
    citizen = await registerUser(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('computes greedy and Equal Shares, explains the rounds, and publishes one for everyone', async () => {
    const { budget } = await majorityAndMinority();
    await movePhase(api, official, budget.id, 'closed');
    await api.http.post(`/api/v1/budgets/${budget.id}/outcome`).set('Authorization', citizen.auth).send({ rule: 'greedy' }).expect(403);

    const greedy = (await requestOutcome(budget.id, { rule: 'greedy' })).body as OutcomeBody;
    expect(greedy).toMatchObject({
      status: 'computed',
      stale: false,
      published: false,
      ballots: 100,
      paperBallots: 100,
      totalCost: 1000,
      leftover: 0,
    });
    expect(byGroup(greedy.pots[0].winners)).toEqual({ A: 10 });

    const mes = (await requestOutcome(budget.id, { rule: 'equal-shares' })).body as OutcomeBody;
    expect(byGroup(mes.pots[0].winners)).toEqual({ A: 5, B: 5 });
    // All the majority's projects first (cheaper per unit of benefit: 51 pay, not 49), then the minority's.
    expect(mes.pots[0].winners.map((w) => w.title[0]).join('')).toBe('AAAAABBBBB');
    expect(mes.pots[0].equalShares).toMatchObject({ initialShare: '10.00', share: '11.00' });
    expect(mes.pots[0].equalShares?.rounds[0]).toEqual({
      round: 1,
      projectId: expect.any(String),
      title: expect.stringMatching(/^A\d\d$/),
      cost: 100,
      supporters: 51,
      maxPayment: '1.96',
      effectivePrice: '0.0196078431',
      payingFull: 51,
      payingAllTheyHad: 0,
      moneyLeft: '1000.00',
    });
    expect(byGroup(mes.pots[0].notFunded)).toEqual({ A: 5, B: 5 });
    const again = (await requestOutcome(budget.id, { rule: 'equal-shares', options: { completion: 'add1-greedy', exhaustiveStop: true } }))
      .body;
    expect(again.id).toBe(mes.id);

    await api.http.get(`/api/v1/budgets/${budget.id}/outcome`).expect(404);
    const latestGreedy = await api.http
      .get(`/api/v1/budgets/${budget.id}/outcome?rule=greedy`)
      .set('Authorization', official.auth)
      .expect(200);
    expect(latestGreedy.body.id).toBe(greedy.id);

    const socket = await connectSocket(api.url);
    try {
      await subscribe(socket, `budgets:${budget.id}`);
      const announced = nextEvent(socket, 'budget.outcome_published');
      const published = await api.http
        .post(`/api/v1/budgets/${budget.id}/outcomes/${mes.id}/publish`)
        .set('Authorization', official.auth)
        .expect(200);
      expect(published.body).toMatchObject({ id: mes.id, published: true });
      expect((await announced).data).toEqual({ budgetId: budget.id, outcomeId: mes.id, rule: 'equal-shares' });
    } finally {
      socket.close();
    }
    const seen = await api.http.get(`/api/v1/budgets/${budget.id}/outcome`).expect(200);
    expect(seen.body).toMatchObject({ id: mes.id, rule: 'equal-shares' });
    await api.http.get(`/api/v1/budgets/${budget.id}/outcome?rule=greedy`).expect(404);
    await api.http.get(`/api/v1/budgets/${budget.id}/outcomes/${greedy.id}`).expect(404);
    expect((await api.http.get(`/api/v1/budgets/${budget.id}`).expect(200)).body).toMatchObject({
      phase: 'published',
      publishedOutcomeId: mes.id,
    });
    const late = await api.http
      .put(`/api/v1/budgets/${budget.id}/paper-ballots/late-1`)
      .set('Authorization', official.auth)
      .send({ projectIds: [] })
      .expect(409);
    expect(late.body.code).toBe('not_counting');
    await api.http.post(`/api/v1/budgets/${budget.id}/outcomes/${greedy.id}/publish`).set('Authorization', official.auth).expect(409);
  });

  it('counts outcomes computed while voting, or before late paper ballots, as stale: they cannot be published', async () => {
    const budget = await createBudget(api, official);
    const project = await addProject(api, official, budget.id);
    await movePhase(api, official, budget.id, 'voting');
    await api.http
      .put(`/api/v1/budgets/${budget.id}/ballot`)
      .set('Authorization', citizen.auth)
      .send({ projectIds: [project.id] })
      .expect(200);

    const preliminary = (await requestOutcome(budget.id, { rule: 'greedy' })).body as OutcomeBody;
    expect(preliminary.stale).toBe(true);
    const early = await api.http
      .post(`/api/v1/budgets/${budget.id}/outcomes/${preliminary.id}/publish`)
      .set('Authorization', official.auth)
      .expect(409);
    expect(early.body.code).toBe('not_closed');
    await movePhase(api, official, budget.id, 'closed');
    const old = await api.http
      .post(`/api/v1/budgets/${budget.id}/outcomes/${preliminary.id}/publish`)
      .set('Authorization', official.auth)
      .expect(409);
    expect(old.body.code).toBe('outcome_stale');

    const current = (await requestOutcome(budget.id, { rule: 'greedy' })).body as OutcomeBody;
    expect(current).toMatchObject({ stale: false, ballots: 1 });
    await api.http
      .put(`/api/v1/budgets/${budget.id}/paper-ballots/late-1`)
      .set('Authorization', official.auth)
      .send({ projectIds: [project.id] })
      .expect(200);
    const overtaken = await api.http
      .post(`/api/v1/budgets/${budget.id}/outcomes/${current.id}/publish`)
      .set('Authorization', official.auth)
      .expect(409);
    expect(overtaken.body.code).toBe('outcome_stale');
    const recomputed = (await requestOutcome(budget.id, { rule: 'greedy' })).body as OutcomeBody;
    expect(recomputed).toMatchObject({ stale: false, ballots: 2, paperBallots: 1 });
    expect(recomputed.id).not.toBe(current.id);
    await api.http.post(`/api/v1/budgets/${budget.id}/outcomes/${recomputed.id}/publish`).set('Authorization', official.auth).expect(200);
  });

  it('refuses options of another rule and outcomes before voting', async () => {
    const budget = await createBudget(api, official);
    await addProject(api, official, budget.id);
    const early = await requestOutcome(budget.id, { rule: 'greedy' }, 409);
    expect(early.body.code).toBe('no_ballots_yet');
    await movePhase(api, official, budget.id, 'voting');
    const foreign = await requestOutcome(budget.id, { rule: 'greedy', options: { completion: 'add1' } }, 422);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'options.completion', rule: 'not_for_rule' })]);
    await requestOutcome(budget.id, { rule: 'equal-shares', options: { completion: 'sometimes' } }, 400);
  });

  describe('large budgets', () => {
    let queuing: RunningApp;

    beforeAll(async () => {
      queuing = await createTestApp({ BUDGET_INLINE_OUTCOME_MAX_BALLOTS: '10' });
    });
    afterAll(async () => {
      await queuing.close();
    });

    it('are computed by a worker job on its own thread, with progress pushed to the budget’s room', async () => {
      const { budget } = await majorityAndMinority();
      await movePhase(api, official, budget.id, 'closed');
      const socket = await connectSocket(api.url);
      try {
        await subscribe(socket, `budgets:${budget.id}`);
        const progress = collectEvents(socket, 'budget.outcome_progress');
        const accepted = await queuing.http
          .post(`/api/v1/budgets/${budget.id}/outcome`)
          .set('Authorization', official.auth)
          .send({ rule: 'equal-shares' })
          .expect(202);
        expect(accepted.body).toMatchObject({ status: 'computing', pots: null });
        await expectEventually(
          () => expect(progress.at(-1)?.data).toMatchObject({ outcomeId: accepted.body.id, status: 'computed' }),
          15_000,
        );
        const done = await api.http
          .get(`/api/v1/budgets/${budget.id}/outcomes/${accepted.body.id}`)
          .set('Authorization', official.auth)
          .expect(200);
        expect(byGroup((done.body as OutcomeBody).pots[0].winners)).toEqual({ A: 5, B: 5 });
        // Asking again for the same rule over the same ballots gives the same outcome, not a second job.
        const repeated = await queuing.http
          .post(`/api/v1/budgets/${budget.id}/outcome`)
          .set('Authorization', official.auth)
          .send({ rule: 'equal-shares' })
          .expect(201);
        expect(repeated.body.id).toBe(accepted.body.id);

        // The job delivered again (a retry, a crash after commit) leaves the outcome as it was.
        const queue = api.app.get(JobQueue);
        const event = {
          id: randomUUID(),
          type: 'budget.outcome_requested' as const,
          occurredAt: new Date().toISOString(),
          payload: { budgetId: budget.id, outcomeId: accepted.body.id as string },
        };
        const job = await queue.enqueue('budgets.compute-outcome', event, { jobId: `again-${event.id}` });
        await expectEventually(
          async () => expect(await queue.queue(job.queueName as never).getJobState(job.id as string)).toBe('completed'),
          10_000,
        );
        expect((await queue.queue(job.queueName as never).getJob(job.id as string))?.returnvalue).toEqual({ status: 'already done' });
        const after = await api.http
          .get(`/api/v1/budgets/${budget.id}/outcomes/${accepted.body.id}`)
          .set('Authorization', official.auth)
          .expect(200);
        expect(after.body).toEqual(done.body);
      } finally {
        socket.close();
      }
    });
  });
});
