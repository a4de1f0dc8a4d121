import { randomUUID } from 'node:crypto';
import {
  collectEvents,
  connectSocket,
  createTestApp,
  expectEventually,
  nextEvent,
  registerUser,
  RunningApp,
  startTestWorker,
  subscribe,
  TestUser,
} from '@polity/testing';
import { UsersService } from '@polity/identity';

interface Thread {
  id: string;
  body: string | null;
  bodyHtml: string | null;
  deleted: boolean;
  depth: number;
  upvotes: number;
  downvotes: number;
  myVote: number | null;
  author: { id: string } | null;
  replies: Thread[];
}

describe('comments, search and live updates on proposals', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let author: TestUser;
  let neighbour: TestUser;

  const propose = async (title: string, body = 'A short description.', extra: Record<string, unknown> = {}): Promise<{ id: string }> =>
    (
      await api.http
        .post('/api/v1/proposals')
        .set('Authorization', author.auth)
        .send({ title, body, ...extra })
        .expect(201)
    ).body as { id: string };
  const comment = (user: TestUser, proposalId: string, body: Record<string, unknown>) =>
    api.http.post(`/api/v1/proposals/${proposalId}/comments`).set('Authorization', user.auth).send(body);

  beforeAll(async () => {
    api = await createTestApp();
    worker = await startTestWorker();
    author = await registerUser(api);
    neighbour = await registerUser(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  describe('comments', () => {
    it('threads replies up to four levels and refuses a fifth', async () => {
      const proposal = await propose('Threaded');
      let parentId: string | undefined;
      for (let depth = 0; depth < 4; depth++) {
        const created = await comment(neighbour, proposal.id, { body: `level ${depth}`, parentId, alignment: 'in_favour' }).expect(201);
        expect(created.body).toMatchObject({ depth, alignment: 'in_favour', author: { id: neighbour.id } });
        parentId = created.body.id as string;
      }
      const tooDeep = await comment(author, proposal.id, { body: 'level 4', parentId }).expect(422);
      expect(tooDeep.body.code).toBe('thread_too_deep');
      const bad = await comment(author, proposal.id, { body: 'x', alignment: 'maybe' }).expect(400);
      expect(bad.body.errors[0].field).toBe('alignment');

      const listed = await api.http.get(`/api/v1/proposals/${proposal.id}/comments`).expect(200);
      const root = listed.body.items[0] as Thread;
      expect(root.replies[0].replies[0].replies[0]).toMatchObject({ depth: 3, body: 'level 3' });
    });

    it('counts one vote per person, and changing or removing it adjusts the counts', async () => {
      const proposal = await propose('Votes');
      const created = await comment(author, proposal.id, { body: 'Vote on me' }).expect(201);
      const id = created.body.id as string;
      await api.http.put(`/api/v1/comments/${id}/vote`).set('Authorization', author.auth).send({ value: 1 }).expect(403);
      await Promise.all(
        Array.from({ length: 10 }, () =>
          api.http.put(`/api/v1/comments/${id}/vote`).set('Authorization', neighbour.auth).send({ value: 1 }),
        ),
      );
      let view = await api.http.put(`/api/v1/comments/${id}/vote`).set('Authorization', neighbour.auth).send({ value: 1 }).expect(200);
      expect(view.body).toMatchObject({ upvotes: 1, downvotes: 0 });
      view = await api.http.put(`/api/v1/comments/${id}/vote`).set('Authorization', neighbour.auth).send({ value: -1 }).expect(200);
      expect(view.body).toMatchObject({ upvotes: 0, downvotes: 1 });
      const mine = await api.http.get(`/api/v1/proposals/${proposal.id}/comments`).set('Authorization', neighbour.auth).expect(200);
      expect(mine.body.items[0].myVote).toBe(-1);
      view = await api.http.delete(`/api/v1/comments/${id}/vote`).set('Authorization', neighbour.auth).expect(200);
      expect(view.body).toMatchObject({ upvotes: 0, downvotes: 0 });
    });

    it('sorts by best, newest and oldest, and pages without gaps or repeats', async () => {
      const proposal = await propose('Many comments');
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await comment(author, proposal.id, { body: `comment ${i}` }).expect(201)).body.id as string);
      await api.http.put(`/api/v1/comments/${ids[5]}/vote`).set('Authorization', neighbour.auth).send({ value: 1 }).expect(200);
      await api.http.put(`/api/v1/comments/${ids[1]}/vote`).set('Authorization', neighbour.auth).send({ value: -1 }).expect(200);
      const walk = async (sort: string): Promise<string[]> => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const query: string = `/api/v1/proposals/${proposal.id}/comments?sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
          const page = await api.http.get(query).expect(200);
          seen.push(...(page.body.items as Thread[]).map((item) => item.id));
          cursor = page.body.nextCursor as string | null;
        } while (cursor);
        return seen;
      };
      expect(await walk('oldest')).toEqual(ids);
      expect(await walk('newest')).toEqual([...ids].reverse());
      const best = await walk('best');
      expect(best[0]).toBe(ids[5]);
      expect(best.at(-1)).toBe(ids[1]);
      expect(new Set(best).size).toBe(7);
    });

    it('lets only the author edit or delete; a deleted comment keeps its place', async () => {
      const proposal = await propose('Deleting');
      const parent = await comment(neighbour, proposal.id, { body: 'original' }).expect(201);
      await comment(author, proposal.id, { body: 'a reply', parentId: parent.body.id }).expect(201);
      await api.http.patch(`/api/v1/comments/${parent.body.id}`).set('Authorization', author.auth).send({ body: 'hijack' }).expect(403);
      const edited = await api.http
        .patch(`/api/v1/comments/${parent.body.id}`)
        .set('Authorization', neighbour.auth)
        .send({ body: 'edited' })
        .expect(200);
      expect(edited.body).toMatchObject({ body: 'edited', edited: true });
      await api.http.delete(`/api/v1/comments/${parent.body.id}`).set('Authorization', author.auth).expect(403);
      await api.http.delete(`/api/v1/comments/${parent.body.id}`).set('Authorization', neighbour.auth).expect(204);
      const listed = await api.http.get(`/api/v1/proposals/${proposal.id}/comments`).expect(200);
      expect(listed.body.items[0]).toMatchObject({ id: parent.body.id, deleted: true, body: null, author: null });
      expect(listed.body.items[0].replies[0].body).toBe('a reply');
      await expectEventually(async () => {
        const fetched = await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(200);
        expect(fetched.body.commentCount).toBe(1);
      });
    });

    it('answers 404 for comments on an unknown proposal or kind', async () => {
      await comment(author, randomUUID(), { body: 'x' }).expect(404);
      await api.http.post(`/api/v1/spaceships/${randomUUID()}/comments`).set('Authorization', author.auth).send({ body: 'x' }).expect(404);
    });
  });

  describe('sanitised content', () => {
    it('returns XSS payloads inert in every field', async () => {
      const payload = '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>';
      const proposal = await api.http
        .post('/api/v1/proposals')
        .set('Authorization', author.auth)
        .send({ title: `<script>alert(1)</script>`, body: `**bold** ${payload}` })
        .expect(201);
      expect(proposal.body.bodyHtml).toContain('<strong>bold</strong>');
      expect(proposal.body.bodyHtml).not.toMatch(/<script|<img|href="javascript/i);
      // Text fields are returned as text, in JSON: the client renders them as text.
      expect(proposal.body.title).toBe('<script>alert(1)</script>');
      const created = await comment(neighbour, proposal.body.id as string, { body: payload }).expect(201);
      expect(created.body.bodyHtml).not.toMatch(/<script|<img|href="javascript/i);
      const page = await api.http.get(`/api/v1/proposals/${proposal.body.id}`).expect(200);
      expect(page.headers['content-type']).toMatch(/^application\/json/);
    });
  });

  describe('search and sorting', () => {
    const tag = `t${randomUUID().slice(0, 8)}`;
    const made: string[] = [];

    beforeAll(async () => {
      for (let i = 0; i < 9; i++) {
        made.push((await propose(`Proposal ${i} about ${i % 3 === 0 ? 'cycling lanes' : 'street lights'}`, 'text', { tags: [tag] })).id);
      }
    });

    const walk = async (query: string): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await api.http.get(`/api/v1/proposals?tag=${tag}&limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        seen.push(...(page.body.items as { id: string }[]).map((item) => item.id));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      return seen;
    };

    it('finds proposals by full-text search', async () => {
      const found = await walk('q=cycling');
      expect(found.sort()).toEqual([made[0], made[3], made[6]].sort());
    });

    it.each(['sort=newest', 'sort=most_supported', 'sort=most_commented', 'sort=random&seed=abc'])(
      'paginates %s without gaps or repeats',
      async (query) => {
        const seen = await walk(query);
        expect(seen).toHaveLength(9);
        expect(new Set(seen)).toEqual(new Set(made));
        if (query === 'sort=newest') expect(seen).toEqual([...made].reverse());
      },
    );

    it('gives the same random order for the same seed and another for another seed', async () => {
      const first = await walk('sort=random&seed=one');
      expect(await walk('sort=random&seed=one')).toEqual(first);
      expect(await walk('sort=random&seed=two')).not.toEqual(first);
      await api.http.get('/api/v1/proposals?sort=random').expect(400);
    });

    it('refuses a cursor it did not issue', async () => {
      const response = await api.http.get('/api/v1/proposals?cursor=bm9wZQ').expect(400);
      expect(response.body.code).toBe('invalid_cursor');
    });
  });

  describe('live', () => {
    it('pushes new proposals to the list room', async () => {
      const socket = await connectSocket(api.url);
      try {
        expect(await subscribe(socket, 'proposals')).toMatchObject({ ok: true });
        const arriving = nextEvent(socket, 'proposal.created', (message) => message.data.title === 'Live one');
        await propose('Live one');
        expect((await arriving).data).toMatchObject({ title: 'Live one', author: { id: author.id }, supportCount: 0 });
      } finally {
        socket.close();
      }
    });

    it('delivers comment, answer and update events to subscribers and not to others', async () => {
      const proposal = await propose('Watched');
      const other = await propose('Not watched');
      const watcher = await connectSocket(api.url);
      const bystander = await connectSocket(api.url);
      try {
        expect(await subscribe(watcher, `proposals:${proposal.id}`)).toMatchObject({ ok: true });
        expect(await subscribe(bystander, `proposals:${other.id}`)).toMatchObject({ ok: true });
        expect(await subscribe(bystander, `proposals:${randomUUID()}`)).toMatchObject({ ok: false, error: { status: 403 } });
        const strayComments = collectEvents(bystander, 'comment.created');

        const commented = nextEvent(watcher, 'comment.created');
        await comment(neighbour, proposal.id, { body: 'Hello *live*' }).expect(201);
        expect((await commented).data).toMatchObject({
          body: 'Hello *live*',
          bodyHtml: '<p>Hello <em>live</em></p>',
          author: { id: neighbour.id },
        });

        const official = await registerUser(api);
        await api.app.get(UsersService).setRoles(official.id, official.id, ['official']);
        const signedIn = await api.http.post('/api/v1/auth/login').send({ email: official.email, password: official.password }).expect(200);
        const answered = nextEvent(watcher, 'proposal.answered');
        await api.http
          .post(`/api/v1/proposals/${proposal.id}/answer`)
          .set('Authorization', `Bearer ${signedIn.body.accessToken}`)
          .send({ status: 'evaluating', answer: 'Looking into it.' })
          .expect(200);
        expect((await answered).data.answer).toMatchObject({ status: 'evaluating', text: 'Looking into it.' });
        expect(strayComments).toHaveLength(0);
      } finally {
        watcher.close();
        bystander.close();
      }
    });

    it('coalesces the support count and always ends on the true value', async () => {
      const proposal = await propose('Rush');
      const supporters = await Promise.all(Array.from({ length: 30 }, () => registerUser(api)));
      const socket = await connectSocket(api.url);
      try {
        await subscribe(socket, `proposals:${proposal.id}`);
        const counts = collectEvents(socket, 'proposal.support_count');
        await Promise.all(
          supporters.map((s) => api.http.put(`/api/v1/proposals/${proposal.id}/support`).set('Authorization', s.auth).send({}).expect(200)),
        );
        await Promise.all(
          supporters
            .slice(0, 4)
            .map((s) => api.http.delete(`/api/v1/proposals/${proposal.id}/support`).set('Authorization', s.auth).expect(200)),
        );
        await expectEventually(() => expect(counts.at(-1)?.data.supportCount).toBe(26), 10_000);
        expect(counts.length).toBeLessThan(34);
        expect(counts.every((message) => message.data.id === proposal.id)).toBe(true);
      } finally {
        socket.close();
      }
    });
  });
});
