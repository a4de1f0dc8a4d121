import { assertKindRegistrations, KIND_REGISTRATIONS, RESOURCE_KINDS } from '@polity/contracts';
import {
  connectSocket,
  createProposal,
  createTestApp,
  createUserWithRoles,
  registerUser,
  type RunningApp,
  subscribe,
  type TestUser,
} from '@polity/testing';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';

describe('one name per kind, as in the routes, with the former spellings still read', () => {
  let api: RunningApp;
  let author: TestUser;
  let moderator: TestUser;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    api = await createTestApp();
    author = await registerUser(api);
    moderator = await createUserWithRoles(api, ['moderator']);
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await api.close();
  });

  it('takes a report on `comments` and on the former `comment`, and answers with `comments` everywhere', async () => {
    const proposal = await createProposal(api, author);
    const comment = await api.http
      .post(`/api/v1/proposals/${proposal.id}/comments`)
      .set('Authorization', author.auth)
      .send({ body: 'Near the bridge, please.' })
      .expect(201);
    const reporters = [await registerUser(api), await registerUser(api)];
    await api.http
      .post('/api/v1/reports')
      .set('Authorization', reporters[0].auth)
      .send({ kind: 'comments', id: comment.body.id, reason: 'spam' })
      .expect(201);
    await api.http
      .post('/api/v1/reports')
      .set('Authorization', reporters[1].auth)
      .send({ kind: 'comment', id: comment.body.id, reason: 'off_topic' })
      .expect(201);
    const rows = await api.app
      .get(DataSource)
      .query<{ kind: string }[]>('SELECT kind FROM moderation_item WHERE content_id = $1', [comment.body.id]);
    expect(rows).toEqual([{ kind: 'comments' }]);
    for (const kind of ['comments', 'comment']) {
      const queue = await api.http.get(`/api/v1/moderation/queue?kind=${kind}&limit=100`).set('Authorization', moderator.auth).expect(200);
      const item = (queue.body.items as { contentId: string; kind: string }[]).find((entry) => entry.contentId === comment.body.id);
      expect(item?.kind).toBe('comments');
    }
    const unknown = await api.http.get('/api/v1/moderation/queue?kind=poems').set('Authorization', moderator.auth).expect(400);
    expect(unknown.body.errors[0].message).toContain('proposals, comments');
  });

  it('reads `off-topic` as the template `off_topic`, the same name as the report reason', async () => {
    const templates = await api.http.get('/api/v1/moderation/templates').set('Authorization', moderator.auth).expect(200);
    const keys = (templates.body as { key: string; reason: string }[]).map((template) => template.key);
    expect(keys).toEqual(expect.arrayContaining(['off_topic', 'personal_data']));
    expect(keys.filter((key) => key.includes('-'))).toEqual([]);
    const proposal = await createProposal(api, author);
    const reporter = await registerUser(api);
    await api.http
      .post('/api/v1/reports')
      .set('Authorization', reporter.auth)
      .send({ kind: 'proposals', id: proposal.id, reason: 'off_topic' })
      .expect(201);
    const [row] = await api.app
      .get(DataSource)
      .query<{ id: string }[]>('SELECT id FROM moderation_item WHERE content_id = $1', [proposal.id]);
    const decision = await api.http
      .post(`/api/v1/moderation/items/${row.id}/decision`)
      .set('Authorization', moderator.auth)
      .send({ action: 'hide', template: 'off-topic' })
      .expect(201);
    expect(decision.body).toMatchObject({ kind: 'proposals', reason: 'off_topic' });
  });

  it('joins `proposals:<id>` and, for the former `proposal:<id>`, the same room under its one name', async () => {
    const proposal = await createProposal(api, author);
    const socket = await connectSocket(api.url);
    sockets.push(socket);
    expect(await subscribe(socket, `proposals:${proposal.id}`)).toMatchObject({ ok: true, room: `proposals:${proposal.id}` });
    expect(await subscribe(socket, `proposal:${proposal.id}`)).toMatchObject({ ok: true, room: `proposals:${proposal.id}` });
    expect(await subscribe(socket, 'proposals')).toMatchObject({ ok: true, room: 'proposals' });
    expect(await subscribe(socket, `comments:${proposal.id}`)).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('refuses to boot when a kind lacks a registration the catalogue requires, or has one it does not list', () => {
    expect(RESOURCE_KINDS.every((kind) => KIND_REGISTRATIONS[kind] !== undefined)).toBe(true);
    expect(() => assertKindRegistrations('moderation', ['proposals', 'comments', 'budget-projects', 'survey-answers'])).toThrow(
      'The moderation registration is missing for thread-posts',
    );
    expect(() => assertKindRegistrations('room', ['proposals', 'budgets', 'surveys', 'threads', 'meetings', 'comments'])).toThrow(
      /registered for comments, which KIND_REGISTRATIONS does not list/,
    );
    // The running api passed this check at boot for all four registrations.
    expect(() => assertKindRegistrations('decisions', ['proposals', 'threads'])).not.toThrow();
  });
});
