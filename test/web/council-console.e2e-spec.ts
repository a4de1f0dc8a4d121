import type { MeetingView } from '@polity/contracts';
import {
  addAgendaItem,
  axeViolations,
  createMeeting,
  createProposal,
  createUserWithRoles,
  expectEventually,
  liveReady,
  markUnreloaded,
  openForDecision,
  registerUser,
  tabTo,
  type TestUser,
  wasNotReloaded,
  webWorld,
} from '@polity/testing';
import type { Page } from 'playwright-core';

describe('the council clerks’ live console on the web site', () => {
  const world = webWorld();
  let clerk: TestUser;
  let author: TestUser;

  beforeAll(async () => {
    [clerk, author] = await Promise.all([createUserWithRoles(world.api, ['council']), registerUser(world.api)]);
  });

  const meetingOf = async (id: string): Promise<MeetingView> =>
    (await world.api.http.get(`/api/v1/meetings/${id}`).expect(200)).body as MeetingView;
  const notice = (page: Page) => page.locator('.polity-notice').first().innerText();

  it('is for clerks: a resident gets 403 on the console and its forms', async () => {
    const meeting = await createMeeting(world.api, clerk);
    const { page } = await world.reader();
    for (const path of ['/staff/meetings', `/staff/meetings/${meeting.id}`]) {
      const response = await page.goto(`${world.api.url}${path}`);
      expect([path, response?.status()]).toEqual([path, 403]);
    }
    const status = await page.evaluate(async (url) => {
      const token = (document.querySelector('input[name=_csrf]') as HTMLInputElement).value;
      return (await fetch(url, { method: 'POST', body: new URLSearchParams({ _csrf: token }), redirect: 'manual' })).status;
    }, `${world.api.url}/staff/meetings/${meeting.id}/start`);
    expect(status).toBe(403);
    await expect(meetingOf(meeting.id)).resolves.toMatchObject({ status: 'scheduled' });
  });

  it('without JavaScript: schedule (the stream checked as the api does), add an item linked to a proposal, start, open it, record, correct, end', async () => {
    const { id: proposalId } = await createProposal(world.api, author, { title: 'Benches along the river' });
    const page = await world.pageOf(clerk);
    await page.goto(`${world.api.url}/staff`);
    await page.getByRole('link', { name: 'Council meetings' }).click();
    await page.fill('#body', 'City council');
    await page.fill('#title', 'River council');
    await page.fill('#place', 'Town hall');
    await page.fill('#scheduledAt', '2031-05-20T18:30');
    await page.fill('#streamUrl', 'https://stream.example.test/watch/1');
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await expect(page.locator('#streamUrl-error').innerText()).resolves.toContain('This is not a stream address Polity can show');
    await expect(page.locator('#title').inputValue()).resolves.toBe('River council');
    await page.fill('#streamUrl', 'https://www.youtube.com/watch?v=abcdefghijk');
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await expect(notice(page)).resolves.toBe('The meeting is scheduled.');
    const meetingId = new URL(page.url()).pathname.split('/').pop() as string;
    const scheduled = await meetingOf(meetingId);
    // Typed as the site's wall-clock time (the test site is in UTC).
    expect(scheduled).toMatchObject({ title: 'River council', scheduledAt: '2031-05-20T18:30:00.000Z', stream: { provider: 'youtube' } });

    await page.locator('summary', { hasText: 'Add an agenda item' }).click();
    await page.fill('#item-title', 'Benches by the river');
    await page.fill('#links', `${world.api.url}/proposals/${proposalId}\n/nowhere/123`);
    await page.getByRole('button', { name: 'Add the item' }).click();
    await expect(page.locator('#links-error').innerText()).resolves.toContain('/nowhere/123');
    await page.fill('#links', `${world.api.url}/proposals/${proposalId}`);
    await page.getByRole('button', { name: 'Add the item' }).click();
    await expect(notice(page)).resolves.toBe('The item is on the agenda.');
    await expect(page.locator('[data-live-part="agenda"]').innerText()).resolves.toContain('Concerns: Benches along the river');

    await page.getByRole('button', { name: 'Start the meeting' }).click();
    await page.getByRole('button', { name: 'Open the next item: Benches by the river' }).click();
    await expect(notice(page)).resolves.toBe('The item is open.');
    await page.fill('#text', 'Ten benches are approved.');
    await page.fill('#rollCall', 'Ana Costa: for\nBen Okafor: pour\nChloé Lemaire: contre\nDev Patel: nobody');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect(page.locator('#rollCall-error').innerText()).resolves.toBe(
      'Line 4: write a name, a colon, and for, against, abstain or absent.',
    );
    await page.fill('#rollCall', 'Ana Costa: for\nBen Okafor: pour\nChloé Lemaire: contre\nDev Patel: absent');
    await page.selectOption('#proposalStatus', 'accepted');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect(notice(page)).resolves.toBe('The decision is recorded and published.');
    const [decision] = (await meetingOf(meetingId)).agenda[0].decisions;
    expect(decision).toMatchObject({ outcome: 'approved', votes: { for: 2, against: 1, abstain: 0 }, proposalStatus: 'accepted' });
    expect(decision.rollCall).toHaveLength(4);
    const proposal = await world.api.http.get(`/api/v1/proposals/${proposalId}`).expect(200);
    expect((proposal.body as { status: string }).status).toBe('accepted');
    await expect(page.locator('[data-live-part="residents"]').innerText()).resolves.toContain('Ten benches are approved.');

    await page.locator('summary', { hasText: 'Benches by the river: Approved' }).click();
    await page.locator(`#c-${decision.id}-outcome-amended`).check();
    await page.locator(`#c-${decision.id}-reason`).fill('The council amended the number during the vote.');
    await page.locator(`#c-${decision.id}-text`).fill('Eight benches are approved.');
    await page.getByRole('button', { name: 'Record the correction' }).click();
    await expect(notice(page)).resolves.toBe('The correction is recorded and published.');
    const corrected = (await meetingOf(meetingId)).agenda[0].decisions[0];
    expect(corrected).toMatchObject({ outcome: 'amended', text: 'Eight benches are approved.', revision: 2 });

    await page.getByRole('button', { name: 'End the meeting' }).click();
    await expect(meetingOf(meetingId)).resolves.toMatchObject({ status: 'ended' });
  });

  it('the agenda reordered and an item removed; after the meeting, its recording and minutes added (an http recording refused)', async () => {
    const meeting = await createMeeting(world.api, clerk, { title: 'Planning evening' });
    const first = await addAgendaItem(world.api, clerk, meeting.id, [], 'Opening');
    await addAgendaItem(world.api, clerk, meeting.id, [], 'Parking');
    await addAgendaItem(world.api, clerk, meeting.id, [], 'Withdrawn point');
    const page = await world.pageOf(clerk);
    await page.goto(`${world.api.url}/staff/meetings/${meeting.id}`);
    await page.getByRole('button', { name: 'Move item 2 up' }).click();
    await expect(notice(page)).resolves.toBe('The agenda’s order is saved.');
    await page.getByRole('button', { name: 'Remove item 3' }).click();
    await expect(notice(page)).resolves.toBe('The item is removed from the agenda.');
    expect((await meetingOf(meeting.id)).agenda.map((item) => item.title)).toEqual(['Parking', 'Opening']);

    await page.getByRole('button', { name: 'Start the meeting' }).click();
    await page.getByRole('button', { name: 'End the meeting' }).click();
    await page.locator('summary', { hasText: 'Change the meeting’s details' }).click();
    await page.fill('#recordingUrl', 'http://video.example.org/planning');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await expect(page.locator('#recordingUrl-error').innerText()).resolves.toBe('Give an https address, or leave it empty.');
    await page.fill('#recordingUrl', 'https://video.example.org/planning');
    await page.fill('#minutes', 'Parking: deferred to the next meeting.');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await expect(notice(page)).resolves.toBe('The details are saved.');
    const after = (await world.api.http.get(`/api/v1/meetings/${meeting.id}`).expect(200)).body as MeetingView;
    expect(after).toMatchObject({ recordingUrl: 'https://video.example.org/planning', minutes: 'Parking: deferred to the next meeting.' });
    expect(after.agenda.some((item) => item.id === first.id)).toBe(true);
  });

  it('a double click or a resend after a dropped connection records the decision once; the next decision gets a new key', async () => {
    const meeting = await createMeeting(world.api, clerk);
    const item = await addAgendaItem(world.api, clerk, meeting.id, [], 'Parking fees');
    await openForDecision(world.api, clerk, meeting.id, item.id);
    const page = await world.pageOf(clerk);
    await page.goto(`${world.api.url}/staff/meetings/${meeting.id}`);
    await page.fill('#text', 'Parking fees stay as they are.');
    await page.fill('#for', '5');
    await page.fill('#against', '2');
    await page.fill('#abstain', '0');
    // The same form sent twice at once, as a double click or a browser's resend does.
    const statuses = await page.evaluate(async () => {
      const form = document.querySelector('form[action$="/decisions"]') as HTMLFormElement;
      const send = () => fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form) as never), redirect: 'manual' });
      return (await Promise.all([send(), send()])).map((response) => (response.type === 'opaqueredirect' ? 303 : response.status));
    });
    expect(statuses).toEqual([303, 303]);
    await expect(meetingOf(meeting.id).then((m) => m.agenda[0].decisions.length)).resolves.toBe(1);
    await page.reload();
    await page.fill('#text', 'A second vote: parking is free on Sundays.');
    await page.fill('#for', '4');
    await page.fill('#against', '3');
    await page.fill('#abstain', '0');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect(meetingOf(meeting.id).then((m) => m.agenda[0].decisions.length)).resolves.toBe(2);
  });

  it('by keyboard alone, with a resident watching the linked proposal: the decision reaches their page without reload', async () => {
    const { id: proposalId } = await createProposal(world.api, author, { title: 'A playground on Mill Street' });
    const meeting = await createMeeting(world.api, clerk, { title: 'Playground council' });
    await addAgendaItem(world.api, clerk, meeting.id, [{ kind: 'proposals', id: proposalId }], 'Mill Street playground');
    await world.api.http.post(`/api/v1/meetings/${meeting.id}/start`).set('Authorization', clerk.auth).expect(200);
    const { page: resident } = await world.reader({ javaScript: true });
    await resident.goto(`${world.api.url}/proposals/${proposalId}`);
    await liveReady(resident);
    await markUnreloaded(resident);

    const page = await world.pageOf(clerk, { javaScript: true });
    await page.goto(`${world.api.url}/staff/meetings/${meeting.id}`);
    await liveReady(page);
    await tabTo(page, 'form[action$="/open"] button');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await tabTo(page, '#text');
    await page.keyboard.type('The playground is approved for next spring.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expect(notice(page)).resolves.toBe('The decision is recorded and published.');
    await expectEventually(
      async () => expect(await resident.locator('main').innerText()).toContain('The playground is approved for next spring.'),
      10_000,
      100,
    );
    await expect(wasNotReloaded(resident)).resolves.toBe(true);
  });

  it('the list and the live console have no WCAG A/AA violations, in English and in French', async () => {
    const meeting = await createMeeting(world.api, clerk, { streamUrl: 'https://www.youtube.com/watch?v=abcdefghijk' });
    const item = await addAgendaItem(world.api, clerk, meeting.id, [], 'Street lighting');
    await openForDecision(world.api, clerk, meeting.id, item.id);
    for (const locale of ['en', 'fr']) {
      const page = await world.pageOf(clerk, { javaScript: true });
      await page.goto(`${world.api.url}/language?to=${locale}&back=/staff/meetings`);
      for (const path of ['/staff/meetings', `/staff/meetings/${meeting.id}`]) {
        await page.goto(`${world.api.url}${path}`);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
        expect([locale, path, await axeViolations(page)]).toEqual([locale, path, []]);
      }
      // Every form of the console open: agenda, details, corrections.
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      expect([locale, 'all forms open', await axeViolations(page)]).toEqual([locale, 'all forms open', []]);
    }
  });
});
