import type { MeetingSummaryView } from '@polity/contracts';
import { createMeeting, createTestApp, createUserWithRoles, registerUser, RunningApp, TestUser } from '@polity/testing';
import ICAL from 'ical.js';

describe('council meetings: scheduling, streams, the iCalendar feed and who may act as clerk', () => {
  let api: RunningApp;
  let clerk: TestUser;
  let official: TestUser;
  let citizen: TestUser;

  beforeAll(async () => {
    api = await createTestApp({ COUNCIL_PEERTUBE_HOSTS: 'videos.example-city.org', COUNCIL_HLS_HOSTS: 'live.example-city.org' });
    clerk = await createUserWithRoles(api, ['council']);
    official = await createUserWithRoles(api, ['official']);
    citizen = await registerUser(api);
  });
  afterAll(() => api.close());

  const schedule = (user: TestUser, body: Record<string, unknown>) =>
    api.http
      .post('/api/v1/meetings')
      .set('Authorization', user.auth)
      .send({
        body: 'City council',
        title: 'A meeting',
        place: 'Town hall',
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        ...body,
      });

  it('lets only clerks schedule meetings', async () => {
    await schedule(citizen, {}).expect(403);
    await schedule(official, {}).expect(403);
    const meeting = await schedule(clerk, { description: 'Budget and libraries' }).expect(201);
    expect(meeting.body).toMatchObject({ status: 'scheduled', stream: null, agenda: [], description: 'Budget and libraries' });
    await api.http.patch(`/api/v1/meetings/${meeting.body.id}`).set('Authorization', citizen.auth).send({ title: 'Hijacked' }).expect(403);
  });

  it('turns known video addresses into embeddable ones and refuses scripts and unknown hosts', async () => {
    const youtube = await schedule(clerk, { streamUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }).expect(201);
    expect(youtube.body.stream).toEqual({
      provider: 'youtube',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
    const peertube = await schedule(clerk, { streamUrl: 'https://videos.example-city.org/w/kkGMgK9ZtnKfYAgnEtQxbv' }).expect(201);
    expect(peertube.body.stream.embedUrl).toBe('https://videos.example-city.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv');
    const hls = await schedule(clerk, { streamUrl: 'https://live.example-city.org/council/main.m3u8' }).expect(201);
    expect(hls.body.stream.provider).toBe('hls');

    for (const streamUrl of [
      'javascript:alert(document.cookie)',
      '<script>alert(1)</script>',
      'https://videos.evil.example/w/kkGMgK9ZtnKfYAgnEtQxbv',
      'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    ]) {
      const refused = await schedule(clerk, { streamUrl }).expect(422);
      expect(refused.body).toMatchObject({ code: 'invalid_stream_url', errors: [{ field: 'streamUrl' }] });
    }
    const updated = await api.http
      .patch(`/api/v1/meetings/${youtube.body.id}`)
      .set('Authorization', clerk.auth)
      .send({ streamUrl: 'data:text/html,<b>hi</b>' })
      .expect(422);
    expect(updated.body.code).toBe('invalid_stream_url');
    const removed = await api.http
      .patch(`/api/v1/meetings/${youtube.body.id}`)
      .set('Authorization', clerk.auth)
      .send({ streamUrl: null })
      .expect(200);
    expect(removed.body.stream).toBeNull();
  });

  it('publishes recordings and Markdown minutes afterwards, rendered safely', async () => {
    const meeting = await createMeeting(api, clerk);
    const patched = await api.http
      .patch(`/api/v1/meetings/${meeting.id}`)
      .set('Authorization', clerk.auth)
      .send({
        recordingUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        minutes: '# Minutes\n\n**Present**: 31 members <script>x()</script>',
      })
      .expect(200);
    expect(patched.body.minutesHtml).toContain('<strong>Present</strong>');
    expect(patched.body.minutesHtml).not.toContain('<script>');
    await api.http
      .patch(`/api/v1/meetings/${meeting.id}`)
      .set('Authorization', clerk.auth)
      .send({ recordingUrl: 'javascript:alert(1)' })
      .expect(400);
    const backwards = await api.http
      .patch(`/api/v1/meetings/${meeting.id}`)
      .set('Authorization', clerk.auth)
      .send({ endsAt: new Date(new Date(meeting.scheduledAt).getTime() - 60_000).toISOString() })
      .expect(422);
    expect(backwards.body.code).toBe('ends_before_start');
  });

  it('serves upcoming meetings as an iCalendar feed that parses, without ended ones', async () => {
    // iCalendar times have whole seconds.
    const scheduledAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 86_400_000).toISOString();
    const upcoming = await createMeeting(api, clerk, {
      scheduledAt,
      title: 'Mobility committee, spring plan',
      body: 'Mobility committee',
      place: 'Room 2; town hall',
    });
    const ended = await createMeeting(api, clerk, { title: 'Already over' });
    await api.http.post(`/api/v1/meetings/${ended.id}/start`).set('Authorization', clerk.auth).expect(200);
    await api.http.post(`/api/v1/meetings/${ended.id}/end`).set('Authorization', clerk.auth).expect(200);

    const response = await api.http.get('/api/v1/meetings.ics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(response.text));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    const mine = events.find((event) => event.uid === `${upcoming.id}@polity`);
    expect(mine?.summary).toBe('Mobility committee: Mobility committee, spring plan');
    expect(mine?.location).toBe('Room 2; town hall');
    expect(mine?.startDate.toJSDate().toISOString()).toBe(upcoming.scheduledAt);
    expect(events.some((event) => event.uid === `${ended.id}@polity`)).toBe(false);

    const past = await api.http.get('/api/v1/meetings').query({ when: 'past', limit: 100 }).expect(200);
    expect((past.body.items as MeetingSummaryView[]).some((meeting) => meeting.id === ended.id && meeting.status === 'ended')).toBe(true);
  });

  it('calls off a meeting that has not started, with a reason the feed and the agenda respect', async () => {
    const meeting = await createMeeting(api, clerk, { title: 'Winter maintenance hearing' });
    const cancel = (user: TestUser, id: string, body: object) =>
      api.http.post(`/api/v1/meetings/${id}/cancel`).set('Authorization', user.auth).send(body);
    await cancel(citizen, meeting.id, { reason: 'No quorum' }).expect(403);
    await cancel(official, meeting.id, { reason: 'No quorum' }).expect(403);
    expect((await cancel(clerk, meeting.id, {}).expect(400)).body.errors[0].field).toBe('reason');

    const cancelled = await cancel(clerk, meeting.id, { reason: 'Postponed: no quorum; a new date follows.' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'Postponed: no quorum; a new date follows.' });
    expect((await cancel(clerk, meeting.id, { reason: 'Again' }).expect(409)).body.code).toBe('invalid_transition');
    expect((await api.http.post(`/api/v1/meetings/${meeting.id}/start`).set('Authorization', clerk.auth).expect(409)).body.code).toBe(
      'invalid_transition',
    );
    const addItem = await api.http
      .post(`/api/v1/meetings/${meeting.id}/agenda`)
      .set('Authorization', clerk.auth)
      .send({ title: 'Snow clearing routes' })
      .expect(409);
    expect(addItem.body.code).toBe('meeting_ended');

    const feed = new ICAL.Component(ICAL.parse((await api.http.get('/api/v1/meetings.ics').expect(200)).text));
    const event = feed.getAllSubcomponents('vevent').find((vevent) => vevent.getFirstPropertyValue('uid') === `${meeting.id}@polity`);
    expect(event?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(String(event?.getFirstPropertyValue('description'))).toContain('Postponed: no quorum; a new date follows.');

    // Under way, a meeting adjourns or ends instead; what it decided stands.
    const started = await createMeeting(api, clerk, { title: 'Already running' });
    await api.http.post(`/api/v1/meetings/${started.id}/start`).set('Authorization', clerk.auth).expect(200);
    await cancel(clerk, started.id, { reason: 'Too late' }).expect(409);
  });
});
