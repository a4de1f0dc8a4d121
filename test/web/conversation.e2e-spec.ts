import {
  axeViolations,
  createProposal,
  createTestApp,
  expectEventually,
  launchBrowser,
  registerUser,
  type RunningApp,
  startTestWorker,
  type TestBrowser,
  type TestUser,
} from '@polity/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';

describe('the conversation and a proposal’s own actions, from the web site', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let browser: TestBrowser;
  let author: TestUser;
  let resident: TestUser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The worker keeps what the page shows from jobs current (whether a proposal was commented on).
    [api, worker, browser] = await Promise.all([createTestApp(), startTestWorker(), launchBrowser()]);
    [author, resident] = await Promise.all([registerUser(api), registerUser(api)]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  async function signedIn(user: TestUser, { locale = 'en-GB', javaScript = false } = {}): Promise<Page> {
    const context = await browser.context({ locale, javaScript });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${api.url}/sign-in`);
    await page.locator('#email').fill(user.email);
    await page.locator('#password').fill(user.password);
    await page.locator('main form button[type=submit]').click();
    return page;
  }
  const comment = async (user: TestUser, proposalId: string, body: string): Promise<string> =>
    (await api.http.post(`/api/v1/proposals/${proposalId}/comments`).set('Authorization', user.auth).send({ body }).expect(201)).body
      .id as string;

  for (const javaScript of [false, true]) {
    it(`replies, votes, edits and deletes, each back at the comment (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { id } = await createProposal(api, author);
      const first = await comment(author, id, 'Who would maintain it?');
      const page = await signedIn(resident, { javaScript });
      await page.goto(`${api.url}/proposals/${id}`);

      const item = page.locator(`#comment-${first}`);
      // With JavaScript the vote is sent without leaving the page: wait for the button to change either way.
      await item.getByRole('button', { name: 'Agree', exact: true }).click();
      await item.getByRole('button', { name: 'Agree (1)' }).waitFor();
      await expect(item.getByRole('button', { name: 'Agree (1)' }).getAttribute('aria-pressed')).resolves.toBe('true');
      await item.getByRole('button', { name: 'Agree (1)' }).click();
      await item.getByRole('button', { name: 'Agree', exact: true }).waitFor();
      await expect(item.getByRole('button', { name: 'Agree', exact: true }).getAttribute('aria-pressed')).resolves.toBe('false');

      await item.getByRole('link', { name: 'Reply' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`Reply to ${author.displayName}`);
      await page.getByRole('button', { name: 'Publish my reply' }).click();
      await expect(page.locator('#body').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.locator('#body').fill('The neighbourhood association offered to.');
      await page.getByRole('button', { name: 'Publish my reply' }).click();
      const replies = page.locator(`[data-live-list="replies-${first}"] > li`);
      await expect(replies.count()).resolves.toBe(1);
      await expect(replies.innerText()).resolves.toContain('The neighbourhood association offered to.');

      await replies.getByRole('link', { name: 'Edit' }).click();
      await expect(page.locator('#body').inputValue()).resolves.toBe('The neighbourhood association offered to.');
      await page.locator('#body').fill('The neighbourhood association offered to, in writing.');
      await page.getByRole('button', { name: 'Save my comment' }).click();
      await expect(replies.innerText()).resolves.toContain('in writing.');
      await expect(replies.locator('.polity-meta').first().innerText()).resolves.toContain('edited');

      await replies.getByRole('link', { name: 'Delete' }).click();
      await page.getByRole('button', { name: 'Delete my comment' }).click();
      await expect(replies.innerText()).resolves.toContain('This comment was deleted.');
      const thread = await api.http.get(`/api/v1/proposals/${id}/comments`).expect(200);
      expect(thread.body.items[0].replies).toEqual([expect.objectContaining({ deleted: true, body: null })]);
    });
  }

  it('votes with JavaScript without leaving the page', async () => {
    const { id } = await createProposal(api, author);
    const first = await comment(author, id, 'Lighting matters too.');
    const page = await signedIn(resident, { javaScript: true });
    await page.goto(`${api.url}/proposals/${id}`);
    await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));
    await page.locator(`#comment-${first}`).getByRole('button', { name: 'Disagree', exact: true }).click();
    await page.locator(`#comment-${first}`).getByRole('button', { name: 'Disagree (1)' }).waitFor();
    await expect(page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).resolves.toBe(true);
    // The focus stays where the reader pressed.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`vote-down-${first}`);
  });

  it('sorts the conversation by best, newest and oldest through links', async () => {
    const { id } = await createProposal(api, author);
    const older = await comment(author, id, 'First thought.');
    const liked = await comment(author, id, 'Second thought.');
    await api.http.put(`/api/v1/comments/${liked}/vote`).set('Authorization', resident.auth).send({ value: 1 }).expect(200);
    const page = await signedIn(resident);
    await page.goto(`${api.url}/proposals/${id}`);
    const order = () => page.locator('[data-live-list="comments"] > li > article').evaluateAll((items) => items.map((item) => item.id));
    await expect(order()).resolves.toEqual([`comment-${older}`, `comment-${liked}`]);
    await page.getByRole('link', { name: 'Best rated first' }).click();
    await expect(order()).resolves.toEqual([`comment-${liked}`, `comment-${older}`]);
    await expect(page.getByRole('link', { name: 'Best rated first' }).getAttribute('aria-current')).resolves.toBe('true');
  });

  for (const javaScript of [false, true]) {
    it(`follows and unfollows; reports a comment, reason first; the moderators have the report (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { id } = await createProposal(api, author);
      const first = await comment(author, id, 'Buy it from my brother’s shop.');
      const page = await signedIn(resident, { javaScript });
      await page.goto(`${api.url}/proposals/${id}`);
      await page.getByRole('button', { name: 'Follow this proposal' }).click();
      await page.getByText('You follow this proposal').waitFor();
      const db = api.app.get(DataSource);
      const follows = () =>
        db.query(`SELECT 1 FROM follow WHERE kind = 'proposals' AND resource_id = $1 AND user_id = $2`, [id, resident.id]);
      await expect(follows()).resolves.toHaveLength(1);
      await page.getByRole('button', { name: 'Stop following' }).click();
      await page.getByRole('button', { name: 'Follow this proposal' }).waitFor();
      await expect(follows()).resolves.toHaveLength(0);

      await page.locator(`#comment-${first}`).getByRole('link', { name: 'Report' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Report a comment');
      await page.getByRole('button', { name: 'Send my report' }).click();
      await expect(page.getByRole('alert').locator('a').getAttribute('href')).resolves.toBe('#reason');
      await page.getByLabel('Spam or advertising').check();
      await page.getByRole('button', { name: 'Send my report' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Thank you');
      await expect(
        db.query(
          `SELECT r.reason FROM moderation_report r JOIN moderation_item i ON i.id = r.item_id WHERE i.content_id = $1 AND r.reporter_id = $2`,
          [first, resident.id],
        ),
      ).resolves.toEqual([{ reason: 'spam' }]);
      await page.getByRole('link', { name: 'Back to where you were' }).click();
      expect(new URL(page.url()).pathname).toBe(`/proposals/${id}`);
    });
  }

  for (const javaScript of [false, true]) {
    it(`lets the author edit (with a preview) while nobody has answered, then withdraw with a reason (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { id } = await createProposal(api, author, { title: 'A water fountain' });
      const page = await signedIn(author, { javaScript });
      await page.goto(`${api.url}/proposals/${id}`);
      await expect(page.getByRole('link', { name: 'Report this proposal' }).count()).resolves.toBe(0);
      await page.getByRole('link', { name: 'Edit your proposal' }).click();
      await page.getByLabel('Title').fill('Two water fountains');
      await page.getByLabel('Your proposal').fill('One at each end of the **park**.');
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByRole('region', { name: 'Preview' }).locator('strong').innerText()).resolves.toBe('park');
      await page.getByRole('button', { name: 'Save my changes' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Two water fountains');

      await comment(resident, id, 'Yes please.');
      await expectEventually(
        async () => {
          await page.reload();
          expect(await page.getByRole('link', { name: 'Edit your proposal' }).count()).toBe(0);
        },
        10_000,
        200,
      );
      const editing = await page.goto(`${api.url}/proposals/${id}/edit`);
      expect(new URL(editing?.url() ?? '').pathname).toBe(`/proposals/${id}`);

      await page.getByRole('link', { name: 'Withdraw your proposal' }).click();
      await page.getByRole('button', { name: 'Withdraw my proposal' }).click();
      await expect(page.locator('#reason').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.locator('#reason').fill('The council already plans one.');
      await page.getByRole('button', { name: 'Withdraw my proposal' }).click();
      await expect(page.getByText('Withdrawn by its author: The council already plans one.').isVisible()).resolves.toBe(true);
      await expect(page.locator('form[action$="/comments"]').count()).resolves.toBe(0);

      // Someone else's proposal has no edit page for them.
      const stranger = await signedIn(resident);
      const refused = await stranger.goto(`${api.url}/proposals/${id}/withdraw`);
      expect(refused?.status()).toBe(404);
      await expect(stranger.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Page not found');
    });
  }

  it('saves email settings per kind of notification', async () => {
    // Someone new: an account keeps the language it first signed in with, and `resident` did in English.
    const reader = await registerUser(api);
    const page = await signedIn(reader, { locale: 'fr-FR' });
    await page.goto(`${api.url}/notifications/settings`);
    await page.getByLabel('Quelqu’un répond à votre commentaire').selectOption('off');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await expect(page.getByText('Vos réglages des e-mails sont enregistrés.').isVisible()).resolves.toBe(true);
    const saved = await api.http.get('/api/v1/me/notification-preferences').set('Authorization', reader.auth).expect(200);
    expect(saved.body).toEqual(expect.arrayContaining([{ kind: 'comment_reply', email: 'off' }]));
  });

  for (const locale of ['en-GB', 'fr-FR']) {
    it(`has no WCAG 2.1 AA violation on the reply, edit, delete, report, withdraw, inbox, settings and error pages (${locale})`, async () => {
      const { id } = await createProposal(api, resident);
      const others = await comment(author, id, 'A comment to answer.');
      const mine = await comment(resident, id, 'My own comment.');
      const page = await signedIn(resident, { locale, javaScript: true });
      for (const path of [
        `/comments/${others}/reply`,
        `/comments/${mine}/edit`,
        `/comments/${mine}/delete`,
        `/report?kind=comments&id=${others}&back=/proposals/${id}`,
        `/proposals/${id}/withdraw`,
        `/notifications`,
        `/notifications/settings`,
        `/nowhere`,
      ]) {
        await page.goto(`${api.url}${path}`);
        expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
      }
      await page.goto(`${api.url}/report?kind=comments&id=${others}&back=/proposals/${id}`);
      await page.locator('main form button[type=submit]').click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
