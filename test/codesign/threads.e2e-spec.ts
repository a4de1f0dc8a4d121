import type { ThreadPostView, ThreadTimelineEntry, ThreadView } from '@polity/contracts';
import {
  connectSocket,
  createProposal,
  createTestApp,
  createThread,
  createUserWithRoles,
  nextEvent,
  registerUser,
  RunningApp,
  subscribe,
  TestUser,
} from '@polity/testing';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';

describe('co-design threads: stages, posts, reactions, timeline', () => {
  let api: RunningApp;
  let facilitator: TestUser;
  let otherOfficial: TestUser;
  let moderator: TestUser;
  let citizen: TestUser;
  let neighbour: TestUser;
  const sockets: Socket[] = [];

  const post = (user: TestUser, threadId: string, body: Record<string, unknown>) =>
    api.http.post(`/api/v1/threads/${threadId}/posts`).set('Authorization', user.auth).send(body);
  const moveStage = (user: TestUser, threadId: string, stage: string, summary = `Summary before ${stage}`) =>
    api.http.post(`/api/v1/threads/${threadId}/stage`).set('Authorization', user.auth).send({ stage, summary });

  beforeAll(async () => {
    api = await createTestApp();
    facilitator = await createUserWithRoles(api, ['official']);
    otherOfficial = await createUserWithRoles(api, ['official']);
    moderator = await createUserWithRoles(api, ['moderator']);
    citizen = await registerUser(api);
    neighbour = await registerUser(api);
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await api.close();
  });

  it('lets officials open threads with default stages and links, and refuses citizens and non-officials as facilitators', async () => {
    const proposal = await createProposal(api, citizen);
    const thread = await createThread(api, facilitator, { links: [{ kind: 'proposals', id: proposal.id }] });
    expect(thread).toMatchObject({
      stages: ['discover', 'define', 'develop', 'deliver'],
      currentStage: 'discover',
      status: 'open',
      facilitators: [{ id: facilitator.id }],
      links: [{ kind: 'proposals', id: proposal.id }],
    });
    await api.http
      .post('/api/v1/threads')
      .set('Authorization', citizen.auth)
      .send({ title: 'Mine', serviceName: 'x', department: 'y', description: 'z' })
      .expect(403);

    const notOfficial = await api.http
      .post('/api/v1/threads')
      .set('Authorization', facilitator.auth)
      .send({ title: 'Bins', serviceName: 'Waste', department: 'Streets', description: 'Bins', facilitatorIds: [citizen.id] })
      .expect(422);
    expect(notOfficial.body).toMatchObject({ code: 'not_an_official', errors: [{ field: 'facilitatorIds.0' }] });

    const unknownLink = await api.http
      .post('/api/v1/threads')
      .set('Authorization', facilitator.auth)
      .send({
        title: 'Bins',
        serviceName: 'Waste',
        department: 'Streets',
        description: 'Bins',
        links: [{ kind: 'surveys', id: proposal.id }],
      })
      .expect(422);
    expect(unknownLink.body).toMatchObject({ code: 'unknown_link', errors: [{ field: 'links.0' }] });
  });

  it('lets only facilitators move stages, with a summary, and shows each move in the timeline', async () => {
    const thread = await createThread(api, facilitator, { stages: ['listen', 'try', 'decide'] });
    await moveStage(citizen, thread.id, 'try').expect(403);
    await moveStage(otherOfficial, thread.id, 'try').expect(403);
    expect((await moveStage(facilitator, thread.id, 'deliver').expect(422)).body.code).toBe('unknown_stage');
    expect((await moveStage(facilitator, thread.id, 'listen').expect(409)).body.code).toBe('same_stage');
    const moved = await moveStage(facilitator, thread.id, 'try', 'We heard **40** residents.').expect(200);
    expect(moved.body).toMatchObject({ from: 'listen', to: 'try', summary: 'We heard **40** residents.', by: { id: facilitator.id } });
    expect(moved.body.summaryHtml).toContain('<strong>40</strong>');

    // A facilitator added later may move it too; the stage list must keep the current stage.
    const edited = await api.http
      .patch(`/api/v1/threads/${thread.id}`)
      .set('Authorization', facilitator.auth)
      .send({ facilitatorIds: [facilitator.id, otherOfficial.id] })
      .expect(200);
    expect(edited.body.facilitators).toHaveLength(2);
    await moveStage(otherOfficial, thread.id, 'decide').expect(200);
    const dropped = await api.http
      .patch(`/api/v1/threads/${thread.id}`)
      .set('Authorization', facilitator.auth)
      .send({ stages: ['listen', 'try'] })
      .expect(422);
    expect(dropped.body.code).toBe('current_stage_removed');
    await api.http.patch(`/api/v1/threads/${thread.id}`).set('Authorization', citizen.auth).send({ title: 'Taken over' }).expect(403);

    const timeline = await api.http.get(`/api/v1/threads/${thread.id}/timeline`).expect(200);
    expect(
      (timeline.body.items as ThreadTimelineEntry[]).map(
        (entry) => entry.type === 'stage_changed' && `${entry.stageChange.from}->${entry.stageChange.to}`,
      ),
    ).toEqual(['listen->try', 'try->decide']);
  });

  it('takes typed posts from citizens, marks facilitators as official, threads replies and keeps "update" for facilitators', async () => {
    const thread = await createThread(api, facilitator);
    const problem = await post(citizen, thread.id, { type: 'problem', body: 'The library closes at 17:00, before I finish work.' }).expect(
      201,
    );
    expect(problem.body).toMatchObject({ type: 'problem', official: false, stage: 'discover', author: { id: citizen.id }, parentId: null });
    expect((await post(citizen, thread.id, { type: 'update', body: 'Official-looking news' }).expect(403)).body.code).toBe(
      'not_facilitator',
    );
    const update = await post(facilitator, thread.id, { type: 'update', body: 'We are counting visits per hour.' }).expect(201);
    expect(update.body.official).toBe(true);

    expect((await post(citizen, thread.id, { body: 'No type on a top-level post' }).expect(400)).body.errors[0].field).toBe('type');
    expect((await post(citizen, thread.id, { type: 'rant', body: 'x' }).expect(400)).body.errors[0].field).toBe('type');

    const reply = await post(neighbour, thread.id, { parentId: problem.body.id, body: 'Same for me.' }).expect(201);
    expect(reply.body).toMatchObject({ parentId: problem.body.id, type: null });
    await post(facilitator, thread.id, { parentId: reply.body.id, body: 'Thanks, noted.' }).expect(201);
    const unknownParent = await post(citizen, thread.id, { parentId: update.body.threadId, body: 'To nowhere' }).expect(422);
    expect(unknownParent.body.code).toBe('unknown_parent');

    const replies = await api.http.get(`/api/v1/threads/${thread.id}/posts/${problem.body.id}/replies`).expect(200);
    expect(replies.body.items).toMatchObject([{ id: reply.body.id, replyCount: 1 }]);
    const timeline = await api.http.get(`/api/v1/threads/${thread.id}/timeline`).expect(200);
    // Replies live under their post, not in the timeline.
    expect((timeline.body.items as ThreadTimelineEntry[]).map((entry) => entry.type === 'post' && entry.post.id)).toEqual([
      problem.body.id,
      update.body.id,
    ]);
    expect((timeline.body.items[0] as { post: ThreadPostView }).post.replyCount).toBe(1);
  });

  it('lets an author delete a post: its text goes, its place and replies stay, and nothing more can be done to it', async () => {
    const thread = await createThread(api, facilitator);
    const idea = await post(citizen, thread.id, { type: 'idea', body: 'Open the reading room on Sunday mornings.' }).expect(201);
    const reply = await post(neighbour, thread.id, { parentId: idea.body.id, body: 'Yes, before the market.' }).expect(201);
    const remove = (user: TestUser) =>
      api.http.delete(`/api/v1/threads/${thread.id}/posts/${idea.body.id}`).set('Authorization', user.auth);
    expect((await remove(neighbour).expect(403)).body.code).toBe('not_author');
    expect((await remove(facilitator).expect(403)).body.code).toBe('not_author');
    await api.http.delete(`/api/v1/threads/${thread.id}/posts/${idea.body.id}`).expect(401);

    await remove(citizen).expect(204);
    await remove(citizen).expect(204);
    const timeline = await api.http.get(`/api/v1/threads/${thread.id}/timeline`).set('Authorization', citizen.auth).expect(200);
    const [entry] = timeline.body.items as { type: string; post: ThreadPostView }[];
    expect(entry.post).toMatchObject({ id: idea.body.id, deleted: true, body: null, bodyHtml: null, author: null, replyCount: 1 });
    const replies = await api.http.get(`/api/v1/threads/${thread.id}/posts/${idea.body.id}/replies`).expect(200);
    expect(replies.body.items).toMatchObject([{ id: reply.body.id, body: 'Yes, before the market.', deleted: false }]);

    const patch = await api.http
      .patch(`/api/v1/threads/${thread.id}/posts/${idea.body.id}`)
      .set('Authorization', citizen.auth)
      .send({ body: 'Back again' })
      .expect(409);
    expect(patch.body.code).toBe('post_deleted');
    const react = await api.http
      .put(`/api/v1/threads/${thread.id}/posts/${idea.body.id}/reactions/support`)
      .set('Authorization', neighbour.auth)
      .expect(409);
    expect(react.body.code).toBe('post_deleted');
    expect((await post(neighbour, thread.id, { parentId: idea.body.id, body: 'A reply to nothing' }).expect(422)).body.code).toBe(
      'unknown_parent',
    );
    const [{ body }] = await api.app
      .get(DataSource)
      .query<{ body: string | null }[]>('SELECT body FROM codesign_post WHERE id = $1', [idea.body.id]);
    expect(body).toBeNull();
  });

  it('counts one reaction of each kind per person, and lets only facilitators pin and mark answered', async () => {
    const thread = await createThread(api, facilitator);
    const question = await post(citizen, thread.id, { type: 'question', body: 'Could it open on Sundays?' }).expect(201);
    const idea = await post(citizen, thread.id, { type: 'idea', body: 'Self-service lockers.' }).expect(201);
    const react = (user: TestUser, reaction: string) =>
      api.http.put(`/api/v1/threads/${thread.id}/posts/${question.body.id}/reactions/${reaction}`).set('Authorization', user.auth);

    await react(neighbour, 'support').expect(200);
    await react(neighbour, 'support').expect(200);
    const both = await react(neighbour, 'me_too').expect(200);
    expect(both.body).toEqual({ support: 1, meToo: 1, mine: expect.arrayContaining(['support', 'me_too']) as unknown });
    expect((await react(citizen, 'support').expect(200)).body).toMatchObject({ support: 2, mine: ['support'] });
    const removed = await api.http
      .delete(`/api/v1/threads/${thread.id}/posts/${question.body.id}/reactions/support`)
      .set('Authorization', neighbour.auth)
      .expect(200);
    expect(removed.body).toEqual({ support: 1, meToo: 1, mine: ['me_too'] });
    await react(neighbour, 'love').expect(400);

    const mark = (user: TestUser, postId: string, body: Record<string, unknown>) =>
      api.http.put(`/api/v1/threads/${thread.id}/posts/${postId}/marks`).set('Authorization', user.auth).send(body);
    await mark(citizen, question.body.id, { answered: true }).expect(403);
    expect((await mark(facilitator, idea.body.id, { answered: true }).expect(422)).body.code).toBe('not_a_question');
    expect((await mark(facilitator, question.body.id, { answered: true, pinned: true }).expect(200)).body).toMatchObject({
      answered: true,
      pinned: true,
    });
    const shown = await api.http.get(`/api/v1/threads/${thread.id}`).expect(200);
    expect(shown.body.pinnedPosts).toMatchObject([{ id: question.body.id, reactions: { support: 1, meToo: 1 } }]);

    const listed = await api.http.get('/api/v1/threads').query({ limit: 100, status: 'open' }).expect(200);
    expect((listed.body.items as ThreadView[]).find((item) => item.id === thread.id)).toMatchObject({
      pinnedPosts: [{ id: question.body.id }],
      facilitators: [{ id: facilitator.id }],
      postCount: 2,
    });
    await api.http.patch(`/api/v1/threads/${thread.id}`).set('Authorization', facilitator.auth).send({ status: 'closed' }).expect(200);
    const open = await api.http.get('/api/v1/threads').query({ limit: 100, status: 'open' }).expect(200);
    expect((open.body.items as ThreadView[]).some((item) => item.id === thread.id)).toBe(false);
    expect((await post(citizen, thread.id, { type: 'idea', body: 'Too late' }).expect(409)).body.code).toBe('thread_closed');
    await react(citizen, 'me_too').expect(409);
  });

  it('pages the timeline in time order without repeats', async () => {
    const thread = await createThread(api, facilitator);
    const expected: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      expected.push(
        (await post(citizen, thread.id, { type: 'idea', body: `Idea number ${index} for paging` }).expect(201)).body.id as string,
      );
    }
    expected.push((await moveStage(facilitator, thread.id, 'define').expect(200)).body.id as string);
    expected.push(
      (await post(neighbour, thread.id, { type: 'evidence', body: 'A count from last year, for paging.' }).expect(201)).body.id as string,
    );

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.http
        .get(`/api/v1/threads/${thread.id}/timeline`)
        .query(cursor ? { limit: 2, cursor } : { limit: 2 })
        .expect(200);
      const items = page.body.items as ThreadTimelineEntry[];
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(
        ...items.map((entry) =>
          entry.type === 'post' ? entry.post.id : entry.type === 'stage_changed' ? entry.stageChange.id : entry.decision.decisionId,
        ),
      );
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(expected);
    await api.http.get(`/api/v1/threads/${thread.id}/timeline`).query({ cursor: 'not-ours' }).expect(400);
  });

  it('pushes posts and stage changes to thread:<id>, and keeps held posts from everyone but their author and moderators', async () => {
    const thread = await createThread(api, facilitator);
    const watcher = await connectSocket(api.url);
    sockets.push(watcher);
    expect(await subscribe(watcher, `threads:${thread.id}`)).toMatchObject({ ok: true });
    expect(await subscribe(watcher, `threads:${citizen.id}`)).toMatchObject({ ok: false });

    const created = nextEvent(watcher, 'thread.post_created');
    const idea = await post(citizen, thread.id, { type: 'idea', body: 'Open the reading room earlier.' }).expect(201);
    expect((await created).data).toMatchObject({ id: idea.body.id, body: 'Open the reading room earlier.', author: { id: citizen.id } });

    const reacted = nextEvent(watcher, 'thread.post_updated');
    await api.http
      .put(`/api/v1/threads/${thread.id}/posts/${idea.body.id}/reactions/support`)
      .set('Authorization', neighbour.auth)
      .expect(200);
    expect((await reacted).data).toMatchObject({ id: idea.body.id, reactions: { support: 1 } });

    const staged = nextEvent(watcher, 'thread.stage_changed');
    await moveStage(facilitator, thread.id, 'define').expect(200);
    expect((await staged).data).toMatchObject({ threadId: thread.id, to: 'define' });

    // Pre-moderation for this thread: new posts wait for a moderator.
    await api.http
      .put(`/api/v1/moderation/policies/threads:${thread.id}`)
      .set('Authorization', moderator.auth)
      .send({ mode: 'pre' })
      .expect(200);
    const pushes: string[] = [];
    watcher.on('thread.post_created', (message: { data: ThreadPostView }) => pushes.push(message.data.id));
    const held = await post(neighbour, thread.id, { type: 'problem', body: 'Something to be checked first.' }).expect(201);
    expect(held.body.moderationState).toBe('held');
    const readAs = async (user?: TestUser) => {
      const request = api.http.get(`/api/v1/threads/${thread.id}/timeline`);
      const page = await (user ? request.set('Authorization', user.auth) : request).expect(200);
      return (page.body.items as ThreadTimelineEntry[]).flatMap((entry) =>
        entry.type === 'post' && entry.post.id === held.body.id ? [entry.post] : [],
      )[0];
    };
    expect(await readAs()).toMatchObject({ body: null, author: null, moderationState: 'held' });
    expect(await readAs(citizen)).toMatchObject({ body: null });
    expect((await readAs(neighbour))?.body).toBe('Something to be checked first.');
    expect((await readAs(moderator))?.body).toBe('Something to be checked first.');
    const replyToHeld = await post(citizen, thread.id, { parentId: held.body.id, body: 'Replying to a held post' }).expect(422);
    expect(replyToHeld.body.code).toBe('unknown_parent');
    // The next visible push proves the held one would have arrived by now.
    await api.http.delete(`/api/v1/moderation/policies/threads:${thread.id}`).set('Authorization', moderator.auth).expect(204);
    const later = nextEvent(watcher, 'thread.post_created');
    const visible = await post(citizen, thread.id, { type: 'idea', body: 'A later, ordinary idea.' }).expect(201);
    expect((await later).data.id).toBe(visible.body.id);
    expect(pushes).not.toContain(held.body.id);
  });

  it('lets people follow a thread, not comment on it', async () => {
    const thread = await createThread(api, facilitator);
    await api.http
      .put(`/api/v1/threads/${thread.id}/follow`)
      .set('Authorization', citizen.auth)
      .expect((response) => expect(response.status).toBeLessThan(300));
    const comment = await api.http
      .post(`/api/v1/threads/${thread.id}/comments`)
      .set('Authorization', citizen.auth)
      .send({ body: 'A comment' })
      .expect(409);
    expect(comment.body.code).toBe('use_thread_posts');
  });
});
