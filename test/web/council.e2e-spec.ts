import type { MeetingView } from '@polity/contracts';
import {
  addAgendaItem,
  axeViolations,
  createMeeting,
  createProposal,
  createUserWithRoles,
  expectEventually,
  listenToStatus,
  liveReady,
  markUnreloaded,
  openForDecision,
  registerUser,
  statusSaid,
  type TestUser,
  wasNotReloaded,
  webWorld,
} from '@polity/testing';

describe('council meetings on the web site', () => {
  const world = webWorld();
  let clerk: TestUser;
  let author: TestUser;

  beforeAll(async () => {
    [clerk, author] = await Promise.all([createUserWithRoles(world.api, ['council']), registerUser(world.api)]);
  });

  const reader = (options: { locale?: string; javaScript?: boolean; width?: number } = {}) => world.reader(options);

  async function streamedMeeting(title = 'Budget council'): Promise<MeetingView> {
    return createMeeting(world.api, clerk, { title, streamUrl: 'https://www.youtube.com/watch?v=abcdefghijk' });
  }

  it('lists meetings with the calendar feed, and shows one with its titled stream frame and a link to watch elsewhere', async () => {
    const meeting = await streamedMeeting('Planning committee');
    const { page } = await reader();
    await page.goto(`${world.api.url}/meetings`);
    await expect(page.getByRole('link', { name: /iCalendar/ }).getAttribute('href')).resolves.toBe('/api/v1/meetings.ics');
    await page.getByRole('link', { name: 'Planning committee' }).first().click();
    const frame = page.locator('iframe');
    await expect(frame.getAttribute('title')).resolves.toBe('Live video of Planning committee');
    await expect(frame.getAttribute('src')).resolves.toBe('https://www.youtube-nocookie.com/embed/abcdefghijk');
    await expect(page.getByRole('link', { name: 'Watch it on the stream’s own site' }).getAttribute('href')).resolves.toBe(
      'https://www.youtube.com/watch?v=abcdefghijk',
    );
    expect(new URL(page.url()).pathname).toBe(`/meetings/${meeting.id}`);
  });

  it('live meeting: the item opened and the decision recorded reach a reader without reload, the log and status region saying so', async () => {
    const { id: proposalId } = await createProposal(world.api, author, { title: 'A crossing by the school' });
    const meeting = await streamedMeeting();
    const item = await addAgendaItem(world.api, clerk, meeting.id, [{ kind: 'proposals', id: proposalId }], 'School crossing');
    const { page } = await reader({ javaScript: true });
    const proposalPage = (await reader({ javaScript: true })).page;
    await page.goto(`${world.api.url}/meetings/${meeting.id}`);
    await proposalPage.goto(`${world.api.url}/proposals/${proposalId}`);
    await Promise.all([liveReady(page), liveReady(proposalPage)]);
    await Promise.all([markUnreloaded(page), markUnreloaded(proposalPage), listenToStatus(page), listenToStatus(proposalPage)]);

    await openForDecision(world.api, clerk, meeting.id, item.id);
    await expectEventually(
      async () => expect(await page.locator('[aria-current="step"]').innerText()).toContain('Now being discussed'),
      10_000,
      100,
    );
    await expectEventually(
      async () => expect(await page.locator('[data-live-part="status"]').innerText()).toContain('Live now'),
      10_000,
      100,
    );

    await world.api.http
      .post(`/api/v1/meetings/${meeting.id}/agenda/${item.id}/decisions`)
      .set('Authorization', clerk.auth)
      .set('Idempotency-Key', 'crossing-1')
      .send({
        outcome: 'approved',
        text: 'A raised crossing is approved.',
        rollCall: [
          { name: 'A. Berger', vote: 'for' },
          { name: 'J. Dupont', vote: 'against' },
        ],
        proposalStatus: 'accepted',
      })
      .expect(201);
    const log = page.getByRole('log');
    await expectEventually(async () => expect(await log.innerText()).toContain('A raised crossing is approved.'), 10_000, 100);
    await expect(log.locator('table').textContent()).resolves.toMatch(/A\. Berger\s*For/);
    await expectEventually(
      async () => expect(await statusSaid(page)).toContain('Decision on Item 1: School crossing: Approved'),
      5_000,
      100,
    );

    // The proposal's page hears of it too, with a link to the meeting.
    const decisions = proposalPage.getByRole('region', { name: 'Council decisions' });
    await expectEventually(async () => expect(await decisions.innerText()).toContain('A raised crossing is approved.'), 10_000, 100);
    await expect(decisions.getByRole('link', { name: meeting.title }).getAttribute('href')).resolves.toMatch(
      new RegExp(`^/meetings/${meeting.id}#decision-`),
    );
    // The decision set the proposal's status as well: both said at once.
    await expectEventually(
      async () =>
        expect((await statusSaid(proposalPage)).join(' ')).toContain('Status: Accepted. A council decision about this was recorded.'),
      5_000,
      100,
    );
    for (const seen of [page, proposalPage]) await expect(wasNotReloaded(seen)).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await axeViolations(proposalPage)).toEqual([]);
  });

  for (const javaScript of [false, true]) {
    it(`follows a meeting; its followers are told when it starts, with a link to it (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const meeting = await streamedMeeting(`Follow me ${javaScript ? 'live' : 'plain'}`);
      const { user, page } = await reader({ javaScript });
      await page.goto(`${world.api.url}/meetings/${meeting.id}`);
      await page.getByRole('button', { name: 'Follow this meeting' }).click();
      await page.getByRole('button', { name: 'Stop following' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/meetings/${meeting.id}`);
      await world.api.http.post(`/api/v1/meetings/${meeting.id}/start`).set('Authorization', clerk.auth).expect(200);
      const told = await expectEventually(
        async () => {
          const inbox = await world.api.http.get('/api/v1/notifications').set('Authorization', user.auth).expect(200);
          const found = (inbox.body.items as { kind: string; resource: { id: string } }[]).find((n) => n.kind === 'meeting_started');
          expect({ items: inbox.body.items, found }).toEqual(expect.objectContaining({ found: expect.anything() }));
          return found;
        },
        15_000,
        200,
      );
      expect(told?.resource.id).toBe(meeting.id);
      await page.goto(`${world.api.url}/notifications`);
      const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `“${meeting.title}” has started` }) });
      await expect(entry.getByRole('link').first().getAttribute('href')).resolves.toBe(`/meetings/${meeting.id}`);
    }, 180_000);
  }

  it('has no WCAG 2.1 AA violation on the meetings list and a meeting scheduled, live, ended and cancelled, in both languages', async () => {
    const scheduled = await streamedMeeting('Scheduled');
    const live = await streamedMeeting('Live');
    const item = await addAgendaItem(world.api, clerk, live.id, [], 'Item');
    await openForDecision(world.api, clerk, live.id, item.id);
    await world.api.http
      .post(`/api/v1/meetings/${live.id}/agenda/${item.id}/decisions`)
      .set('Authorization', clerk.auth)
      .send({ outcome: 'deferred', text: 'Deferred to next month.', votes: { for: 3, against: 2, abstain: 0 } })
      .expect(201);
    const ended = await streamedMeeting('Ended');
    await world.api.http.post(`/api/v1/meetings/${ended.id}/start`).set('Authorization', clerk.auth).expect(200);
    await world.api.http.post(`/api/v1/meetings/${ended.id}/end`).set('Authorization', clerk.auth).expect(200);
    const cancelled = await streamedMeeting('Cancelled');
    await world.api.http
      .post(`/api/v1/meetings/${cancelled.id}/cancel`)
      .set('Authorization', clerk.auth)
      .send({ reason: 'No quorum.' })
      .expect(200);
    for (const locale of ['en-GB', 'fr-FR']) {
      const { page } = await reader({ locale, javaScript: true });
      for (const path of ['/meetings', ...[scheduled, live, ended, cancelled].map((m) => `/meetings/${m.id}`)]) {
        await page.goto(`${world.api.url}${path}`);
        expect({ path, locale, violations: await axeViolations(page) }).toEqual({ path, locale, violations: [] });
      }
    }
  }, 180_000);
});
