import type { BudgetTallyView } from '@polity/contracts';
import { JobQueue } from '@polity/queue';
import {
  addProject,
  collectEvents,
  connectSocket,
  createBudget,
  createUserWithRoles,
  movePhase,
  createTestApp,
  expectEventually,
  registerUser,
  RunningApp,
  startTestWorker,
  subscribe,
  TestUser,
  verifiedResident as verifiedResidentOf,
  votingBudget,
} from '@polity/testing';
import { QueueName } from '@polity/contracts';
import { DataSource } from 'typeorm';

describe('budgets: ballots, paper ballots and live tallies', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let official: TestUser;
  let admin: TestUser;

  const vote = (user: TestUser, budgetId: string, ballot: object) =>
    api.http.put(`/api/v1/budgets/${budgetId}/ballot`).set('Authorization', user.auth).send(ballot);

  const tallyOf = async (budgetId: string): Promise<Map<string, { votes: number; points: number }>> => {
    const response = await api.http.get(`/api/v1/budgets/${budgetId}/tally`).set('Authorization', official.auth).expect(200);
    return new Map((response.body as BudgetTallyView).projects.map((p) => [p.projectId, { votes: p.votes, points: p.points }]));
  };

  const verifiedResident = (identifier: string, district: string): Promise<TestUser> =>
    verifiedResidentOf(api, admin, identifier, district);

  beforeAll(async () => {
    api = await createTestApp();
    worker = await startTestWorker();
    official = await createUserWithRoles(api, ['official']);
    admin = await createUserWithRoles(api, ['admin']);
    for (const code of ['north', 'south']) {
      await api.http.put(`/api/v1/admin/districts/${code}`).set('Authorization', admin.auth).send({ name: code }).expect(200);
    }
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  describe('rules, at each limit and one past it', () => {
    it('approval: k projects pass, k+1 fail; the knapsack fits the pot exactly, not one unit more', async () => {
      const { budget, projects } = await votingBudget(api, official, [100, 150, 200], {
        totalAmount: 300,
        ballot: { kind: 'approval', maxProjects: 2, maxCost: 'budget' },
      });
      const [a, b, c] = projects.map((p) => p.id);
      const citizen = await registerUser(api);
      const atCost = await vote(citizen, budget.id, { projectIds: [a, c] }).expect(200);
      expect(atCost.body).toMatchObject({ projectIds: expect.arrayContaining([a, c]), totalCost: 300, paper: false });
      const tooMany = await vote(citizen, budget.id, { projectIds: [a, b, c] }).expect(422);
      expect(tooMany.body).toMatchObject({ code: 'ballot_invalid' });
      expect((tooMany.body.errors as { rule: string }[]).map((e) => e.rule)).toEqual(['max_projects', 'max_cost']);
      const overBudget = await vote(citizen, budget.id, { projectIds: [b, c] }).expect(422);
      expect(overBudget.body.errors).toEqual([expect.objectContaining({ field: 'projectIds', rule: 'max_cost' })]);
      const mine = await api.http.get(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', citizen.auth).expect(200);
      expect(mine.body.totalCost).toBe(300);
    });

    it('cumulative: points in all and per project; ordinal: the ranking’s length, kept in order', async () => {
      const cumulative = await votingBudget(api, official, [100, 100], {
        ballot: { kind: 'cumulative', maxPoints: 10, maxPointsPerProject: 6 },
      });
      const [x, y] = cumulative.projects.map((p) => p.id);
      const citizen = await registerUser(api);
      await vote(citizen, cumulative.budget.id, { points: { [x]: 6, [y]: 4 } }).expect(200);
      const perProject = await vote(citizen, cumulative.budget.id, { points: { [x]: 7, [y]: 3 } }).expect(422);
      expect(perProject.body.errors).toEqual([expect.objectContaining({ field: `points.${x}`, rule: 'max_points_per_project' })]);
      const total = await vote(citizen, cumulative.budget.id, { points: { [x]: 6, [y]: 5 } }).expect(422);
      expect(total.body.errors).toEqual([expect.objectContaining({ rule: 'max_points' })]);
      const wrongKind = await vote(citizen, cumulative.budget.id, { projectIds: [x] }).expect(422);
      expect(wrongKind.body.errors).toEqual([expect.objectContaining({ field: 'points', rule: 'ballot_kind' })]);

      const ordinal = await votingBudget(api, official, [100, 100, 100], { ballot: { kind: 'ordinal', maxLength: 2 } });
      const [p, q, r] = ordinal.projects.map((project) => project.id);
      const ranked = await vote(citizen, ordinal.budget.id, { ranking: [q, p] }).expect(200);
      expect(ranked.body.ranking).toEqual([q, p]);
      const tooLong = await vote(citizen, ordinal.budget.id, { ranking: [q, p, r] }).expect(422);
      expect(tooLong.body.errors).toEqual([expect.objectContaining({ rule: 'max_length' })]);
      expect(await tallyOf(ordinal.budget.id)).toEqual(
        new Map([
          [q, { votes: 1, points: 2 }],
          [p, { votes: 1, points: 1 }],
        ]),
      );
    });
  });

  it('20 parallel edits by one person leave one whole, valid ballot, and tallies that match it', async () => {
    const { budget, projects } = await votingBudget(api, official, [100, 100, 100, 100], {
      totalAmount: 200,
      ballot: { kind: 'approval', maxCost: 'budget' },
    });
    const ids = projects.map((p) => p.id);
    const citizen = await registerUser(api);
    // Each ballot alone fits the budget; any two merged would overspend it.
    const ballots = Array.from({ length: 20 }, (_, i) => [ids[i % 4], ids[(i + 1) % 4]]);
    const responses = await Promise.all(ballots.map((projectIds) => vote(citizen, budget.id, { projectIds })));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const rows: { ballots: string; choices: string }[] = await api.app.get(DataSource).query(
      `SELECT (SELECT count(*) FROM budget_ballot WHERE budget_id = $1) AS ballots,
                (SELECT count(*) FROM budget_ballot_choice c JOIN budget_ballot b ON b.id = c.ballot_id WHERE b.budget_id = $1) AS choices`,
      [budget.id],
    );
    expect(rows[0]).toEqual({ ballots: '1', choices: '2' });
    const mine = await api.http.get(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', citizen.auth).expect(200);
    expect(mine.body.totalCost).toBe(200);
    expect(ballots.map((b) => [...b].sort().join())).toContain([...mine.body.projectIds].sort().join());
    const tally = await tallyOf(budget.id);
    expect([...tally.entries()].sort()).toEqual((mine.body.projectIds as string[]).map((id) => [id, { votes: 1, points: 1 }]).sort());
  });

  it('a withdrawn ballot leaves the tallies', async () => {
    const { budget, projects } = await votingBudget(api, official, [100]);
    const citizen = await registerUser(api);
    await vote(citizen, budget.id, { projectIds: [projects[0].id] }).expect(200);
    expect((await tallyOf(budget.id)).get(projects[0].id)).toEqual({ votes: 1, points: 1 });
    await api.http.delete(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', citizen.auth).expect(204);
    await api.http.get(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', citizen.auth).expect(404);
    expect((await tallyOf(budget.id)).size).toBe(0);
  });

  it('binding votes: only verified residents, each in their own district', async () => {
    const budget = await createBudget(api, official, {
      totalAmount: 2000,
      districts: [
        { code: 'north', amount: 1000 },
        { code: 'south', amount: 1000 },
      ],
      districtVoting: 'one',
      requireVerified: true,
    });
    const north = await addProject(api, official, budget.id, { district: 'north' });
    const south = await addProject(api, official, budget.id, { district: 'south' });
    await movePhase(api, official, budget.id, 'voting');
    const unverified = await registerUser(api);
    const refused = await vote(unverified, budget.id, { projectIds: [north.id], district: 'north' }).expect(403);
    expect(refused.body.code).toBe('verification_required');
    const resident = await verifiedResident('B-NORTH-1', 'north');
    const elsewhere = await vote(resident, budget.id, { projectIds: [south.id], district: 'south' }).expect(422);
    expect(elsewhere.body).toMatchObject({ code: 'wrong_district', errors: [expect.objectContaining({ field: 'district' })] });
    const foreign = await vote(resident, budget.id, { projectIds: [south.id] }).expect(422);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ rule: 'unknown_project' })]);
    const cast = await vote(resident, budget.id, { projectIds: [north.id] }).expect(200);
    expect(cast.body.district).toBe('north');
  });

  it('where residents vote in every district, they hold one ballot per district', async () => {
    const budget = await createBudget(api, official, {
      totalAmount: 2000,
      districts: [
        { code: 'north', amount: 1000 },
        { code: 'south', amount: 1000 },
      ],
      districtVoting: 'all',
    });
    const north = await addProject(api, official, budget.id, { district: 'north' });
    const south = await addProject(api, official, budget.id, { district: 'south' });
    await movePhase(api, official, budget.id, 'voting');
    const citizen = await registerUser(api);
    const missing = await vote(citizen, budget.id, { projectIds: [north.id] }).expect(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'district', rule: 'budget_district' })]);
    // A district the budget lacks is one answer wherever it is named: casting, reading a ballot.
    const elsewhere = await vote(citizen, budget.id, { projectIds: [north.id], district: 'east' }).expect(422);
    const unread = await api.http.get(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', citizen.auth).expect(422);
    for (const refused of [missing, elsewhere, unread]) expect(refused.body.code).toBe('budget_district');
    expect(elsewhere.body.errors).toEqual([
      expect.objectContaining({ field: 'district', rule: 'budget_district', message: 'one of north, south' }),
    ]);
    await vote(citizen, budget.id, { projectIds: [north.id], district: 'north' }).expect(200);
    await vote(citizen, budget.id, { projectIds: [south.id], district: 'south' }).expect(200);
    const mine = await api.http.get(`/api/v1/budgets/${budget.id}/ballot?district=south`).set('Authorization', citizen.auth).expect(200);
    expect(mine.body.projectIds).toEqual([south.id]);
    await api.http.get(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', citizen.auth).expect(422);
    expect((await tallyOf(budget.id)).size).toBe(2);
  });

  it('a ballot is in its voter’s data export; erasure unlinks it but keeps it counted', async () => {
    const { budget, projects } = await votingBudget(api, official, [100]);
    const citizen = await registerUser(api);
    await vote(citizen, budget.id, { projectIds: [projects[0].id] }).expect(200);
    const exported = await api.http.get('/api/v1/me/data').set('Authorization', citizen.auth).expect(200);
    expect(exported.body.budgets.ballots).toEqual([
      expect.objectContaining({ budgetId: budget.id, choices: [{ projectId: projects[0].id, points: 1, rank: null }] }),
    ]);
    await api.http.delete('/api/v1/me').set('Authorization', citizen.auth).send({ password: citizen.password }).expect(204);
    const [ballot]: { voter_id: string | null }[] = await api.app
      .get(DataSource)
      .query('SELECT voter_id FROM budget_ballot WHERE budget_id = $1', [budget.id]);
    expect(ballot).toEqual({ voter_id: null });
    expect((await tallyOf(budget.id)).get(projects[0].id)).toEqual({ votes: 1, points: 1 });
  });

  describe('paper ballots', () => {
    it('officials enter, correct and bulk-import them by reference; they count in the tallies', async () => {
      const { budget, projects } = await votingBudget(api, official, [100, 200], { ballot: { kind: 'approval', maxProjects: 1 } });
      const [a, b] = projects.map((p) => p.id);
      const citizen = await registerUser(api);
      await api.http
        .put(`/api/v1/budgets/${budget.id}/paper-ballots/box1-001`)
        .set('Authorization', citizen.auth)
        .send({ projectIds: [a] })
        .expect(403);
      const entered = await api.http
        .put(`/api/v1/budgets/${budget.id}/paper-ballots/box1-001`)
        .set('Authorization', official.auth)
        .send({ projectIds: [a] })
        .expect(200);
      expect(entered.body).toMatchObject({ paper: true, reference: 'box1-001', projectIds: [a] });
      await api.http
        .put(`/api/v1/budgets/${budget.id}/paper-ballots/box1-001`)
        .set('Authorization', official.auth)
        .send({ projectIds: [b] })
        .expect(200);
      expect(await tallyOf(budget.id)).toEqual(new Map([[b, { votes: 1, points: 1 }]]));

      const batch = { ballots: [1, 2, 3].map((n) => ({ reference: `box2-00${n}`, projectIds: [n === 3 ? b : a] })) };
      const imported = await api.http
        .post(`/api/v1/budgets/${budget.id}/paper-ballots/import`)
        .set('Authorization', official.auth)
        .send(batch)
        .expect(201);
      expect(imported.body).toEqual({ imported: 3 });
      // The same batch again replaces those ballots: nothing is counted twice.
      await api.http.post(`/api/v1/budgets/${budget.id}/paper-ballots/import`).set('Authorization', official.auth).send(batch).expect(201);
      expect(await tallyOf(budget.id)).toEqual(
        new Map([
          [a, { votes: 2, points: 2 }],
          [b, { votes: 2, points: 2 }],
        ]),
      );

      const bad = {
        ballots: [
          { reference: 'box3-001', projectIds: [a] },
          { reference: 'box3-002', projectIds: [a, b] },
        ],
      };
      const refused = await api.http
        .post(`/api/v1/budgets/${budget.id}/paper-ballots/import`)
        .set('Authorization', official.auth)
        .send(bad)
        .expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'ballots[1].projectIds', rule: 'max_projects' })]);
      const list = await api.http.get(`/api/v1/budgets/${budget.id}/paper-ballots?limit=2`).set('Authorization', official.auth).expect(200);
      expect((list.body.items as { reference: string }[]).map((ballot) => ballot.reference)).toEqual(['box1-001', 'box2-001']);
      const rest = await api.http
        .get(`/api/v1/budgets/${budget.id}/paper-ballots?limit=10&cursor=${list.body.nextCursor as string}`)
        .set('Authorization', official.auth)
        .expect(200);
      expect((rest.body.items as { reference: string }[]).map((ballot) => ballot.reference)).toEqual(['box2-002', 'box2-003']);

      await api.http.delete(`/api/v1/budgets/${budget.id}/paper-ballots/box2-003`).set('Authorization', official.auth).expect(204);
      expect((await tallyOf(budget.id)).get(b)).toEqual({ votes: 1, points: 1 });
      await api.http
        .put(`/api/v1/budgets/${budget.id}/paper-ballots/Ada Lovelace`)
        .set('Authorization', official.auth)
        .send({ projectIds: [a] })
        .expect(400);
    });
  });

  describe('live tallies', () => {
    it('reach a subscribed client, coalesced, ending on the true totals', async () => {
      const { budget, projects } = await votingBudget(api, official, [100, 100]);
      const [a, b] = projects.map((p) => p.id);
      const socket = await connectSocket(api.url);
      try {
        expect((await subscribe(socket, `budgets:${budget.id}`)).ok).toBe(true);
        const events = collectEvents(socket, 'budget.tally');
        const voters = await Promise.all(Array.from({ length: 24 }, () => registerUser(api)));
        await Promise.all(voters.map((voter, i) => vote(voter, budget.id, { projectIds: i % 3 === 0 ? [a, b] : [a] }).expect(200)));
        await expectEventually(() => {
          const last = events.at(-1)?.data;
          expect(last?.ballots).toBe(24);
          expect(last?.projects).toEqual([
            { projectId: a, votes: 24, points: 24 },
            { projectId: b, votes: 8, points: 8 },
          ]);
        }, 10_000);
        expect(events.length).toBeLessThan(24);
      } finally {
        socket.close();
      }
    });

    it('stay hidden where the budget shows results only at the end', async () => {
      const hidden = await votingBudget(api, official, [100], { liveResults: false });
      const citizen = await registerUser(api);
      const socket = await connectSocket(api.url, citizen.accessToken);
      try {
        expect((await subscribe(socket, `budgets:${hidden.budget.id}`)).ok).toBe(true);
        const events = collectEvents(socket, 'budget.tally');
        await vote(citizen, hidden.budget.id, { projectIds: [hidden.projects[0].id] }).expect(200);
        const refused = await api.http.get(`/api/v1/budgets/${hidden.budget.id}/tally`).set('Authorization', citizen.auth).expect(403);
        expect(refused.body.code).toBe('results_hidden');
        // Wait until the tally job for that ballot has run (outbox relayed, no tally job left to run).
        const queue = api.app.get(JobQueue).queue(QueueName.Budgets);
        await expectEventually(async () => {
          const [{ pending }]: { pending: string }[] = await api.app
            .get(DataSource)
            .query(`SELECT count(*) AS pending FROM outbox_event WHERE relayed_at IS NULL AND type = 'budget.ballots_changed'`);
          expect(pending).toBe('0');
          const tallyJobs = (await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized'])).filter(
            (job) => job.name === 'budgets.sync-tally',
          );
          expect(tallyJobs).toEqual([]);
        }, 10_000);
        expect(events).toEqual([]);
      } finally {
        socket.close();
      }
    });

    it('refuse drafts’ rooms to citizens', async () => {
      const draft = await createBudget(api, official);
      const socket = await connectSocket(api.url, (await registerUser(api)).accessToken);
      try {
        expect(await subscribe(socket, `budgets:${draft.id}`)).toMatchObject({ ok: false, error: { status: 403 } });
      } finally {
        socket.close();
      }
    });
  });
});
