import type { DecisionView, MeetingView, ResourceLinkView, ThreadTimelineEntry } from '@polity/contracts';
import {
  addAgendaItem,
  connectSocket,
  createBudget,
  createMeeting,
  createProposal,
  createSurvey,
  createTestApp,
  createThread,
  createUserWithRoles,
  movePhase,
  nextEvent,
  openForDecision,
  publishSurvey,
  registerUser,
  RunningApp,
  subscribe,
  TestUser,
} from '@polity/testing';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';

describe('council live control: start → item → decision → end, reaching every linked room', () => {
  let api: RunningApp;
  let clerk: TestUser;
  let official: TestUser;
  let citizen: TestUser;
  let db: DataSource;
  const sockets: Socket[] = [];

  const watch = async (room: string): Promise<Socket> => {
    const socket = await connectSocket(api.url);
    sockets.push(socket);
    expect(await subscribe(socket, room)).toMatchObject({ ok: true });
    return socket;
  };
  const decide = (meetingId: string, itemId: string, body: Record<string, unknown>, user = clerk) =>
    api.http.post(`/api/v1/meetings/${meetingId}/agenda/${itemId}/decisions`).set('Authorization', user.auth).send(body);

  beforeAll(async () => {
    api = await createTestApp();
    db = api.app.get(DataSource);
    clerk = await createUserWithRoles(api, ['council']);
    official = await createUserWithRoles(api, ['official']);
    citizen = await registerUser(api);
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await api.close();
  });

  it('pushes each step to the meeting room and the decision to every linked room, setting the proposal status', async () => {
    const proposal = await createProposal(api, citizen);
    const thread = await createThread(api, official, { links: [{ kind: 'proposals', id: proposal.id }] });
    const budget = await movePhase(api, official, (await createBudget(api, official)).id, 'proposing');
    const survey = await publishSurvey(api, official, (await createSurvey(api, official)).id);
    const links: ResourceLinkView[] = [
      { kind: 'threads', id: thread.id },
      { kind: 'proposals', id: proposal.id },
      { kind: 'budgets', id: budget.id },
      { kind: 'surveys', id: survey.id },
    ];
    const meeting = await createMeeting(api, clerk);
    const item = await addAgendaItem(api, clerk, meeting.id, links, 'Longer library hours');
    expect(item.links).toEqual(links);

    const meetingRoom = await watch(`meetings:${meeting.id}`);
    const linkedRooms = await Promise.all([
      watch(`threads:${thread.id}`),
      watch(`proposals:${proposal.id}`),
      watch(`budgets:${budget.id}`),
      watch(`surveys:${survey.id}`),
    ]);

    const started = nextEvent(meetingRoom, 'meeting.status');
    await api.http.post(`/api/v1/meetings/${meeting.id}/start`).set('Authorization', clerk.auth).expect(200);
    expect((await started).data).toMatchObject({ id: meeting.id, from: 'scheduled', to: 'live' });

    const opened = nextEvent(meetingRoom, 'meeting.item');
    await api.http.post(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/open`).set('Authorization', clerk.auth).expect(200);
    expect((await opened).data).toMatchObject({ id: item.id, status: 'open' });

    const inMeeting = nextEvent(meetingRoom, 'decision.recorded');
    const inLinked = linkedRooms.map((socket) => nextEvent(socket, 'decision.recorded'));
    const proposalUpdated = nextEvent(linkedRooms[1], 'proposal.updated', (message) => message.data.status === 'accepted');
    const recorded = await decide(meeting.id, item.id, {
      outcome: 'approved',
      text: 'Libraries open until 20:00 from March.',
      votes: { for: 21, against: 9, abstain: 1 },
      proposalStatus: 'accepted',
    }).expect(201);
    const decision = recorded.body as DecisionView;
    expect(decision).toMatchObject({
      outcome: 'approved',
      votes: { for: 21, against: 9, abstain: 1 },
      meeting: { id: meeting.id },
      agendaItem: { id: item.id, title: 'Longer library hours' },
      links,
      revision: 1,
      corrections: [],
    });
    expect((await inMeeting).data.id).toBe(decision.id);
    for (const pushed of await Promise.all(inLinked)) expect(pushed.data).toMatchObject({ id: decision.id, outcome: 'approved' });
    expect((await proposalUpdated).data.id).toBe(proposal.id);
    expect((await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(200)).body.status).toBe('accepted');

    const timeline = await api.http.get(`/api/v1/threads/${thread.id}/timeline`).expect(200);
    expect(timeline.body.items as ThreadTimelineEntry[]).toContainEqual(
      expect.objectContaining({
        type: 'decision',
        decision: expect.objectContaining({ decisionId: decision.id, outcome: 'approved', meetingId: meeting.id }),
      }),
    );

    const ended = nextEvent(meetingRoom, 'meeting.status');
    const closed = nextEvent(meetingRoom, 'meeting.item');
    await api.http.post(`/api/v1/meetings/${meeting.id}/end`).set('Authorization', clerk.auth).expect(200);
    expect((await ended).data).toMatchObject({ from: 'live', to: 'ended' });
    expect((await closed).data).toMatchObject({ id: item.id, status: 'closed' });
    const after = await api.http.get(`/api/v1/meetings/${meeting.id}`).expect(200);
    expect(after.body).toMatchObject({
      status: 'ended',
      currentItemId: null,
      agenda: [{ status: 'closed', decisions: [{ id: decision.id }] }],
    });
  });

  it('keeps corrections visible, applies them to the proposal and the thread, and lists decisions per resource', async () => {
    const proposal = await createProposal(api, citizen);
    const thread = await createThread(api, official);
    const meeting = await createMeeting(api, clerk);
    const item = await addAgendaItem(api, clerk, meeting.id, [
      { kind: 'proposals', id: proposal.id },
      { kind: 'threads', id: thread.id },
    ]);
    await openForDecision(api, clerk, meeting.id, item.id);
    const rollCall = [
      { name: 'A. Jansen', vote: 'for' },
      { name: 'B. de Vries', vote: 'against' },
      { name: 'C. Bakker', vote: 'for' },
    ];
    const recorded = await decide(meeting.id, item.id, {
      outcome: 'approved',
      text: 'Adopted.',
      rollCall,
      proposalStatus: 'accepted',
    }).expect(201);
    expect(recorded.body.votes).toEqual({ for: 2, against: 1, abstain: 0 });

    const proposalRoom = await watch(`proposals:${proposal.id}`);
    const correctedPush = nextEvent(proposalRoom, 'decision.corrected');
    const corrected = await api.http
      .post(`/api/v1/decisions/${recorded.body.id}/corrections`)
      .set('Authorization', clerk.auth)
      .send({
        outcome: 'rejected',
        rollCall: [...rollCall.slice(0, 2), { name: 'C. Bakker', vote: 'against' }],
        proposalStatus: 'rejected',
        reason: 'C. Bakker voted against; the clerk misheard.',
      })
      .expect(201);
    expect(corrected.body).toMatchObject({
      outcome: 'rejected',
      votes: { for: 1, against: 2, abstain: 0 },
      revision: 2,
      corrections: [
        {
          revision: 2,
          reason: 'C. Bakker voted against; the clerk misheard.',
          previous: { outcome: 'approved', votes: { for: 2, against: 1, abstain: 0 }, proposalStatus: 'accepted' },
        },
      ],
    });
    expect(corrected.body.correctedAt).not.toBeNull();
    expect((await correctedPush).data).toMatchObject({ id: recorded.body.id, revision: 2 });
    expect((await api.http.get(`/api/v1/proposals/${proposal.id}`).expect(200)).body.status).toBe('rejected');

    const timeline = await api.http.get(`/api/v1/threads/${thread.id}/timeline`).expect(200);
    expect(timeline.body.items).toEqual([
      expect.objectContaining({ type: 'decision', decision: expect.objectContaining({ revision: 2, outcome: 'rejected' }) }),
    ]);

    for (const path of [`/api/v1/proposals/${proposal.id}/decisions`, `/api/v1/threads/${thread.id}/decisions`]) {
      const listed = await api.http.get(path).expect(200);
      expect(listed.body.items).toMatchObject([
        { id: recorded.body.id, revision: 2, meeting: { id: meeting.id }, agendaItem: { id: item.id } },
      ]);
    }
    expect((await api.http.get(`/api/v1/budgets/${proposal.id}/decisions`).expect(404)).body.code).toBe('not_found');
    await api.http.get(`/api/v1/meetings/${proposal.id}/decisions`).expect(400);

    // The audit log has both, with their actor.
    const audit = await db.query<{ action: string }[]>(`SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY occurred_at`, [
      recorded.body.id,
    ]);
    expect(audit.map((row) => row.action)).toEqual(['decision.recorded', 'decision.corrected']);
  });

  it('refuses citizens and officials without the council role at every clerk step', async () => {
    const meeting = await createMeeting(api, clerk);
    const item = await addAgendaItem(api, clerk, meeting.id);
    for (const user of [citizen, official]) {
      await api.http.post(`/api/v1/meetings/${meeting.id}/start`).set('Authorization', user.auth).expect(403);
      await api.http
        .post(`/api/v1/meetings/${meeting.id}/agenda`)
        .set('Authorization', user.auth)
        .send({ title: 'Sneaked in' })
        .expect(403);
    }
    await openForDecision(api, clerk, meeting.id, item.id);
    for (const user of [citizen, official]) {
      await api.http.post(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/close`).set('Authorization', user.auth).expect(403);
      await decide(
        meeting.id,
        item.id,
        { outcome: 'approved', text: 'Self-approved', votes: { for: 1, against: 0, abstain: 0 } },
        user,
      ).expect(403);
    }
    const real = await decide(meeting.id, item.id, {
      outcome: 'deferred',
      text: 'Next month.',
      votes: { for: 0, against: 0, abstain: 0 },
    }).expect(201);
    await api.http
      .post(`/api/v1/decisions/${real.body.id}/corrections`)
      .set('Authorization', citizen.auth)
      .send({ reason: 'I disagree', outcome: 'approved' })
      .expect(403);
    expect(await db.query(`SELECT 1 FROM council_decision WHERE meeting_id = $1`, [meeting.id])).toHaveLength(1);
  });

  it('validates decisions, records one per Idempotency-Key, and fixes what a decided item concerns', async () => {
    const proposal = await createProposal(api, citizen);
    const thread = await createThread(api, official);
    const meeting = await createMeeting(api, clerk);
    const item = await addAgendaItem(api, clerk, meeting.id, [{ kind: 'threads', id: thread.id }]);
    const other = await addAgendaItem(api, clerk, meeting.id);
    await openForDecision(api, clerk, meeting.id, item.id);

    const mismatch = await decide(meeting.id, item.id, {
      outcome: 'approved',
      text: 'x',
      votes: { for: 5, against: 0, abstain: 0 },
      rollCall: [{ name: 'A. Jansen', vote: 'for' }],
    }).expect(422);
    expect(mismatch.body.code).toBe('roll_call_mismatch');
    const noProposal = await decide(meeting.id, item.id, {
      outcome: 'approved',
      text: 'x',
      votes: { for: 1, against: 0, abstain: 0 },
      proposalStatus: 'accepted',
    }).expect(422);
    expect(noProposal.body).toMatchObject({ code: 'no_linked_proposal', errors: [{ field: 'proposalStatus' }] });
    expect((await decide(meeting.id, item.id, { outcome: 'approved', text: 'x' }).expect(422)).body.code).toBe('votes_required');
    expect(
      (await decide(meeting.id, item.id, { outcome: 'maybe', text: 'x', votes: { for: 1, against: 0, abstain: 0 } }).expect(400)).body
        .errors[0].field,
    ).toBe('outcome');
    expect(
      (await decide(meeting.id, other.id, { outcome: 'approved', text: 'x', votes: { for: 1, against: 0, abstain: 0 } }).expect(409)).body
        .code,
    ).toBe('item_not_open');

    const body = { outcome: 'amended', text: 'Adopted as amended.', votes: { for: 20, against: 10, abstain: 1 } };
    const first = await decide(meeting.id, item.id, body).set('Idempotency-Key', 'clerk-tab-1:decision-1').expect(201);
    const again = await decide(meeting.id, item.id, body).set('Idempotency-Key', 'clerk-tab-1:decision-1').expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await db.query(`SELECT 1 FROM council_decision WHERE agenda_item_id = $1`, [item.id])).toHaveLength(1);

    const relink = await api.http
      .patch(`/api/v1/meetings/${meeting.id}/agenda/${item.id}`)
      .set('Authorization', clerk.auth)
      .send({ links: [{ kind: 'proposals', id: proposal.id }] })
      .expect(409);
    expect(relink.body.code).toBe('item_decided');

    // Opening another item closes the first; only one is ever open.
    await api.http.post(`/api/v1/meetings/${meeting.id}/agenda/${other.id}/open`).set('Authorization', clerk.auth).expect(200);
    const shown = await api.http.get(`/api/v1/meetings/${meeting.id}`).expect(200);
    expect((shown.body as MeetingView).agenda.map((entry) => entry.status)).toEqual(['closed', 'open']);
    expect(shown.body.currentItemId).toBe(other.id);
    await api.http.post(`/api/v1/meetings/${meeting.id}/start`).set('Authorization', clerk.auth).expect(409);
  });
});
