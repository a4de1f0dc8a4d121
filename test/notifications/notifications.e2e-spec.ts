import { randomUUID } from 'node:crypto';
import { type NotificationView, type NotifyingEvent, QueueName } from '@polity/contracts';
import { JobQueue } from '@polity/queue';
import {
  connectSocket,
  createProposal,
  createUserWithRoles,
  createTestApp,
  expectEventually,
  type MailCatcher,
  moderationItemOf,
  nextEvent,
  registerUser,
  confirmEmail,
  RunningApp,
  startMailCatcher,
  startTestWorker,
  TestUser,
} from '@polity/testing';
import type { Job } from 'bullmq';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';

describe('notifications: fan-out, inbox, email preferences, digests, unsubscribe', () => {
  let mail: MailCatcher;
  let api: RunningApp;
  let worker: RunningApp;
  let db: DataSource;
  let official: TestUser;
  const sockets: Socket[] = [];

  const comment = (user: TestUser, proposalId: string, body: string, parentId?: string) =>
    api.http.post(`/api/v1/proposals/${proposalId}/comments`).set('Authorization', user.auth).send({ body, parentId }).expect(201);
  const follow = (user: TestUser, proposalId: string) =>
    api.http
      .put(`/api/v1/proposals/${proposalId}/follow`)
      .set('Authorization', user.auth)
      .expect((response) => expect(response.status).toBeLessThan(300));
  const inbox = async (user: TestUser, query: Record<string, string> = {}) =>
    (await api.http.get('/api/v1/notifications').query(query).set('Authorization', user.auth).expect(200)).body.items as NotificationView[];
  const eventually = <T>(assertion: () => Promise<T>) => expectEventually(assertion, 10_000, 50);
  const finished = (job: Job) =>
    eventually(async () => {
      const state = await job.getState();
      const { failedReason } =
        (await worker.app
          .get(JobQueue)
          .queue(QueueName.Notifications)
          .getJob(job.id ?? '')) ?? {};
      expect({ state, failedReason }).toEqual({ state: 'completed', failedReason: undefined });
    });

  beforeAll(async () => {
    mail = await startMailCatcher();
    api = await createTestApp({ SMTP_URL: mail.url });
    worker = await startTestWorker({ SMTP_URL: mail.url });
    db = api.app.get(DataSource);
    official = await createUserWithRoles(api, ['official']);
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await worker.close();
    await api.close();
    await mail.close();
  });

  it('tells each follower once, in the inbox and live, but not the one who acted; a retried job adds nothing', async () => {
    const author = await registerUser(api);
    const follower = await registerUser(api);
    const commenter = await registerUser(api);
    const proposal = await createProposal(api, author);
    await follow(follower, proposal.id);
    const socket = await connectSocket(api.url, follower.accessToken);
    sockets.push(socket);

    const pushed = nextEvent(socket, 'notification.created', () => true, 10_000);
    const written = await comment(commenter, proposal.id, 'I would use it every day.');
    const { data } = await pushed;
    expect(data).toMatchObject({ kind: 'comment_on_followed', resource: { kind: 'proposals', id: proposal.id }, readAt: null });
    expect(data.title).toMatch(/^New comment on “/);
    await eventually(async () => expect(await inbox(author)).toHaveLength(1));
    expect(await inbox(commenter)).toHaveLength(0);
    // The connected follower heard first, the author (not connected) after: both were pushed to
    // before their rows were stored, and are marked as pushed.
    await eventually(async () =>
      expect(
        await db.query(`SELECT pushed_at IS NOT NULL AS pushed FROM notification WHERE resource_id = $1 AND kind = 'comment_on_followed'`, [
          proposal.id,
        ]),
      ).toEqual([{ pushed: true }, { pushed: true }]),
    );

    // The same event handled again (as a retry would) changes nothing.
    // The outbox keeps each durable event whole, as the relay hands it to the job.
    const [{ payload: replay }] = await db.query<{ payload: NotifyingEvent }[]>(
      `SELECT payload FROM outbox_event WHERE type = 'comment.published' AND payload->'payload'->>'commentId' = $1`,
      [written.body.id],
    );
    const pushedAgain = nextEvent(socket, 'notification.created', () => true, 10_000);
    await finished(await worker.app.get(JobQueue).enqueue('notifications.fan-out', replay, { jobId: `replay-${replay.id}` }));
    // Pushed before it is stored, a notification keeps its id however often it is pushed.
    expect((await pushedAgain).data.id).toBe(data.id);
    const [{ count }] = await db.query<{ count: string }[]>('SELECT count(*) FROM notification WHERE event_id = $1', [replay.id]);
    expect(Number(count)).toBe(2);

    const stranger = await registerUser(api);
    await api.http.post(`/api/v1/notifications/${data.id}/read`).set('Authorization', stranger.auth).expect(404);
    expect((await api.http.get('/api/v1/notifications/unread-count').set('Authorization', follower.auth).expect(200)).body).toEqual({
      unread: 1,
    });
    const counted = nextEvent(socket, 'notification.unread_count');
    const read = await api.http.post(`/api/v1/notifications/${data.id}/read`).set('Authorization', follower.auth).expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await counted).data).toEqual({ unread: 0 });
    expect(await inbox(follower, { unread: 'true' })).toHaveLength(0);
    expect(await inbox(follower, { unread: 'false' })).toHaveLength(1);
    expect((await api.http.post('/api/v1/notifications/read-all').set('Authorization', author.auth).expect(200)).body).toEqual({
      marked: 1,
    });
    expect((await api.http.get('/api/v1/notifications/unread-count').set('Authorization', author.auth).expect(200)).body).toEqual({
      unread: 0,
    });
    await api.http.get('/api/v1/notifications').expect(401);
  });

  it('fans a batch of events out (as the relay groups them) as it would each alone', async () => {
    const author = await registerUser(api);
    const follower = await registerUser(api);
    const proposals = [await createProposal(api, author), await createProposal(api, author)];
    for (const proposal of proposals) await follow(follower, proposal.id);
    const events: NotifyingEvent[] = proposals.map((proposal) => ({
      id: randomUUID(),
      type: 'proposal.answered',
      occurredAt: new Date().toISOString(),
      payload: { proposalId: proposal.id, status: 'accepted', answeredById: author.id },
    }));
    const job = await worker.app.get(JobQueue).enqueue('notifications.fan-out', { batch: events }, { jobId: `batch-${events[0].id}` });
    await finished(job);
    const answered = (await inbox(follower)).filter((notification) => notification.kind === 'proposal_answered');
    expect(answered.map((notification) => notification.resource?.id).sort()).toEqual(proposals.map((proposal) => proposal.id).sort());
    expect((await inbox(author)).filter((notification) => notification.kind === 'proposal_answered')).toHaveLength(0);
  });

  it('announces a comment only once moderation clears it: held by screening, nobody hears; restored, followers do', async () => {
    const author = await registerUser(api);
    const follower = await registerUser(api);
    const commenter = await registerUser(api);
    const moderator = await createUserWithRoles(api, ['moderator']);
    const proposal = await createProposal(api, author);
    await follow(follower, proposal.id);
    const held = await comment(commenter, proposal.id, 'Buy now: free money, casino bonus, crypto giveaway!');
    const clean = await comment(commenter, proposal.id, 'A clean comment, written after the other one.');
    await eventually(async () => {
      const [state] = await db.query<{ moderation_state: string }[]>('SELECT moderation_state FROM comment WHERE id = $1', [held.body.id]);
      expect(state.moderation_state).toBe('held');
    });
    // Only the clean comment was announced.
    await eventually(async () => expect(await inbox(follower)).toHaveLength(1));
    const [{ count }] = await db.query<{ count: string }[]>(
      `SELECT count(*) FROM outbox_event WHERE type = 'comment.published' AND payload->'payload'->>'commentId' = $1`,
      [held.body.id],
    );
    expect(Number(count)).toBe(0);
    expect(clean.body.id).not.toBe(held.body.id);

    const item = await moderationItemOf(api, moderator, 'comments', held.body.id);
    await api.http
      .post(`/api/v1/moderation/items/${item.id}/decision`)
      .set('Authorization', moderator.auth)
      .send({ action: 'restore', statement: 'A false alarm: it quotes a scam to warn about it.' })
      .expect(201);
    await eventually(async () => expect(await inbox(follower)).toHaveLength(2));
    await eventually(async () => expect(await inbox(author)).toHaveLength(2));
    // Restoring again (or a second clean verdict) tells nobody twice.
    const [{ announced }] = await db.query<{ announced: string }[]>(
      `SELECT count(*) AS announced FROM outbox_event WHERE type = 'comment.published' AND payload->'payload'->>'commentId' = $1`,
      [held.body.id],
    );
    expect(Number(announced)).toBe(1);
  });

  it('writes the inbox entry and the mail in the recipient’s language', async () => {
    const email = `lectrice-${Date.now()}@example.org`;
    await api.http
      .post('/api/v1/auth/register')
      .send({ email, password: 'une phrase de passe sûre', displayName: 'Lectrice', locale: 'fr' })
      .expect(202);
    const login = await api.http.post('/api/v1/auth/login').send({ email, password: 'une phrase de passe sûre' }).expect(200);
    const author = await confirmEmail(api, {
      id: login.body.user.id as string,
      email,
      password: 'une phrase de passe sûre',
      displayName: 'Lectrice',
      accessToken: login.body.accessToken as string,
      refreshToken: login.body.refreshToken as string,
      auth: `Bearer ${login.body.accessToken as string}`,
    });
    const proposal = await createProposal(api, await registerUser(api), { title: 'Des bancs au bord de l’eau' });
    const first = await comment(author, proposal.id, 'Près du pont, s’il vous plaît.');
    await comment(await registerUser(api), proposal.id, 'D’accord.', first.body.id as string);

    const message = await mail.next(email, (candidate) => candidate.subject.startsWith('Une réponse'));
    expect(message.subject).toBe('Une réponse à votre commentaire sur « Des bancs au bord de l’eau »');
    expect(message.text).toContain('Quelqu’un a répondu à votre commentaire');
    expect(message.text).toContain(`/proposals/${proposal.id}`);
    expect(message.html).toContain('<html lang="fr">');
    // The api keeps its English words, with the kind and params a client writes in its own language.
    const [entry] = await inbox(author);
    expect(entry).toMatchObject({ kind: 'comment_reply', title: 'A reply to your comment on “Des bancs au bord de l’eau”' });
    expect(entry.params).toEqual({ title: 'Des bancs au bord de l’eau' });
  });

  it('mails a reply at once with a List-Unsubscribe header, and its link unsubscribes without signing in', async () => {
    const author = await confirmEmail(api, await registerUser(api));
    const replier = await registerUser(api);
    const proposal = await createProposal(api, await registerUser(api));
    const first = await comment(author, proposal.id, 'Benches near the bridge, please.');
    await comment(replier, proposal.id, 'Agreed, and shade too.', first.body.id as string);

    const message = await mail.next(author.email, (candidate) => candidate.subject.startsWith('A reply to your comment'));
    expect(message.html).toContain('Someone replied to your comment');
    expect(message.headers.get('list-unsubscribe')).toMatch(/^<https?:\/\/\S+\/api\/v1\/notifications\/unsubscribe\?token=\S+>$/);
    expect(message.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // Named after its notification: sent twice (a worker died between the send and its record), it is one message.
    const [notification] = (await api.http.get('/api/v1/notifications').set('Authorization', author.auth).expect(200)).body.items as {
      id: string;
    }[];
    expect(message.headers.get('message-id')).toBe(`<notification-${notification.id}@localhost>`);
    // The message's own link opens the site's page, which asks and changes nothing by being opened.
    const page = new URL(/https?:\/\/\S+\/unsubscribe\?token=\S+/.exec(message.text)?.[0] ?? 'http://x/');
    expect(page.pathname).toBe('/unsubscribe');
    const asked = await api.http.get(`${page.pathname}${page.search}`).expect(200);
    expect(asked.text).toContain('Stop these emails');
    expect((await api.http.get('/api/v1/me/notification-preferences').set('Authorization', author.auth).expect(200)).body).toContainEqual({
      kind: 'comment_reply',
      email: 'immediate',
    });
    // Mail clients post to the header's address in one click.
    const link = /<(\S+)>/.exec(message.headers.get('list-unsubscribe') as string)?.[1] as string;
    const unsubscribed = await api.http.post(new URL(link).pathname + new URL(link).search).expect(200);
    expect(unsubscribed.body).toEqual({ unsubscribed: 'comment_reply' });
    const preferences = await api.http.get('/api/v1/me/notification-preferences').set('Authorization', author.auth).expect(200);
    expect(preferences.body).toContainEqual({ kind: 'comment_reply', email: 'off' });
    expect(preferences.body).toContainEqual({ kind: 'council_decision', email: 'immediate' });
    await api.http.post('/api/v1/notifications/unsubscribe').query({ token: 'forged.token' }).expect(400);

    // Another reply: in the inbox, never mailed. An answer (still immediate) is mailed after it.
    await comment(replier, proposal.id, 'And a drinking fountain.', first.body.id as string);
    await eventually(async () => {
      const [row] = await db.query<{ pushed: boolean }[]>(
        `SELECT bool_and(pushed_at IS NOT NULL) AS pushed FROM notification WHERE user_id = $1 AND kind = 'comment_reply' HAVING count(*) = 2`,
        [author.id],
      );
      expect(row?.pushed).toBe(true);
    });
    await follow(author, proposal.id);
    await api.http
      .post(`/api/v1/proposals/${proposal.id}/answer`)
      .set('Authorization', official.auth)
      .send({ status: 'accepted', answer: 'We will place four benches.' })
      .expect(200);
    await mail.next(author.email, (candidate) => candidate.subject.includes('was answered: accepted'));
    expect(mail.to(author.email).filter((candidate) => candidate.subject.startsWith('A reply'))).toHaveLength(1);
  });

  it('honours preferences per kind and groups a digest by resource, once', async () => {
    const reader = await confirmEmail(api, await registerUser(api));
    const others = [await registerUser(api), await registerUser(api)];
    const first = await createProposal(api, others[0], { title: 'Trees on Market Street' });
    const second = await createProposal(api, others[1], { title: 'A crossing at the school' });
    const set = await api.http
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', reader.auth)
      .send({
        preferences: [
          { kind: 'proposal_answered', email: 'daily' },
          { kind: 'comment_on_followed', email: 'daily' },
        ],
      })
      .expect(200);
    expect(set.body).toContainEqual({ kind: 'proposal_answered', email: 'daily' });
    await api.http
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', reader.auth)
      .send({ preferences: [{ kind: 'spam', email: 'daily' }] })
      .expect(400);
    await api.http
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', reader.auth)
      .send({ preferences: [{ kind: 'comment_reply', email: 'hourly' }] })
      .expect(400);

    await follow(reader, first.id);
    await follow(reader, second.id);
    await comment(others[1], first.id, 'Plane trees give the most shade.');
    await comment(others[1], first.id, 'Maybe lindens instead.');
    await comment(others[0], second.id, 'Children cross here at 8:15.');
    await api.http
      .post(`/api/v1/proposals/${first.id}/answer`)
      .set('Authorization', official.auth)
      .send({ status: 'evaluating', answer: 'We are studying it.' })
      .expect(200);
    await eventually(async () => expect(await inbox(reader)).toHaveLength(4));

    const queue = worker.app.get(JobQueue);
    await finished(await queue.enqueue('notifications.schedule-digests', { period: 'daily' }));
    const digest = await mail.next(reader.email, (candidate) => candidate.subject.includes('updates'));
    expect(digest.subject).toBe('4 updates on “Trees on Market Street” and 1 more');
    expect(digest.text).toContain(
      'Trees on Market Street\n- New comment on “Trees on Market Street” (×2)\n- “Trees on Market Street” was answered: being evaluated',
    );
    expect(digest.text).toContain('A crossing at the school\n- New comment on “A crossing at the school”');
    expect(digest.html).toContain('<h3>');
    expect(digest.headers.get('list-unsubscribe')).toContain('/api/v1/notifications/unsubscribe?token=');

    await finished(await queue.enqueue('notifications.schedule-digests', { period: 'daily' }));
    await finished(await queue.enqueue('notifications.schedule-digests', { period: 'weekly' }));
    const [{ unmailed }] = await db.query<{ unmailed: string }[]>(
      'SELECT count(*) AS unmailed FROM notification WHERE user_id = $1 AND emailed_at IS NULL',
      [reader.id],
    );
    expect(Number(unmailed)).toBe(0);
    // The address confirmation, and one digest: nothing of the four was mailed at once or twice.
    expect(
      mail
        .to(reader.email)
        .map((candidate) => candidate.subject)
        .sort(),
    ).toEqual(['Confirm your email address for Polity', digest.subject].sort());
  });
});
