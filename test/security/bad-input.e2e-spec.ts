import http from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  createMeeting,
  createProposal,
  createSurvey,
  createTestApp,
  createThread,
  createUserWithRoles,
  type MailCatcher,
  publishSurvey,
  registerUser,
  RunningApp,
  startMailCatcher,
  startTestWorker,
  TestUser,
} from '@polity/testing';
import { DataSource } from 'typeorm';

const cursorOf = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const FORGED = [cursorOf(['x', 'y']), cursorOf([1e300, 'y']), cursorOf([null, null]), cursorOf(['2026-01-01T00:00:00Z', 'not-a-uuid'])];

describe('bad input: every malformed request is a 4xx problem, and text cannot break the formats it reaches', () => {
  let api: RunningApp;
  let db: DataSource;
  let citizen: TestUser;
  let official: TestUser;
  let moderator: TestUser;
  let clerk: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    api = await createTestApp();
    db = api.app.get(DataSource);
    citizen = await registerUser(api);
    official = await createUserWithRoles(api, ['official']);
    moderator = await createUserWithRoles(api, ['moderator']);
    clerk = await createUserWithRoles(api, ['council']);
    admin = await createUserWithRoles(api, ['admin']);
  });
  afterAll(() => api.close());

  it('answers forged cursors with 400 problem+json on every paged list', async () => {
    const proposal = await createProposal(api, citizen);
    const thread = await createThread(api, official);
    const lists: [string, TestUser | undefined][] = [
      ...['newest', 'most_supported', 'most_commented'].map((sort): [string, undefined] => [`/api/v1/proposals?sort=${sort}`, undefined]),
      ['/api/v1/proposals?sort=random&seed=7', undefined],
      ['/api/v1/moderation/log', undefined],
      ['/api/v1/meetings?when=upcoming', undefined],
      ['/api/v1/meetings?when=past', undefined],
      ['/api/v1/threads', undefined],
      [`/api/v1/threads/${thread.id}/timeline`, undefined],
      ['/api/v1/surveys', undefined],
      ...['oldest', 'newest', 'best'].map((sort): [string, undefined] => [
        `/api/v1/proposals/${proposal.id}/comments?sort=${sort}`,
        undefined,
      ]),
      ['/api/v1/notifications', citizen],
      ['/api/v1/me/moderation-decisions', citizen],
      ['/api/v1/moderation/queue?sort=highest_score', moderator],
      ['/api/v1/moderation/queue?sort=oldest', moderator],
      ['/api/v1/admin/users', admin],
      ['/api/v1/admin/audit', admin],
      ['/api/v1/budgets', undefined],
    ];
    for (const [path, user] of lists) {
      for (const cursor of FORGED) {
        const request = api.http.get(`${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}`);
        if (user) void request.set('Authorization', user.auth);
        const response = await request;
        expect(`${path} ${response.status} ${response.body.code}`).toBe(`${path} 400 invalid_cursor`);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
  });

  it('refuses the same notification kind twice in one preferences update', async () => {
    const response = await api.http
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', citizen.auth)
      .send({
        preferences: [
          { kind: 'comment_reply', email: 'off' },
          { kind: 'comment_reply', email: 'daily' },
        ],
      })
      .expect(400);
    expect(response.body.code).toBe('validation_failed');
  });

  it('refuses JSON nested 20,000 levels deep with a 400', async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    for (const path of ['/api/v1/proposals', '/api/v1/auth/login', '/api/v1/me/verification']) {
      const response = await api.http.post(path).set('Authorization', citizen.auth).set('content-type', 'application/json').send(deep);
      expect(`${path} ${response.status} ${response.body.code}`).toBe(`${path} 400 body_too_deep`);
    }
  });

  it('refuses control characters and broken Unicode in any text, and line breaks in one-line fields', async () => {
    const post = (body: Record<string, unknown>) => api.http.post('/api/v1/proposals').set('Authorization', citizen.auth).send(body);
    expect((await post({ title: 'Nul\u0000 title', body: 'fine' }).expect(400)).body.errors[0]).toMatchObject({
      field: 'title',
      rule: 'plain_text',
    });
    expect((await post({ title: 'Fine title', body: 'escape \u001b[31m red' }).expect(400)).body.errors[0].field).toBe('body');
    expect((await post({ title: 'Half \ud800 a pair', body: 'fine' }).expect(400)).body.errors[0].field).toBe('title');
    expect((await post({ title: 'Two\nlines', body: 'fine' }).expect(400)).body.errors[0].field).toBe('title');
    await post({ title: 'Benches', body: 'Line one\nline two\ttabbed' }).expect(201);
    await api.http.get('/api/v1/proposals').query({ q: 'bad\u0000query' }).expect(400);
  });

  it('keeps a carriage return in a meeting’s place out of the calendar feed', async () => {
    const injected = 'Hall\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:Fake';
    await api.http
      .post('/api/v1/meetings')
      .set('Authorization', clerk.auth)
      .send({ body: 'City council', title: 'Budget hearing', place: injected, scheduledAt: new Date(Date.now() + 7_200_000).toISOString() })
      .expect(400);
    // Text stored before this rule is escaped on the way out.
    const meeting = await createMeeting(api, clerk, { title: `Hearing ${randomUUID().slice(0, 6)}` });
    await db.query('UPDATE council_meeting SET place = $2, description = $3 WHERE id = $1', [
      meeting.id,
      injected,
      'a\rDESCRIPTION:x\u0007',
    ]);
    const feed = (await api.http.get('/api/v1/meetings.ics').expect(200)).text;
    expect(feed).not.toMatch(/\rSUMMARY:Fake/);
    expect(feed.split(/\r\n/).filter((line) => line === 'SUMMARY:Fake')).toEqual([]);
    expect(feed.split('BEGIN:VEVENT').length - 1).toBe(feed.split('END:VEVENT').length - 1);
    expect(feed).toContain('LOCATION:Hall\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Fake');
    expect(feed).not.toContain('\u0007');
  });

  it('pages a survey list exactly, even when surveys share a millisecond', async () => {
    const ids: string[] = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries()) {
      await db.query(
        `INSERT INTO survey (id, title, description, opens_at, closes_at, audience, response_mode, anonymous, results_visibility, questions, created_by_id, created_at)
         VALUES ($1, 'Same instant', 'x', now(), now() + interval '1 day', 'everyone', 'editable', false, 'live', '[]', $2, $3)`,
        [id, official.id, `2001-02-03T04:05:06.123${4 + i}${i}Z`],
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await api.http
          .get('/api/v1/surveys')
          .query({ limit: 1, ...(cursor ? { cursor } : {}) })
          .set('Authorization', official.auth)
          .expect(200)
      ).body as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
  });

  it('pages a long conversation instead of loading every reply at once', async () => {
    const proposal = await createProposal(api, citizen);
    const root = (
      await api.http
        .post(`/api/v1/proposals/${proposal.id}/comments`)
        .set('Authorization', citizen.auth)
        .send({ body: 'Start' })
        .expect(201)
    ).body as { id: string };
    const other = await registerUser(api);
    for (let i = 0; i < 60; i++) {
      await api.http
        .post(`/api/v1/proposals/${proposal.id}/comments`)
        .set('Authorization', i % 2 ? citizen.auth : other.auth)
        .send({ body: `Reply ${i}`, parentId: root.id })
        .expect(201);
    }
    const page = (await api.http.get(`/api/v1/proposals/${proposal.id}/comments`).expect(200)).body as {
      items: { id: string; replies: unknown[]; moreReplies: string | null }[];
    };
    const thread = page.items.find((item) => item.id === root.id);
    expect(thread?.replies).toHaveLength(50);
    expect(thread?.moreReplies).toEqual(expect.any(String));
    const rest = (await api.http.get(`/api/v1/comments/${root.id}/replies`).query({ cursor: thread?.moreReplies, limit: 100 }).expect(200))
      .body as {
      items: { body: string; parentId: string }[];
      nextCursor: string | null;
    };
    expect(rest.items.map((reply) => reply.body)).toEqual(Array.from({ length: 10 }, (_, i) => `Reply ${50 + i}`));
    expect(rest.nextCursor).toBeNull();
  });

  it('shows no id that groups an erased account’s contributions', async () => {
    const leaver = await registerUser(api);
    const proposal = await createProposal(api, leaver);
    await api.http.post(`/api/v1/proposals/${proposal.id}/comments`).set('Authorization', leaver.auth).send({ body: 'Mine' }).expect(201);
    await api.http.delete('/api/v1/me').set('Authorization', leaver.auth).send({ password: leaver.password }).expect(204);
    const shown = (await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(200)).body as {
      author: { id: string | null; displayName: string };
    };
    expect(shown.author).toEqual({ id: null, displayName: 'Deleted user' });
    const comments = (await api.http.get(`/api/v1/proposals/${proposal.id}/comments`).expect(200)).body as { items: { author: unknown }[] };
    expect(comments.items[0].author).toEqual({ id: null, displayName: 'Deleted user' });
    expect(JSON.stringify([shown, comments])).not.toContain(leaver.id);
  });

  describe('survey downloads', () => {
    let small: RunningApp;
    beforeAll(async () => {
      small = await createTestApp({ DATABASE_POOL_SIZE: '4' });
    });
    afterAll(() => small.close());

    it('never let slow downloads hold the database: other requests are answered meanwhile', async () => {
      const survey = await createSurvey(api, official, {
        questions: [{ key: 'idea', type: 'long_text', title: 'Your idea' }],
        opensAt: new Date(Date.now() - 60_000).toISOString(),
      });
      await publishSurvey(api, official, survey.id);
      await db.query(
        `INSERT INTO survey_response (survey_id, respondent_id, answers, atoms)
         SELECT $1, NULL, jsonb_build_object('idea', repeat('A thoughtful idea about the town. ', 20)), '{}' FROM generate_series(1, 20000)`,
        [survey.id],
      );
      const { port } = new URL(small.url);
      const slow: http.IncomingMessage[] = [];
      for (let i = 0; i < 8; i++) {
        slow.push(
          await new Promise<http.IncomingMessage>((resolve, reject) => {
            http
              .get(
                { host: '127.0.0.1', port, path: `/api/v1/surveys/${survey.id}/responses.csv`, headers: { authorization: official.auth } },
                (response) => {
                  response.pause();
                  resolve(response);
                },
              )
              .on('error', reject);
          }),
        );
      }
      expect(slow.every((response) => response.statusCode === 200)).toBe(true);
      const started = Date.now();
      await small.http.get('/api/v1/proposals?limit=1').timeout(5_000).expect(200);
      await small.http.get('/api/v1/me').set('Authorization', citizen.auth).timeout(5_000).expect(200);
      expect(Date.now() - started).toBeLessThan(5_000);
      for (const response of slow) response.destroy();
    });
  });

  describe('mail and unsubscribing', () => {
    let mail: MailCatcher;
    let mailingApi: RunningApp;
    let worker: RunningApp;
    beforeAll(async () => {
      mail = await startMailCatcher();
      mailingApi = await createTestApp({ SMTP_URL: mail.url });
      worker = await startTestWorker({ SMTP_URL: mail.url });
    });
    afterAll(async () => {
      await worker.close();
      await mailingApi.close();
      await mail.close();
    });

    const confirm = async (user: TestUser) => {
      const message = await mail.next(user.email, (candidate) => candidate.subject.includes('Confirm'));
      const token = /token=([A-Za-z0-9._-]+)/.exec(message.text)?.[1];
      await mailingApi.http.post('/api/v1/auth/confirm-email').send({ token }).expect(200);
    };
    const replyTo = async (author: TestUser, replier: TestUser) => {
      const proposal = await createProposal(mailingApi, author);
      const comment = (
        await mailingApi.http
          .post(`/api/v1/proposals/${proposal.id}/comments`)
          .set('Authorization', author.auth)
          .send({ body: 'A first thought' })
          .expect(201)
      ).body as { id: string };
      await mailingApi.http
        .post(`/api/v1/proposals/${proposal.id}/comments`)
        .set('Authorization', replier.auth)
        .send({ body: 'A reply to that', parentId: comment.id })
        .expect(201);
    };

    it('mails notifications only to an address its owner confirmed', async () => {
      const unconfirmed = await registerUser(mailingApi);
      const confirmed = await registerUser(mailingApi);
      await confirm(confirmed);
      const replier = await registerUser(mailingApi);
      await replyTo(unconfirmed, replier);
      await replyTo(confirmed, replier);
      await mail.next(confirmed.email, (message) => message.subject.includes('reply'));
      const [{ pending }] = await mailingApi.app
        .get(DataSource)
        .query<{ pending: number }[]>(`SELECT count(*)::int AS pending FROM notification WHERE user_id = $1 AND kind = 'comment_reply'`, [
          unconfirmed.id,
        ]);
      expect(pending).toBe(1);
      expect(mail.to(unconfirmed.email).filter((message) => message.subject.includes('reply'))).toEqual([]);
    });

    it('the unsubscribe link opens a page that asks; only its button (or a one-click POST) unsubscribes', async () => {
      const author = await registerUser(mailingApi);
      await confirm(author);
      await replyTo(author, await registerUser(mailingApi));
      const message = await mail.next(author.email, (candidate) => candidate.subject.includes('reply'));
      // The message links the site's page (test/web/account); the api's own page, from the header, asks the same way.
      const link = new URL(/<(\S+)>/.exec(message.headers.get('list-unsubscribe') as string)?.[1] as string);
      expect(link.pathname).toBe('/api/v1/notifications/unsubscribe');
      const page = await mailingApi.http.get(link.pathname + link.search).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<form method="post"');
      const before = await mailingApi.http.get('/api/v1/me/notification-preferences').set('Authorization', author.auth).expect(200);
      expect((before.body as { kind: string; email: string }[]).find((p) => p.kind === 'comment_reply')?.email).toBe('immediate');

      const token = link.searchParams.get('token') as string;
      const done = await mailingApi.http.post('/api/v1/pages/unsubscribe').type('form').send({ token }).expect(200);
      expect(done.text).toContain('no longer');
      const after = await mailingApi.http.get('/api/v1/me/notification-preferences').set('Authorization', author.auth).expect(200);
      expect((after.body as { kind: string; email: string }[]).find((p) => p.kind === 'comment_reply')?.email).toBe('off');
    });
  });
});
