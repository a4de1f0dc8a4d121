import { DataSource } from 'typeorm';
import {
  createBudget,
  createProposal,
  createTestApp,
  createThread,
  createUserWithRoles,
  expectEventually,
  moderationItemOf,
  movePhase,
  registerUser,
  RunningApp,
  screened,
  startTestWorker,
  TestUser,
} from '@polity/testing';

const FLAGGED = 'Get F.R.E.E  m0ney today, write to us';

describe('moderation rights: nobody decides about their own contributions, holds are lifted by moderators only', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let admin: TestUser;
  let moderators: TestUser[];
  let reporters: TestUser[];
  let official: TestUser;

  beforeAll(async () => {
    api = await createTestApp({ MODERATION_REPORTS_TO_HOLD: '3' });
    worker = await startTestWorker();
    admin = await createUserWithRoles(api, ['admin']);
    official = await createUserWithRoles(api, ['official']);
    moderators = await Promise.all([0, 1, 2, 3].map(() => createUserWithRoles(api, ['moderator'])));
    reporters = await Promise.all([0, 1, 2].map(() => registerUser(api)));
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const decide = (moderator: TestUser, itemId: string, body: Record<string, unknown>) =>
    api.http.post(`/api/v1/moderation/items/${itemId}/decision`).set('Authorization', moderator.auth).send(body);
  const decideAppeal = (moderator: TestUser, appealId: string, outcome: string) =>
    api.http
      .post(`/api/v1/moderation/appeals/${appealId}/decision`)
      .set('Authorization', moderator.auth)
      .send({ outcome, statement: `The appeal is ${outcome} after a second look.` });

  /** A proposal by `author`, hidden by `decider`, appealed by the author; returns the appeal. */
  async function appealedHide(author: TestUser, decider: TestUser): Promise<{ appealId: string; itemId: string; proposalId: string }> {
    const proposal = await createProposal(api, author);
    await screened(api, 'proposal', proposal.id);
    const reporter = reporters[0];
    await api.http
      .post('/api/v1/reports')
      .set('Authorization', reporter.auth)
      .send({ kind: 'proposals', id: proposal.id, reason: 'spam' })
      .expect(201);
    const item = await moderationItemOf(api, decider, 'proposal', proposal.id);
    const hidden = (await decide(decider, item.id, { action: 'hide', template: 'spam' }).expect(201)).body as { id: string };
    const appealed = await api.http
      .post(`/api/v1/moderation/decisions/${hidden.id}/appeal`)
      .set('Authorization', author.auth)
      .send({ statement: 'This was not spam; please look again.' })
      .expect(201);
    return { appealId: (appealed.body as { appeal: { id: string } }).appeal.id, itemId: item.id, proposalId: proposal.id };
  }

  it('a moderator cannot decide, nor claim, the appeal against a decision on their own content', async () => {
    const [author, decider, third] = moderators;
    const { appealId, itemId } = await appealedHide(author, decider);
    expect((await decideAppeal(author, appealId, 'overturned').expect(403)).body.code).toBe('own_content');
    expect((await api.http.post(`/api/v1/moderation/items/${itemId}/claim`).set('Authorization', author.auth).expect(403)).body.code).toBe(
      'own_content',
    );
    // The moderator of the first decision is out too; a third one decides.
    expect((await decideAppeal(decider, appealId, 'upheld').expect(403)).body.code).toBe('same_moderator');
    await decideAppeal(third, appealId, 'upheld').expect(201);
  });

  it('decides an appeal exactly once when two moderators answer it at the same moment', async () => {
    const author = await registerUser(api);
    const [decider, , c, d] = moderators;
    const { appealId, itemId } = await appealedHide(author, decider);
    const answers = await Promise.all([decideAppeal(c, appealId, 'upheld'), decideAppeal(d, appealId, 'overturned')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const [{ decisions }] = await api.app
      .get(DataSource)
      .query<{ decisions: number }[]>('SELECT count(*)::int AS decisions FROM moderation_decision WHERE appeal_id = $1', [appealId]);
    expect(decisions).toBe(1);
    const winner = answers.find((answer) => answer.status === 201)?.body as { action: string };
    const item = await moderationItemOf(
      api,
      decider,
      'proposal',
      (await api.app.get(DataSource).query<{ content_id: string }[]>('SELECT content_id FROM moderation_item WHERE id = $1', [itemId]))[0]
        .content_id,
    );
    expect(item.state).toBe(winner.action === 'overturned' ? 'visible' : 'hidden');
  });

  it('a moderator cannot lift a block placed on themselves', async () => {
    const [blocked, blocker] = moderators;
    const block = await api.http
      .post('/api/v1/moderation/blocks')
      .set('Authorization', blocker.auth)
      .send({ userId: blocked.id, reason: 'Repeated insults in the budget discussion.' })
      .expect(201);
    const lifted = await api.http
      .delete(`/api/v1/moderation/blocks/${block.body.id as string}`)
      .set('Authorization', blocked.auth)
      .expect(403);
    expect(lifted.body.code).toBe('own_account');
    await api.http
      .delete(`/api/v1/moderation/blocks/${block.body.id as string}`)
      .set('Authorization', blocker.auth)
      .expect(204);
  });

  it('a comment held by reports stays held however its author edits it', async () => {
    const author = await registerUser(api);
    const proposal = await createProposal(api, await registerUser(api));
    const created = await api.http
      .post(`/api/v1/proposals/${proposal.id}/comments`)
      .set('Authorization', author.auth)
      .send({ body: 'An ordinary remark about the benches.' })
      .expect(201);
    const commentId = (created.body as { id: string }).id;
    await screened(api, 'comment', commentId);
    for (const reporter of reporters) {
      await api.http
        .post('/api/v1/reports')
        .set('Authorization', reporter.auth)
        .send({ kind: 'comments', id: commentId, reason: 'offensive' })
        .expect(201);
    }
    expect(await moderationItemOf(api, moderators[0], 'comment', commentId)).toMatchObject({ state: 'held' });

    const edit = (body: string) =>
      api.http.patch(`/api/v1/comments/${commentId}`).set('Authorization', author.auth).send({ body }).expect(200);
    await edit(FLAGGED);
    await screened(api, 'comment', commentId, 2);
    await edit('A perfectly harmless second version of my remark.');
    await screened(api, 'comment', commentId, 3);
    expect(await moderationItemOf(api, moderators[0], 'comment', commentId)).toMatchObject({ state: 'held', open: true });
    const thread = await api.http.get(`/api/v1/proposals/${proposal.id}/comments`).expect(200);
    expect((thread.body as { items: { id: string; body: string | null }[] }).items.find((c) => c.id === commentId)).toMatchObject({
      body: null,
    });
  });

  it('under pre-moderation an edit is held like new text until it is screened', async () => {
    const author = await registerUser(api);
    const proposal = await createProposal(api, await registerUser(api));
    await api.http
      .put(`/api/v1/moderation/policies/proposals:${proposal.id}`)
      .set('Authorization', official.auth)
      .send({ mode: 'pre' })
      .expect(200);
    const created = await api.http
      .post(`/api/v1/proposals/${proposal.id}/comments`)
      .set('Authorization', author.auth)
      .send({ body: 'First words, screened before anyone reads them.' })
      .expect(201);
    const commentId = (created.body as { id: string }).id;
    await screened(api, 'comment', commentId);
    const read = async () =>
      (
        (await api.http.get(`/api/v1/proposals/${proposal.id}/comments`).expect(200)).body as {
          items: { id: string; body: string | null; moderationState: string }[];
        }
      ).items.find((c) => c.id === commentId);
    expect(await read()).toMatchObject({ moderationState: 'visible' });

    const edited = await api.http
      .patch(`/api/v1/comments/${commentId}`)
      .set('Authorization', author.auth)
      .send({ body: 'Second words, which nobody has screened yet.' })
      .expect(200);
    expect(edited.body).toMatchObject({ moderationState: 'held', body: 'Second words, which nobody has screened yet.' });
    expect(await read()).toMatchObject({ moderationState: 'held', body: null });
    await screened(api, 'comment', commentId, 2);
    await expectEventually(async () =>
      expect(await read()).toMatchObject({ moderationState: 'visible', body: 'Second words, which nobody has screened yet.' }),
    );
  });

  it('a blocked resident cannot edit their budget project suggestion', async () => {
    const resident = await registerUser(api);
    const budget = await createBudget(api, official);
    await movePhase(api, official, budget.id, 'proposing');
    const project = await api.http
      .post(`/api/v1/budgets/${budget.id}/projects`)
      .set('Authorization', resident.auth)
      .send({ title: 'Bike racks', description: 'Near the station.', cost: 500 })
      .expect(201);
    await api.http
      .post('/api/v1/moderation/blocks')
      .set('Authorization', moderators[0].auth)
      .send({ userId: resident.id, reason: 'Spamming the consultation.' })
      .expect(201);
    const refused = await api.http
      .patch(`/api/v1/budget-projects/${project.body.id as string}`)
      .set('Authorization', resident.auth)
      .send({ description: 'Near the station, and the market.' })
      .expect(403);
    expect(refused.body.code).toBe('author_blocked');
  });

  it('a facilitator who loses the official role stops steering the thread', async () => {
    const facilitator = await createUserWithRoles(api, ['official']);
    const thread = await createThread(api, facilitator);
    await api.http.put(`/api/v1/admin/users/${facilitator.id}/roles`).set('Authorization', admin.auth).send({ roles: [] }).expect(200);
    await api.http
      .post(`/api/v1/threads/${thread.id}/stage`)
      .set('Authorization', facilitator.auth)
      .send({ stage: 'define', summary: 'Moving on after losing the role.' })
      .expect(403);
    await api.http.patch(`/api/v1/threads/${thread.id}`).set('Authorization', facilitator.auth).send({ status: 'closed' }).expect(403);
    await api.http
      .post(`/api/v1/threads/${thread.id}/posts`)
      .set('Authorization', facilitator.auth)
      .send({ type: 'update', body: 'An official update from someone no longer official.' })
      .expect(403);
  });
});
