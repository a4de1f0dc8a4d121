import { randomUUID } from 'node:crypto';
import type { Role } from '@polity/contracts';
import {
  addAgendaItem,
  createMeeting,
  createProposal,
  createSurvey,
  createThread,
  createUserWithRoles,
  expectEventually,
  publishSurvey,
  registerUser,
  type RunningApp,
  startTestWorker,
  type TestUser,
  votingBudget,
} from '@polity/testing';
import { DataSource } from 'typeorm';

export const CALLERS = ['anonymous', 'citizen', 'victim', 'moderator', 'official', 'council', 'admin'] as const;
export type CallerName = (typeof CALLERS)[number];

/** A string that only its owner (and, for addresses, admins) may ever read in a response. */
export interface Marker {
  text: string;
  /** Null: nobody may read it back, not even its owner (a census identifier). */
  ownerId: string | null;
  adminsMaySee: boolean;
}

/** A route that only the owner of the resource in its path may use successfully. */
export interface OwnedRoute {
  method: string;
  path: string;
  ownerId: string;
}

export interface World {
  users: Record<Exclude<CallerName, 'anonymous'>, TestUser>;
  grantedRoles: Record<Exclude<CallerName, 'anonymous'>, Role[]>;
  /** Ids and words to put in paths and fields: every resource made here, every person, a few names. */
  pool: string[];
  markers: Marker[];
  owned: OwnedRoute[];
}

const WORDS = [
  'proposals',
  'budgets',
  'budget-projects',
  'threads',
  'surveys',
  'meetings',
  'proposal',
  'comment',
  'support',
  'me_too',
  'spam',
  'account',
  'maintenance',
  'latest',
  'datapackage.json',
  'proposals.csv',
  'north',
  '*',
];

/**
 * The residents, staff and content the fuzzer works on, made through the API (and a worker, for
 * the victim's notification). The victim owns private things that every other caller must never
 * see or change.
 */
export async function buildWorld(api: RunningApp): Promise<World> {
  const worker = await startTestWorker();
  try {
    const grantedRoles = {
      citizen: [],
      victim: [],
      moderator: ['moderator'],
      official: ['official'],
      council: ['council'],
      admin: ['admin'],
    } as Record<Exclude<CallerName, 'anonymous'>, Role[]>;
    const users = {} as World['users'];
    for (const name of Object.keys(grantedRoles) as Exclude<CallerName, 'anonymous'>[]) {
      users[name] = grantedRoles[name].length ? await createUserWithRoles(api, grantedRoles[name] as never) : await registerUser(api);
    }
    const { victim, citizen, moderator, official, council, admin } = users;
    const device = `victim-device-${randomUUID()}`;
    await api.http
      .post('/api/v1/auth/login')
      .set('user-agent', device)
      .send({ email: victim.email, password: victim.password })
      .expect(200);
    const censusIdentifier = `FUZZCENSUS${randomUUID().slice(0, 8).toUpperCase()}`;
    await api.http
      .post('/api/v1/admin/census')
      .set('Authorization', admin.auth)
      .set('Content-Type', 'text/csv')
      .send(`identifier,birth_date\n${censusIdentifier},1961-07-14\n`)
      .expect(201);
    await api.http.put('/api/v1/admin/districts/north').set('Authorization', admin.auth).send({ name: 'North' }).expect(200);

    const proposal = await createProposal(api, victim);
    const comment = (
      await api.http
        .post(`/api/v1/proposals/${proposal.id}/comments`)
        .set('Authorization', victim.auth)
        .send({ body: 'My own view.' })
        .expect(201)
    ).body as { id: string };
    await api.http
      .post(`/api/v1/proposals/${proposal.id}/comments`)
      .set('Authorization', citizen.auth)
      .send({ body: 'A reply.', parentId: comment.id })
      .expect(201);
    const { budget, projects } = await votingBudget(api, official, [100, 200]);
    await api.http
      .put(`/api/v1/budgets/${budget.id}/ballot`)
      .set('Authorization', victim.auth)
      .send({ projectIds: [projects[0].id] })
      .expect(200);
    const survey = await createSurvey(api, official, { opensAt: new Date(Date.now() - 60_000).toISOString() });
    await publishSurvey(api, official, survey.id);
    await api.http
      .put(`/api/v1/surveys/${survey.id}/response`)
      .set('Authorization', victim.auth)
      .send({ answers: { happy: 4 } })
      .expect(200);
    const thread = await createThread(api, official);
    const post = (
      await api.http
        .post(`/api/v1/threads/${thread.id}/posts`)
        .set('Authorization', victim.auth)
        .send({ type: 'idea', body: 'An idea from me.' })
        .expect(201)
    ).body as { id: string };
    const meeting = await createMeeting(api, council);
    const item = await addAgendaItem(api, council, meeting.id, [{ kind: 'proposals', id: proposal.id }]);

    // A decision on the victim's second comment, which only the victim may appeal.
    const judged = (
      await api.http
        .post(`/api/v1/proposals/${proposal.id}/comments`)
        .set('Authorization', victim.auth)
        .send({ body: 'Judged words.' })
        .expect(201)
    ).body as { id: string };
    await api.http
      .post('/api/v1/reports')
      .set('Authorization', citizen.auth)
      .send({ kind: 'comments', id: judged.id, reason: 'spam' })
      .expect(201);
    const db = api.app.get(DataSource);
    const [moderationItem] = await db.query<{ id: string }[]>(`SELECT id FROM moderation_item WHERE content_id = $1`, [judged.id]);
    const decision = (
      await api.http
        .post(`/api/v1/moderation/items/${moderationItem.id}/decision`)
        .set('Authorization', moderator.auth)
        .send({ action: 'hide', template: 'spam' })
        .expect(201)
    ).body as { id: string };
    const notification = await expectEventually(async () => {
      const [row] = await db.query<{ id: string }[]>(`SELECT id FROM notification WHERE user_id = $1 ORDER BY created_at LIMIT 1`, [
        victim.id,
      ]);
      if (!row) throw new Error('no notification for the victim yet');
      return row;
    }, 15_000);

    // The notification's id is a marker, so the fuzzer never writes it into public text; it reaches
    // its route through `owned` only.
    const victimIds = [proposal.id, comment.id, post.id, decision.id];
    const pool = [
      ...WORDS,
      ...Object.values(users).map((user) => user.id),
      proposal.id,
      comment.id,
      judged.id,
      budget.id,
      ...projects.map((project) => project.id),
      survey.id,
      thread.id,
      post.id,
      meeting.id,
      item.id,
      moderationItem.id,
      decision.id,
      // The victim's own things come up often, so that owner-only routes meet them.
      ...victimIds,
      ...victimIds,
      ...victimIds,
    ];
    const markers: Marker[] = [
      { text: device, ownerId: victim.id, adminsMaySee: false },
      { text: censusIdentifier, ownerId: null, adminsMaySee: false },
      { text: notification.id, ownerId: victim.id, adminsMaySee: false },
      ...Object.values(users).flatMap((user): Marker[] => [
        { text: user.email, ownerId: user.id, adminsMaySee: true },
        { text: user.password, ownerId: null, adminsMaySee: false },
        { text: user.refreshToken, ownerId: null, adminsMaySee: false },
        { text: user.accessToken, ownerId: null, adminsMaySee: false },
      ]),
    ];
    const owned: OwnedRoute[] = [
      { method: 'PATCH', path: `/api/v1/proposals/${proposal.id}`, ownerId: victim.id },
      { method: 'POST', path: `/api/v1/proposals/${proposal.id}/withdraw`, ownerId: victim.id },
      { method: 'PATCH', path: `/api/v1/comments/${comment.id}`, ownerId: victim.id },
      { method: 'DELETE', path: `/api/v1/comments/${comment.id}`, ownerId: victim.id },
      { method: 'PATCH', path: `/api/v1/threads/${thread.id}/posts/${post.id}`, ownerId: victim.id },
      { method: 'DELETE', path: `/api/v1/threads/${thread.id}/posts/${post.id}`, ownerId: victim.id },
      { method: 'POST', path: `/api/v1/notifications/${notification.id}/read`, ownerId: victim.id },
      { method: 'POST', path: `/api/v1/moderation/decisions/${decision.id}/appeal`, ownerId: victim.id },
    ];
    return { users, grantedRoles, pool, markers, owned };
  } finally {
    await worker.close();
  }
}
