import { DataSource } from 'typeorm';
import type { BudgetView } from '@polity/contracts';
import {
  addProject,
  connectSocket,
  createBudget,
  createTestApp,
  createUserWithRoles,
  movePhase,
  nextEvent,
  registerUser,
  RunningApp,
  startTestWorker,
  subscribe,
  TestUser,
} from '@polity/testing';

describe('budgets: consultations, phases and projects', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let official: TestUser;
  let citizen: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    worker = await startTestWorker({ BUDGET_PHASE_CHECK_SECONDS: '1' });
    official = await createUserWithRoles(api, ['official']);
    admin = await createUserWithRoles(api, ['admin']);
    citizen = await registerUser(api);
    for (const [code, name] of [
      ['north', 'North'],
      ['south', 'South'],
    ]) {
      await api.http.put(`/api/v1/admin/districts/${code}`).set('Authorization', admin.auth).send({ name }).expect(200);
    }
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  describe('creating a budget', () => {
    it('is for officials; citizens get 403 and anonymous callers 401', async () => {
      const body = { title: 'Budget', description: 'x', currency: 'EUR', totalAmount: 10, ballot: { kind: 'approval' } };
      await api.http.post('/api/v1/budgets').send(body).expect(401);
      await api.http.post('/api/v1/budgets').set('Authorization', citizen.auth).send(body).expect(403);
      await api.http.post('/api/v1/budgets').set('Authorization', official.auth).send(body).expect(201);
    });

    it('keeps districts, ballot rules and schedule, and starts as a draft nobody else sees', async () => {
      const budget = await createBudget(api, official, {
        totalAmount: 3000,
        districts: [
          { code: 'north', amount: 1000 },
          { code: 'south', amount: 2000 },
        ],
        districtVoting: 'one',
        ballot: { kind: 'approval', maxProjects: 3, maxCost: 'budget' },
        requireVerified: true,
      });
      expect(budget).toMatchObject({
        phase: 'draft',
        districts: [
          { code: 'north', amount: 1000 },
          { code: 'south', amount: 2000 },
        ],
        districtVoting: 'one',
        ballot: { kind: 'approval', maxProjects: 3, maxCost: 'budget', maxPoints: null },
        requireVerified: true,
        liveResults: true,
      });
      await api.http.get(`/api/v1/budgets/${budget.id}`).set('Authorization', citizen.auth).expect(404);
      await api.http.get(`/api/v1/budgets/${budget.id}`).expect(404);
      await api.http.get(`/api/v1/budgets/${budget.id}`).set('Authorization', official.auth).expect(200);
      const list = await api.http.get('/api/v1/budgets?limit=100').set('Authorization', citizen.auth).expect(200);
      expect((list.body.items as BudgetView[]).some((b) => b.id === budget.id)).toBe(false);
    });

    it.each([
      ['cumulative ballots without maxPoints', { ballot: { kind: 'cumulative' } }, 'ballot.maxPoints', 'required'],
      ['a limit of another kind', { ballot: { kind: 'approval', maxLength: 3 } }, 'ballot.maxLength', 'not_for_kind'],
      ['min above max', { ballot: { kind: 'approval', minProjects: 4, maxProjects: 2 } }, 'ballot.minProjects', 'min_above_max'],
      [
        'district amounts that do not add up',
        { districts: [{ code: 'north', amount: 10 }], districtVoting: 'one' },
        'districts',
        'amounts_sum',
      ],
      ['districts without districtVoting', { districts: [{ code: 'north', amount: 1000 }] }, 'districtVoting', 'required'],
      [
        'an unordered schedule',
        { schedule: { votingStartsAt: '2030-05-01T00:00:00Z', votingEndsAt: '2030-04-01T00:00:00Z' } },
        'schedule',
        'schedule_order',
      ],
    ])('refuses %s with 422 naming the field', async (_what, overrides, field, rule) => {
      const response = await api.http
        .post('/api/v1/budgets')
        .set('Authorization', official.auth)
        .send({ title: 'Budget', description: 'x', currency: 'EUR', totalAmount: 1000, ballot: { kind: 'approval' }, ...overrides })
        .expect(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field, rule }));
    });

    it('refuses an unknown district and a malformed currency', async () => {
      const unknown = await api.http
        .post('/api/v1/budgets')
        .set('Authorization', official.auth)
        .send({
          title: 'Budget',
          description: 'x',
          currency: 'EUR',
          totalAmount: 10,
          ballot: { kind: 'approval' },
          districts: [{ code: 'atlantis', amount: 10 }],
          districtVoting: 'one',
        })
        .expect(422);
      expect(unknown.body.code).toBe('unknown_district');
      await api.http
        .post('/api/v1/budgets')
        .set('Authorization', official.auth)
        .send({ title: 'Budget', description: 'x', currency: 'euro', totalAmount: 10, ballot: { kind: 'approval' } })
        .expect(400);
    });
  });

  describe('phases', () => {
    it('move forward only; voting needs a feasible project; ballots only while voting', async () => {
      const budget = await createBudget(api, official);
      const conflict = await api.http
        .post(`/api/v1/budgets/${budget.id}/phase`)
        .set('Authorization', official.auth)
        .send({ phase: 'voting' })
        .expect(409);
      expect(conflict.body.code).toBe('no_feasible_projects');
      const project = await addProject(api, official, budget.id);
      const ballot = { projectIds: [project.id] };
      await movePhase(api, official, budget.id, 'proposing');
      const early = await api.http.put(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', citizen.auth).send(ballot).expect(409);
      expect(early.body.code).toBe('not_voting');
      await movePhase(api, official, budget.id, 'voting');
      const back = await api.http
        .post(`/api/v1/budgets/${budget.id}/phase`)
        .set('Authorization', official.auth)
        .send({ phase: 'proposing' })
        .expect(409);
      expect(back.body.code).toBe('invalid_transition');
      await api.http.put(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', citizen.auth).send(ballot).expect(200);
      await movePhase(api, official, budget.id, 'closed');
      const late = await api.http.put(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', citizen.auth).send(ballot).expect(409);
      expect(late.body.code).toBe('not_voting');
      await api.http.post(`/api/v1/budgets/${budget.id}/phase`).set('Authorization', citizen.auth).send({ phase: 'closed' }).expect(403);
      const published = await api.http
        .post(`/api/v1/budgets/${budget.id}/phase`)
        .set('Authorization', official.auth)
        .send({ phase: 'published' })
        .expect(400);
      expect(published.body.code).toBe('validation_failed');
    });

    it('freeze the ballot and the money once voting starts, but not the title', async () => {
      const budget = await createBudget(api, official);
      await addProject(api, official, budget.id);
      await movePhase(api, official, budget.id, 'voting');
      const locked = await api.http
        .patch(`/api/v1/budgets/${budget.id}`)
        .set('Authorization', official.auth)
        .send({ totalAmount: 5000 })
        .expect(409);
      expect(locked.body.code).toBe('budget_locked');
      await api.http
        .patch(`/api/v1/budgets/${budget.id}`)
        .set('Authorization', official.auth)
        .send({ title: 'Renamed budget' })
        .expect(200);
      const added = await api.http
        .post(`/api/v1/budgets/${budget.id}/projects`)
        .set('Authorization', official.auth)
        .send({ title: 'Late project', description: 'x', cost: 10 })
        .expect(409);
      expect(added.body.code).toBe('projects_locked');
    });

    it('follow the schedule: voting closes on time, and the worker announces it in the room', async () => {
      const budget = await createBudget(api, official);
      const project = await addProject(api, official, budget.id);
      await movePhase(api, official, budget.id, 'voting');
      const votingEndsAt = new Date(Date.now() + 1500).toISOString();
      await api.http
        .patch(`/api/v1/budgets/${budget.id}`)
        .set('Authorization', official.auth)
        .send({ schedule: { votingEndsAt } })
        .expect(200);
      const socket = await connectSocket(api.url, citizen.accessToken);
      try {
        expect((await subscribe(socket, `budgets:${budget.id}`)).ok).toBe(true);
        const closed = nextEvent(socket, 'budget.phase_changed', () => true, 8000);
        await api.http
          .put(`/api/v1/budgets/${budget.id}/ballot`)
          .set('Authorization', citizen.auth)
          .send({ projectIds: [project.id] })
          .expect(200);
        expect((await closed).data).toEqual({ id: budget.id, from: 'voting', to: 'closed' });
        await api.http
          .put(`/api/v1/budgets/${budget.id}/ballot`)
          .set('Authorization', citizen.auth)
          .send({ projectIds: [project.id] })
          .expect(409);
        const changedAgain = await api.http
          .patch(`/api/v1/budgets/${budget.id}`)
          .set('Authorization', official.auth)
          .send({ schedule: { votingEndsAt: new Date(Date.now() + 60_000).toISOString() } })
          .expect(409);
        expect(changedAgain.body.code).toBe('phase_started');
      } finally {
        socket.close();
      }
    });
  });

  describe('projects', () => {
    it('residents suggest while proposing; officials review; unfeasible ones say why and stay off the ballot', async () => {
      const budget = await createBudget(api, official);
      const suggestion = { title: 'Water fountain', description: 'Near the playground', cost: 300 };
      const notYet = await api.http
        .post(`/api/v1/budgets/${budget.id}/projects`)
        .set('Authorization', citizen.auth)
        .send(suggestion)
        .expect(404);
      expect(notYet.body.code).toBe('not_found');
      await movePhase(api, official, budget.id, 'proposing');
      await api.http
        .post(`/api/v1/budgets/${budget.id}/projects`)
        .set('Authorization', citizen.auth)
        .send({ ...suggestion, feasibility: 'feasible' })
        .expect(403);
      const suggested = await api.http
        .post(`/api/v1/budgets/${budget.id}/projects`)
        .set('Authorization', citizen.auth)
        .send(suggestion)
        .expect(201);
      expect(suggested.body).toMatchObject({ feasibility: 'pending', suggestedBy: { id: citizen.id, displayName: citizen.displayName } });
      const stranger = await registerUser(api);
      await api.http
        .patch(`/api/v1/budget-projects/${suggested.body.id}`)
        .set('Authorization', stranger.auth)
        .send({ cost: 1 })
        .expect(403);
      await api.http
        .patch(`/api/v1/budget-projects/${suggested.body.id}`)
        .set('Authorization', citizen.auth)
        .send({ cost: 250 })
        .expect(200);
      await api.http
        .post(`/api/v1/budget-projects/${suggested.body.id}/review`)
        .set('Authorization', citizen.auth)
        .send({ feasibility: 'feasible' })
        .expect(403);
      await api.http
        .post(`/api/v1/budget-projects/${suggested.body.id}/review`)
        .set('Authorization', official.auth)
        .send({ feasibility: 'unfeasible' })
        .expect(400);
      const reviewed = await api.http
        .post(`/api/v1/budget-projects/${suggested.body.id}/review`)
        .set('Authorization', official.auth)
        .send({ feasibility: 'unfeasible', reason: 'The water main does not reach the park.' })
        .expect(200);
      expect(reviewed.body).toMatchObject({ feasibility: 'unfeasible', unfeasibleReason: 'The water main does not reach the park.' });
      await api.http
        .patch(`/api/v1/budget-projects/${suggested.body.id}`)
        .set('Authorization', citizen.auth)
        .send({ cost: 200 })
        .expect(403);

      const feasible = await addProject(api, official, budget.id, { cost: 200 });
      await movePhase(api, official, budget.id, 'voting');
      const refused = await api.http
        .put(`/api/v1/budgets/${budget.id}/ballot`)
        .set('Authorization', citizen.auth)
        .send({ projectIds: [feasible.id, suggested.body.id] })
        .expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'projectIds[1]', rule: 'unknown_project' })]);
      const listed = await api.http.get(`/api/v1/budgets/${budget.id}/projects?feasibility=unfeasible`).expect(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: suggested.body.id, unfeasibleReason: expect.any(String) })]);
    });

    it('belong to one of the budget’s districts and cost no more than its pot', async () => {
      const budget = await createBudget(api, official, {
        totalAmount: 300,
        districts: [
          { code: 'north', amount: 100 },
          { code: 'south', amount: 200 },
        ],
        districtVoting: 'one',
      });
      const missing = await api.http
        .post(`/api/v1/budgets/${budget.id}/projects`)
        .set('Authorization', official.auth)
        .send({ title: 'Bench', description: 'x', cost: 50 })
        .expect(422);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'district', rule: 'budget_district' })]);
      expect(missing.body.code).toBe('budget_district');
      const tooDear = await api.http
        .post(`/api/v1/budgets/${budget.id}/projects`)
        .set('Authorization', official.auth)
        .send({ title: 'Bench', description: 'x', cost: 101, district: 'north' })
        .expect(422);
      expect(tooDear.body.code).toBe('cost_above_budget');
      await addProject(api, official, budget.id, { cost: 100, district: 'north' });
    });

    it('take comments, heard in the budget’s room; a draft’s projects take none from residents', async () => {
      const draft = await createBudget(api, official);
      const hidden = await addProject(api, official, draft.id);
      await api.http
        .post(`/api/v1/budget-projects/${hidden.id}/comments`)
        .set('Authorization', citizen.auth)
        .send({ body: 'Hello' })
        .expect(404);
      await movePhase(api, official, draft.id, 'proposing');
      const socket = await connectSocket(api.url);
      try {
        await subscribe(socket, `budgets:${draft.id}`);
        const heard = nextEvent(socket, 'comment.created');
        await api.http
          .post(`/api/v1/budget-projects/${hidden.id}/comments`)
          .set('Authorization', citizen.auth)
          .send({ body: 'Please plant oaks.' })
          .expect(201);
        expect((await heard).data).toMatchObject({ kind: 'budget-projects', resourceId: hidden.id, body: 'Please plant oaks.' });
      } finally {
        socket.close();
      }
      await api.http.put(`/api/v1/budgets/${draft.id}/follow`).set('Authorization', citizen.auth).expect(200);
    });

    it('can be made from an accepted proposal, once', async () => {
      const budget = await createBudget(api, official);
      const proposal = await api.http
        .post('/api/v1/proposals')
        .set('Authorization', citizen.auth)
        .send({ title: 'Bike racks at the station', body: 'There is nowhere to leave a bike.' })
        .expect(201);
      const fromProposal = (expected: number) =>
        api.http
          .post(`/api/v1/budgets/${budget.id}/projects/from-proposal`)
          .set('Authorization', official.auth)
          .send({ proposalId: proposal.body.id, cost: 400 })
          .expect(expected);
      expect((await fromProposal(409)).body.code).toBe('proposal_not_accepted');
      await api.http
        .post(`/api/v1/proposals/${proposal.body.id}/answer`)
        .set('Authorization', official.auth)
        .send({ status: 'accepted', answer: 'A good idea; it goes to the budget.' })
        .expect(200);
      const project = await fromProposal(201);
      expect(project.body).toMatchObject({
        title: 'Bike racks at the station',
        sourceProposalId: proposal.body.id,
        feasibility: 'pending',
        cost: 400,
      });
      expect((await fromProposal(409)).body.code).toBe('already_a_project');
    });

    it('reads the proposal’s status under its lock: an answer in flight is waited for, not read past', async () => {
      const budget = await createBudget(api, official);
      const proposal = await api.http
        .post('/api/v1/proposals')
        .set('Authorization', citizen.auth)
        .send({ title: 'A library van', body: 'Books for the villages.' })
        .expect(201);
      await api.http
        .post(`/api/v1/proposals/${proposal.body.id}/answer`)
        .set('Authorization', official.auth)
        .send({ status: 'accepted', answer: 'Yes.' })
        .expect(200);
      // An official's change of mind, mid-transaction, holding the proposal's lock as an answer does.
      const answer = api.app.get(DataSource).createQueryRunner();
      await answer.connect();
      await answer.startTransaction();
      try {
        await answer.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`proposal:${proposal.body.id}`]);
        await answer.query(`UPDATE proposal SET status = 'evaluating' WHERE id = $1`, [proposal.body.id]);
        let settled = false;
        const converting = api.http
          .post(`/api/v1/budgets/${budget.id}/projects/from-proposal`)
          .set('Authorization', official.auth)
          .send({ proposalId: proposal.body.id, cost: 400 })
          .then((response) => {
            settled = true;
            return response;
          });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(settled).toBe(false);
        await answer.commitTransaction();
        const refused = await converting;
        expect(refused.status).toBe(409);
        expect(refused.body.code).toBe('proposal_not_accepted');
      } finally {
        if (answer.isTransactionActive) await answer.rollbackTransaction();
        await answer.release();
      }
    });
  });
});
