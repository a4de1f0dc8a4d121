import { DataSource } from 'typeorm';
import {
  collectEvents,
  connectSocket,
  createBudget,
  createProposal,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  moderationItemOf,
  movePhase,
  nextEvent,
  registerUser,
  RunningApp,
  screened,
  startTestWorker,
  subscribe,
  TestUser,
} from '@polity/testing';

interface CommentNode {
  id: string;
  body: string | null;
  author: { id: string } | null;
  moderationState: string;
  replies: CommentNode[];
}

describe('screening: held content stays with its author and the moderators', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let author: TestUser;
  let spammer: TestUser;
  let neighbour: TestUser;
  let moderator: TestUser;
  let official: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    worker = await startTestWorker();
    author = await registerUser(api);
    spammer = await registerUser(api);
    neighbour = await registerUser(api);
    moderator = await createUserWithRoles(api, ['moderator']);
    official = await createUserWithRoles(api, ['official']);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const comment = (user: TestUser, proposalId: string, body: string) =>
    api.http.post(`/api/v1/proposals/${proposalId}/comments`).set('Authorization', user.auth).send({ body });
  const thread = async (proposalId: string, reader?: TestUser): Promise<CommentNode[]> => {
    const request = api.http.get(`/api/v1/proposals/${proposalId}/comments`);
    if (reader) void request.set('Authorization', reader.auth);
    return ((await request.expect(200)).body as { items: CommentNode[] }).items;
  };

  it('holds a spam proposal after publication: gone from lists, search and its page for everyone but author and moderators', async () => {
    const listener = await connectSocket(api.url);
    await subscribe(listener, 'proposals');
    const removed = nextEvent(listener, 'proposal.removed', undefined, 10_000);
    const spam = await createProposal(api, spammer, { title: 'Cheap tickets for all', body: 'Get F.R.E.E  m0ney today, write to us' });
    await screened(api, 'proposal', spam.id);
    expect((await removed).data).toEqual({ id: spam.id });
    listener.close();

    await api.http.get(`/api/v1/proposals/${spam.id}`).expect(404);
    await api.http.get(`/api/v1/proposals/${spam.id}`).set('Authorization', neighbour.auth).expect(404);
    const own = await api.http.get(`/api/v1/proposals/${spam.id}`).set('Authorization', spammer.auth).expect(200);
    expect(own.body).toMatchObject({ moderationState: 'held' });
    await api.http.get(`/api/v1/proposals/${spam.id}`).set('Authorization', moderator.auth).expect(200);

    const search = await api.http.get('/api/v1/proposals?q=tickets&limit=100').expect(200);
    expect((search.body as { items: { id: string }[] }).items.map((p) => p.id)).not.toContain(spam.id);
    const ownSearch = await api.http.get('/api/v1/proposals?q=tickets&limit=100').set('Authorization', spammer.auth).expect(200);
    expect((ownSearch.body as { items: { id: string }[] }).items.map((p) => p.id)).toContain(spam.id);

    const anonymous = await connectSocket(api.url);
    expect(await subscribe(anonymous, `proposals:${spam.id}`)).toMatchObject({ ok: false });
    anonymous.close();
    await comment(neighbour, spam.id, 'Is this real?').expect(409);
    await api.http.put(`/api/v1/proposals/${spam.id}/support`).set('Authorization', neighbour.auth).send({}).expect(409);

    const item = await moderationItemOf(api, moderator, 'proposal', spam.id);
    expect(item).toMatchObject({ state: 'held', open: true, origin: 'screening', text: expect.stringContaining('m0ney') });
    expect((item as unknown as { screening: { hits: { rule: string }[] } }).screening.hits.map((hit) => hit.rule)).toEqual(['words']);
  });

  it('lets an ordinary contribution through, Scunthorpe included, and stores the clean verdict', async () => {
    const proposal = await createProposal(api, author, {
      title: 'Scunthorpe road repairs',
      body: 'The potholes on the road to Scunthorpe need filling.',
    });
    await screened(api, 'proposal', proposal.id);
    const view = await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(200);
    expect(view.body).toMatchObject({ moderationState: 'visible' });
    const [verdict] = await api.app
      .get(DataSource)
      .query<{ flagged: boolean; hits: unknown[] }[]>(
        `SELECT s.flagged, s.hits FROM moderation_screening s JOIN moderation_item i ON i.id = s.item_id WHERE i.content_id = $1`,
        [proposal.id],
      );
    expect(verdict).toEqual({ flagged: false, hits: [] });
  });

  it('pre-moderates a consultation: its comments reach the room only as placeholders until screened, and flagged ones stay held', async () => {
    const proposal = await createProposal(api, author);
    await api.http
      .put(`/api/v1/moderation/policies/proposals:${proposal.id}`)
      .set('Authorization', official.auth)
      .send({ mode: 'pre' })
      .expect(200);
    const watcher = await connectSocket(api.url);
    await subscribe(watcher, `proposals:${proposal.id}`);
    const created = collectEvents(watcher, 'comment.created');
    const updated = collectEvents(watcher, 'comment.updated');

    const clean = (await comment(neighbour, proposal.id, 'I would use these benches every day.').expect(201)).body as CommentNode;
    const abusive = (await comment(spammer, proposal.id, 'You are all a bunch of c.u.n.t.s').expect(201)).body as CommentNode;
    expect(clean.moderationState).toBe('held');
    // The author sees their own text at once.
    expect(abusive.body).toBe('You are all a bunch of c.u.n.t.s');

    await screened(api, 'comment', clean.id);
    await screened(api, 'comment', abusive.id);
    await expectEventually(() => expect(updated.map((m) => m.data.id)).toContain(clean.id), 5000);
    for (const message of created)
      expect(message.data).toMatchObject({ body: null, bodyHtml: null, author: null, moderationState: 'held' });
    expect(updated.find((m) => m.data.id === clean.id)?.data).toMatchObject({
      body: 'I would use these benches every day.',
      moderationState: 'visible',
    });
    expect(updated.map((m) => m.data.id)).not.toContain(abusive.id);
    expect(JSON.stringify([...created, ...updated])).not.toContain('bunch of');
    watcher.close();

    const forNeighbour = await thread(proposal.id, neighbour);
    expect(forNeighbour.find((c) => c.id === abusive.id)).toMatchObject({ body: null, author: null, moderationState: 'held' });
    expect(forNeighbour.find((c) => c.id === clean.id)).toMatchObject({ body: 'I would use these benches every day.' });
    expect((await thread(proposal.id, spammer)).find((c) => c.id === abusive.id)).toMatchObject({
      body: 'You are all a bunch of c.u.n.t.s',
    });
    expect((await thread(proposal.id, moderator)).find((c) => c.id === abusive.id)?.body).toContain('bunch of');
    await comment(neighbour, proposal.id, 'reply').send({ parentId: abusive.id }).expect(409);

    // The count is a sort key kept by a job (at most a second behind): the held comment never counts.
    await expectEventually(async () => {
      const proposalView = await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(200);
      expect(proposalView.body).toMatchObject({ commentCount: 1 });
    });
  });

  it('holds the same long text posted by one author again and again', async () => {
    const proposal = await createProposal(api, author);
    const text = 'Visit our shop on the high street for the best prices in town';
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(((await comment(spammer, proposal.id, text).expect(201)).body as { id: string }).id);
    for (const id of ids) await screened(api, 'comment', id);
    const states = (await thread(proposal.id, moderator)).map((c) => [c.id, c.moderationState]);
    expect(states).toEqual(
      expect.arrayContaining([
        [ids[0], 'visible'],
        [ids[1], 'visible'],
        [ids[2], 'held'],
      ]),
    );
  });

  it('screens residents’ budget project suggestions; a held one stays off the list, the review and the ballot', async () => {
    const budget = await createBudget(api, official);
    await movePhase(api, official, budget.id, 'proposing');
    const suggest = (user: TestUser, title: string, description: string) =>
      api.http
        .post(`/api/v1/budgets/${budget.id}/projects`)
        .set('Authorization', user.auth)
        .send({ title, description, cost: 100 })
        .expect(201);
    const fine = (await suggest(neighbour, 'Water fountain', 'Near the playground, for hot days.')).body as { id: string };
    const spam = (await suggest(spammer, 'Casino bonus', 'Claim your casino bonus and crypto giveaway here')).body as { id: string };
    await screened(api, 'budget-project', fine.id);
    await screened(api, 'budget-project', spam.id);
    const listed = await api.http.get(`/api/v1/budgets/${budget.id}/projects`).set('Authorization', official.auth).expect(200);
    expect((listed.body as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([fine.id]);
    await api.http.get(`/api/v1/budget-projects/${spam.id}`).set('Authorization', spammer.auth).expect(200);
    const review = await api.http
      .post(`/api/v1/budget-projects/${spam.id}/review`)
      .set('Authorization', official.auth)
      .send({ feasibility: 'feasible' });
    expect(review.status).toBe(409);
    expect(await moderationItemOf(api, moderator, 'budget-project', spam.id)).toMatchObject({ state: 'held', open: true });
  });

  it('refuses pre-moderation settings from citizens', async () => {
    await api.http.put('/api/v1/moderation/policies/*').set('Authorization', neighbour.auth).send({ mode: 'pre' }).expect(403);
  });
});
