import {
  axeViolations,
  createProposal,
  createThread,
  createUserWithRoles,
  expectEventually,
  liveReady,
  markUnreloaded,
  registerUser,
  type TestUser,
  wasNotReloaded,
  webWorld,
} from '@polity/testing';
import type { ThreadView } from '@polity/contracts';
import type { Page } from 'playwright-core';

describe('the facilitators’ console for co-design threads', () => {
  const world = webWorld();
  let official: TestUser;
  let resident: TestUser;

  beforeAll(async () => {
    [official, resident] = await Promise.all([createUserWithRoles(world.api, ['official']), registerUser(world.api)]);
  });

  const notice = (page: Page) => page.locator('.polity-notice').first().innerText();
  const threadOf = async (id: string) => (await world.api.http.get(`/api/v1/threads/${id}`).expect(200)).body as ThreadView;

  it('is for officials: a resident gets 403 on the list, a thread and its forms', async () => {
    const thread = await createThread(world.api, official);
    const { page } = await world.reader();
    for (const path of ['/staff/threads', `/staff/threads/${thread.id}`]) {
      const response = await page.goto(`${world.api.url}${path}`);
      expect([path, response?.status()]).toEqual([path, 403]);
    }
    const status = await page.evaluate(async (url) => {
      const token = (document.querySelector('input[name=_csrf]') as HTMLInputElement).value;
      return (await fetch(url, { method: 'POST', body: new URLSearchParams({ _csrf: token, status: 'closed' }), redirect: 'manual' }))
        .status;
    }, `${world.api.url}/staff/threads/${thread.id}/status`);
    expect(status).toBe(403);
    await expect(threadOf(thread.id)).resolves.toMatchObject({ status: 'open' });
  });

  it('without JavaScript: open a thread with stages and a linked proposal, post an update, move on with a summary, close it', async () => {
    const { id: proposalId } = await createProposal(world.api, resident, { title: 'Longer library hours' });
    const page = await world.pageOf(official);
    await page.goto(`${world.api.url}/staff`);
    await page.getByRole('link', { name: 'Co-design threads' }).click();
    await page.locator('summary', { hasText: 'Open a thread' }).click();
    await page.fill('#title', 'Redesigning the library’s opening hours');
    await page.fill('#serviceName', 'Public library');
    await page.fill('#department', 'Culture');
    await page.fill('#description', 'When should the library open? Tell us what works for you.');
    await page.fill('#stages', 'Listen\nPropose\nDecide');
    await page.fill('#links', `/proposals/${proposalId}\n/elsewhere`);
    await page.getByRole('button', { name: 'Open the thread' }).click();
    await expect(page.locator('#links-error').innerText()).resolves.toContain('/elsewhere');
    await page.fill('#links', `${world.api.url}/proposals/${proposalId}`);
    await page.getByRole('button', { name: 'Open the thread' }).click();
    await expect(notice(page)).resolves.toBe('The thread is open.');
    const threadId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect(threadOf(threadId)).resolves.toMatchObject({
      stages: ['Listen', 'Propose', 'Decide'],
      currentStage: 'Listen',
      links: [{ kind: 'proposals', id: proposalId }],
    });

    await page.fill('#body', 'We will publish the visitor counts by hour next week.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(notice(page)).resolves.toBe('Your post is published.');
    await page.getByRole('button', { name: 'Move the thread' }).click();
    await expect(page.locator('#summary-error').innerText()).resolves.toBe('Write what the stage found or decided.');
    await page.selectOption('#stage', 'Propose');
    await page.fill('#summary', 'Residents asked above all for Sunday afternoons.');
    await page.getByRole('button', { name: 'Move the thread' }).click();
    await expect(notice(page)).resolves.toBe('The thread has moved on; its followers are told.');
    await expect(threadOf(threadId)).resolves.toMatchObject({ currentStage: 'Propose' });
    await page.getByRole('button', { name: 'Close the thread' }).click();
    await expect(threadOf(threadId)).resolves.toMatchObject({ status: 'closed' });
  });

  it('a resident’s question arrives live, is marked answered and pinned in one click each', async () => {
    const thread = await createThread(world.api, official);
    const page = await world.pageOf(official, { javaScript: true });
    await page.goto(`${world.api.url}/staff/threads/${thread.id}`);
    await liveReady(page);
    await markUnreloaded(page);
    const question = await world.api.http
      .post(`/api/v1/threads/${thread.id}/posts`)
      .set('Authorization', resident.auth)
      .send({ type: 'question', body: 'Will the reading room stay open during the works?' })
      .expect(201);
    const postId = (question.body as { id: string }).id;
    const waiting = page.locator('section[aria-labelledby="questions-title"]');
    await expectEventually(async () => expect(await waiting.innerText()).toContain('Will the reading room stay open'), 10_000, 100);
    await expect(wasNotReloaded(page)).resolves.toBe(true);
    await Promise.all([page.waitForNavigation(), waiting.getByRole('button', { name: 'Mark as answered' }).click()]);
    await expect(page.locator('section[aria-labelledby="questions-title"]').innerText()).resolves.toContain('No question waits.');
    await Promise.all([
      page.waitForNavigation(),
      page.locator('section[aria-labelledby="posts-title"]').getByRole('button', { name: 'Pin' }).first().click(),
    ]);
    const marked = (await threadOf(thread.id)).pinnedPosts.map((post) => post.id);
    expect(marked).toEqual([postId]);
  });

  it('the list and a thread’s page have no WCAG A/AA violations, in English and in French', async () => {
    const thread = await createThread(world.api, official);
    await world.api.http
      .post(`/api/v1/threads/${thread.id}/posts`)
      .set('Authorization', resident.auth)
      .send({ type: 'question', body: 'When does it start?' })
      .expect(201);
    for (const locale of ['en', 'fr']) {
      const page = await world.pageOf(official, { javaScript: true });
      await page.goto(`${world.api.url}/language?to=${locale}&back=/staff/threads`);
      for (const path of ['/staff/threads', `/staff/threads/${thread.id}`]) {
        await page.goto(`${world.api.url}${path}`);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
        // Every disclosure open, so the forms inside them are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        expect([locale, path, await axeViolations(page)]).toEqual([locale, path, []]);
      }
    }
  });
});
