import { AdvisoryLock, recordAudit, UnitOfWork } from '@polity/platform';
import {
  connectSocket,
  createProposal,
  createTestApp,
  createUserWithRoles,
  moderationItemOf,
  nextEvent,
  registerUser,
  RunningApp,
  subscribe,
  TestUser,
} from '@polity/testing';

interface Decision {
  id: string;
  action: string;
  statement: string;
  appealableUntil: string | null;
  final: boolean;
  appeal: { outcome: string | null } | null;
}

describe('reports, the moderators’ queue, appeals and the logs', () => {
  let api: RunningApp;
  let author: TestUser;
  let reporters: TestUser[];
  let first: TestUser;
  let second: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    // No worker: every hold in this file comes from reports, so the queue is exactly what the test made.
    api = await createTestApp();
    author = await registerUser(api);
    reporters = await Promise.all([0, 1, 2, 3].map(() => registerUser(api)));
    first = await createUserWithRoles(api, ['moderator']);
    second = await createUserWithRoles(api, ['moderator']);
    admin = await createUserWithRoles(api, ['admin']);
  });
  afterAll(async () => {
    await api.close();
  });

  const report = (user: TestUser, id: string, reason = 'spam') =>
    api.http.post('/api/v1/reports').set('Authorization', user.auth).send({ kind: 'proposals', id, reason });
  const decide = (moderator: TestUser, itemId: string, body: Record<string, unknown>) =>
    api.http.post(`/api/v1/moderation/items/${itemId}/decision`).set('Authorization', moderator.auth).send(body);
  const reportedItem = async (reports = 1): Promise<{ proposalId: string; itemId: string }> => {
    const proposal = await createProposal(api, author);
    for (const reporter of reporters.slice(0, reports)) await report(reporter, proposal.id).expect(201);
    return { proposalId: proposal.id, itemId: (await moderationItemOf(api, first, 'proposal', proposal.id)).id };
  };

  describe('reports', () => {
    it('holds an item once three distinct people report it, not three reports from one', async () => {
      const proposal = await createProposal(api, author);
      await report(reporters[0], proposal.id).expect(201);
      const again = await report(reporters[0], proposal.id, 'offensive').expect(409);
      expect(again.body).toMatchObject({ code: 'already_reported' });
      await report(reporters[1], proposal.id, 'offensive').expect(201);
      expect(await moderationItemOf(api, first, 'proposal', proposal.id)).toMatchObject({
        state: 'visible',
        open: true,
        reports: { count: 2 },
      });
      await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(200);

      await report(reporters[2], proposal.id).expect(201);
      expect(await moderationItemOf(api, first, 'proposal', proposal.id)).toMatchObject({
        state: 'held',
        origin: 'reports',
        reports: { count: 3, reasons: { spam: 2, offensive: 1 } },
      });
      await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(404);
      await report(reporters[3], proposal.id).expect(404);
    });

    it('refuses reports on one’s own content, on unknown kinds and without a valid reason', async () => {
      const proposal = await createProposal(api, author);
      await report(author, proposal.id).expect(403);
      const unknown = await api.http
        .post('/api/v1/reports')
        .set('Authorization', reporters[0].auth)
        .send({ kind: 'poem', id: proposal.id, reason: 'spam' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
      const badReason = await report(reporters[0], proposal.id, 'boring').expect(400);
      expect(badReason.headers['content-type']).toContain('application/problem+json');
      await api.http.post('/api/v1/reports').send({ kind: 'proposals', id: proposal.id, reason: 'spam' }).expect(401);
    });
  });

  describe('queue', () => {
    it('is for moderators only, live in the moderation room, filtered by reason and kind', async () => {
      await api.http.get('/api/v1/moderation/queue').set('Authorization', author.auth).expect(403);
      const citizenSocket = await connectSocket(api.url, author.accessToken);
      expect(await subscribe(citizenSocket, 'moderation')).toMatchObject({ ok: false, error: { status: 403 } });
      citizenSocket.close();

      const socket = await connectSocket(api.url, first.accessToken);
      expect(await subscribe(socket, 'moderation')).toMatchObject({ ok: true });
      const queued = nextEvent(socket, 'moderation.queued', (m) => m.data.reports.count === 1);
      const { itemId } = await reportedItem();
      expect((await queued).data).toMatchObject({ id: itemId, kind: 'proposals', state: 'visible', open: true });

      const claimed = nextEvent(socket, 'moderation.claimed', (m) => m.data.itemId === itemId);
      await api.http.post(`/api/v1/moderation/items/${itemId}/claim`).set('Authorization', second.auth).expect(200);
      expect((await claimed).data.moderator.id).toBe(second.id);
      const decided = nextEvent(socket, 'moderation.decided', (m) => m.data.itemId === itemId);
      await decide(second, itemId, { action: 'dismiss' }).expect(201);
      expect((await decided).data).toMatchObject({ action: 'dismiss', state: 'visible', final: false });
      socket.close();

      const spam = await api.http
        .get('/api/v1/moderation/queue?reason=spam&kind=proposals&limit=100')
        .set('Authorization', first.auth)
        .expect(200);
      const ids = (spam.body as { items: { id: string }[] }).items.map((item) => item.id);
      expect(ids).not.toContain(itemId);
      const offTopic = await api.http.get('/api/v1/moderation/queue?reason=off_topic').set('Authorization', first.auth).expect(200);
      expect((offTopic.body as { items: unknown[] }).items).toEqual([]);
      await api.http.get('/api/v1/moderation/queue?sort=sideways').set('Authorization', first.auth).expect(400);
    });

    it('lets one moderator claim an item; another can neither claim nor decide it meanwhile', async () => {
      const { itemId } = await reportedItem();
      await api.http.post(`/api/v1/moderation/items/${itemId}/claim`).set('Authorization', first.auth).expect(200);
      const taken = await api.http.post(`/api/v1/moderation/items/${itemId}/claim`).set('Authorization', second.auth).expect(409);
      expect(taken.body).toMatchObject({ code: 'claimed_by_other' });
      await decide(second, itemId, { action: 'hide', template: 'spam' }).expect(409);
      await api.http.delete(`/api/v1/moderation/items/${itemId}/claim`).set('Authorization', second.auth).expect(403);
      await api.http.delete(`/api/v1/moderation/items/${itemId}/claim`).set('Authorization', first.auth).expect(204);
      await decide(second, itemId, { action: 'hide', template: 'spam' }).expect(201);
    });

    it('needs a statement of reasons to hide, and tells the author what was decided and why', async () => {
      const { proposalId, itemId } = await reportedItem();
      const missing = await decide(first, itemId, { action: 'hide' }).expect(422);
      expect(missing.body).toMatchObject({ code: 'statement_required' });

      const authorSocket = await connectSocket(api.url, author.accessToken);
      await subscribe(authorSocket, `user:${author.id}`);
      const told = nextEvent(authorSocket, 'moderation.decision');
      const decision = (
        await decide(first, itemId, { action: 'hide', template: 'off-topic', statement: 'Please post this under parks.' }).expect(201)
      ).body as Decision;
      expect(decision.statement).toMatch(/does not concern the subject[\s\S]*Please post this under parks\./);
      expect((await told).data).toMatchObject({ id: decision.id, action: 'hide', reason: 'off_topic' });
      authorSocket.close();

      await api.http.get(`/api/v1/proposals/${proposalId}`).expect(404);
      const mine = await api.http.get('/api/v1/me/moderation-decisions').set('Authorization', author.auth).expect(200);
      const listed = (mine.body as { items: Decision[] }).items.find((d) => d.id === decision.id);
      expect(listed?.appealableUntil).toBeDefined();
      expect(Date.parse(listed?.appealableUntil ?? '') - Date.now()).toBeGreaterThan(13 * 86_400_000);
    });

    it('decides in bulk, each item on its own, and blocks an author from contributing', async () => {
      const items = [await reportedItem(), await reportedItem(), await reportedItem()];
      await api.http.post(`/api/v1/moderation/items/${items[2].itemId}/claim`).set('Authorization', second.auth).expect(200);
      const bulk = await api.http
        .post('/api/v1/moderation/decisions/bulk')
        .set('Authorization', first.auth)
        .send({ itemIds: items.map((i) => i.itemId), action: 'hide', template: 'spam' })
        .expect(200);
      expect(bulk.body).toEqual([
        { itemId: items[0].itemId, ok: true, decisionId: expect.any(String) },
        { itemId: items[1].itemId, ok: true, decisionId: expect.any(String) },
        { itemId: items[2].itemId, ok: false, code: 'claimed_by_other', detail: expect.any(String) },
      ]);

      const spammer = await registerUser(api);
      const spam = await createProposal(api, spammer);
      await report(reporters[0], spam.id).expect(201);
      const { id: itemId } = await moderationItemOf(api, first, 'proposal', spam.id);
      const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
      await decide(first, itemId, { action: 'block', template: 'spam', blockUntil: until }).expect(201);
      const refused = await api.http
        .post('/api/v1/proposals')
        .set('Authorization', spammer.auth)
        .send({ title: 'Again', body: 'And again' })
        .expect(403);
      expect(refused.body).toMatchObject({ code: 'author_blocked' });
      const blocks = await api.http.get('/api/v1/moderation/blocks').set('Authorization', second.auth).expect(200);
      const block = (blocks.body as { id: string; userId: string; until: string }[]).find((b) => b.userId === spammer.id);
      expect(block?.until).toBe(until);
      await api.http.delete(`/api/v1/moderation/blocks/${block?.id}`).set('Authorization', second.auth).expect(204);
      await createProposal(api, spammer);
    });

    it('never lets a moderator decide on their own contribution', async () => {
      const proposal = await createProposal(api, first);
      await report(reporters[0], proposal.id).expect(201);
      const { id } = await moderationItemOf(api, second, 'proposal', proposal.id);
      await decide(first, id, { action: 'dismiss' }).expect(403);
    });
  });

  describe('appeals', () => {
    it('allows one appeal within the window, decided finally by a different moderator', async () => {
      const { proposalId, itemId } = await reportedItem();
      const hidden = (await decide(first, itemId, { action: 'hide', template: 'spam' }).expect(201)).body as Decision;
      await api.http
        .post(`/api/v1/moderation/decisions/${hidden.id}/appeal`)
        .set('Authorization', reporters[0].auth)
        .send({ statement: 'This is not mine but I object.' })
        .expect(404);
      const appealed = await api.http
        .post(`/api/v1/moderation/decisions/${hidden.id}/appeal`)
        .set('Authorization', author.auth)
        .send({ statement: 'This is a genuine proposal about benches, not an advert.' })
        .expect(201);
      const appealId = (appealed.body as { appeal: { id: string } }).appeal.id;
      const twice = await api.http
        .post(`/api/v1/moderation/decisions/${hidden.id}/appeal`)
        .set('Authorization', author.auth)
        .send({ statement: 'Once more, with feeling.' })
        .expect(409);
      expect(twice.body).toMatchObject({ code: 'already_appealed' });

      expect(await moderationItemOf(api, second, 'proposal', proposalId)).toMatchObject({ open: true, origin: 'appeal' });
      const decideAppeal = (moderator: TestUser, outcome: string) =>
        api.http
          .post(`/api/v1/moderation/appeals/${appealId}/decision`)
          .set('Authorization', moderator.auth)
          .send({ outcome, statement: 'On a second look the proposal is about public benches.' });
      expect((await decideAppeal(first, 'upheld').expect(403)).body).toMatchObject({ code: 'same_moderator' });
      await api.http.post(`/api/v1/moderation/items/${itemId}/claim`).set('Authorization', first.auth).expect(403);
      await decide(second, itemId, { action: 'restore' }).expect(409);

      const final = (await decideAppeal(second, 'overturned').expect(201)).body as Decision;
      expect(final).toMatchObject({ action: 'overturned', final: true, appealableUntil: null });
      await api.http.get(`/api/v1/proposals/${proposalId}`).expect(200);
      await decideAppeal(second, 'upheld').expect(409);
      const again = await api.http
        .post(`/api/v1/moderation/decisions/${final.id}/appeal`)
        .set('Authorization', author.auth)
        .send({ statement: 'Appealing the appeal decision.' })
        .expect(409);
      expect(again.body).toMatchObject({ code: 'decision_final' });

      const stats = await api.http.get('/api/v1/moderation/stats').expect(200);
      expect(stats.body).toMatchObject({ appeals: expect.any(Number), appealsOverturned: expect.any(Number) });
      expect((stats.body as { appealsOverturned: number }).appealsOverturned).toBeGreaterThanOrEqual(1);
    });

    it('refuses an appeal against a decision in the author’s favour', async () => {
      const { itemId } = await reportedItem();
      const dismissed = (await decide(first, itemId, { action: 'dismiss' }).expect(201)).body as Decision;
      const refused = await api.http
        .post(`/api/v1/moderation/decisions/${dismissed.id}/appeal`)
        .set('Authorization', author.auth)
        .send({ statement: 'Nothing to appeal here really.' })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'not_appealable' });
    });
  });

  describe('transparency', () => {
    it('publishes a log and statistics that carry no person, content id or text', async () => {
      const { proposalId, itemId } = await reportedItem(3);
      await decide(first, itemId, { action: 'hide', template: 'spam', statement: 'Secret moderator note' }).expect(201);
      const log = await api.http.get('/api/v1/moderation/log?limit=100').expect(200);
      const entries = (log.body as { items: Record<string, unknown>[] }).items;
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries)
        expect(Object.keys(entry).sort()).toEqual(['action', 'contentKind', 'id', 'occurredAt', 'origin', 'reason', 'rules']);
      expect(entries.slice(0, 2).map((e) => [e.action, e.origin])).toEqual([
        ['hidden', 'reports'],
        ['held', 'reports'],
      ]);
      const text = JSON.stringify(log.body);
      for (const secret of [
        proposalId,
        itemId,
        author.id,
        author.email,
        author.displayName,
        first.id,
        'Secret moderator note',
        ...reporters.map((r) => r.id),
      ]) {
        expect(text).not.toContain(secret);
      }
      const stats = await api.http.get('/api/v1/moderation/stats').expect(200);
      expect(stats.body).toMatchObject({
        hidden: expect.any(Number),
        held: expect.any(Number),
        medianSecondsToDecision: expect.any(Number),
      });
    });

    it('writes an audit row with each privileged action, in its transaction', async () => {
      const { proposalId, itemId } = await reportedItem();
      await decide(second, itemId, { action: 'hide', template: 'spam' }).expect(201);
      await api.http.get('/api/v1/admin/audit').set('Authorization', first.auth).expect(403);
      const audit = await api.http
        .get(`/api/v1/admin/audit?action=moderation.&targetId=${proposalId}`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect((audit.body as { items: unknown[] }).items).toEqual([
        expect.objectContaining({
          actorId: second.id,
          action: 'moderation.hide',
          targetKind: 'proposals',
          before: { state: 'visible' },
          after: expect.objectContaining({ state: 'hidden', reason: 'spam' }),
        }),
      ]);

      const promoted = await registerUser(api);
      await api.http
        .put(`/api/v1/admin/users/${promoted.id}/roles`)
        .set('Authorization', admin.auth)
        .send({ roles: ['official'] })
        .expect(200);
      await api.http
        .put(`/api/v1/admin/users/${promoted.id}/roles`)
        .set('Authorization', admin.auth)
        .send({ roles: ['root'] })
        .expect(400);
      const roles = await api.http.get(`/api/v1/admin/audit?targetId=${promoted.id}`).set('Authorization', admin.auth).expect(200);
      expect((roles.body as { items: unknown[] }).items).toEqual([
        expect.objectContaining({
          actorId: admin.id,
          action: 'user.roles_set',
          before: { roles: ['citizen'] },
          after: { roles: ['citizen', 'official'] },
        }),
      ]);

      const marker = `rolled-back-${Date.now()}`;
      await expect(
        api.app.get(UnitOfWork).run(async (tx) => {
          await AdvisoryLock.exclusive(tx, marker);
          await recordAudit(tx, { actorId: admin.id, action: 'test.rolled_back', target: { kind: 'test', id: marker } });
          throw new Error('the action fails after its audit row was written');
        }),
      ).rejects.toThrow('the action fails');
      const none = await api.http.get(`/api/v1/admin/audit?targetId=${marker}`).set('Authorization', admin.auth).expect(200);
      expect((none.body as { items: unknown[] }).items).toEqual([]);
    });
  });
});
