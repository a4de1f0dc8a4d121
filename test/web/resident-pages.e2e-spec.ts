import {
  axeViolations,
  createProposal,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  launchBrowser,
  registerUser,
  type RunningApp,
  screened,
  startTestWorker,
  type TestBrowser,
  type TestUser,
} from '@polity/testing';
import type { Page } from 'playwright-core';
/** A catalogue key that reached the page instead of its words. */
const RAW_KEY = /\b(shell|home|error|proposals)\.[a-z][A-Za-z_]*(\.[a-z][A-Za-z_]*)*\b/;

describe('residents’ pages, in a real browser', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let browser: TestBrowser;
  let author: TestUser;
  let proposalId: string;
  let heldCommentId: string;
  let neighbour: TestUser;

  beforeAll(async () => {
    [api, worker, browser] = await Promise.all([createTestApp(), startTestWorker(), launchBrowser()]);
    author = await registerUser(api);
    neighbour = await registerUser(api);
    const official = await createUserWithRoles(api, ['official']);
    ({ id: proposalId } = await createProposal(api, author, {
      title: 'Benches in Rose Park',
      body: 'There is **nowhere to sit** in Rose Park.\n\n- by the pond\n- by the playground',
    }));
    const comment = await api.http
      .post(`/api/v1/proposals/${proposalId}/comments`)
      .set('Authorization', neighbour.auth)
      .send({ body: 'Yes, for the grandparents.', alignment: 'in_favour' })
      .expect(201);
    await api.http
      .post(`/api/v1/proposals/${proposalId}/comments`)
      .set('Authorization', author.auth)
      .send({ body: 'Thank you!', parentId: comment.body.id })
      .expect(201);
    const held = await api.http
      .post(`/api/v1/proposals/${proposalId}/comments`)
      .set('Authorization', neighbour.auth)
      .send({ body: 'Buy now: free money, casino bonus, crypto giveaway!' })
      .expect(201);
    heldCommentId = held.body.id;
    await screened(api, 'comment', heldCommentId);
    await api.http
      .post(`/api/v1/proposals/${proposalId}/answer`)
      .set('Authorization', official.auth)
      .send({ status: 'evaluating', answer: 'The parks team is choosing the places.' })
      .expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  /** Opens a page and checks what every page must be: its language, no raw message keys, no axe violations. */
  async function open(page: Page, path: string, locale: 'en' | 'fr'): Promise<void> {
    await page.goto(`${api.url}${path}`);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(RAW_KEY);
    expect({ path, locale, violations: await axeViolations(page) }).toEqual({ path, locale, violations: [] });
    expect(await page.locator('h1').count()).toBe(1);
  }

  for (const locale of ['en', 'fr'] as const) {
    // axe runs as a script in the page, so these contexts have JavaScript on; the pages send none yet.
    it(`serves every page in ${locale} with no WCAG 2.1 AA violation`, async () => {
      const context = await browser.context({ locale: locale === 'en' ? 'en-GB' : 'fr-FR', javaScript: true });
      const page = await context.newPage();
      await open(page, '/', locale);
      await open(page, '/proposals', locale);
      await open(page, '/proposals?q=nothing-matches-this&sort=most_supported', locale);
      await open(page, `/proposals/${proposalId}`, locale);
      const missing = await page.goto(`${api.url}/proposals/00000000-0000-4000-8000-000000000000`);
      expect(missing?.status()).toBe(404);
      await open(page, '/proposals/00000000-0000-4000-8000-000000000000', locale);
      await context.close();
    });
  }

  it('shows a proposal as anyone sees it: its answer, its threaded comments, a held comment as a placeholder', async () => {
    const context = await browser.context({ locale: 'en-GB', javaScript: false });
    const page = await context.newPage();
    await page.goto(`${api.url}/proposals/${proposalId}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Benches in Rose Park');
    await expect(page.getByRole('heading', { name: 'The council’s answer' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('The parks team is choosing the places.').isVisible()).resolves.toBe(true);
    await expect(page.locator('strong', { hasText: 'nowhere to sit' }).count()).resolves.toBe(1);
    const log = page.getByRole('log');
    await expect(log.getByText('Yes, for the grandparents.').isVisible()).resolves.toBe(true);
    // The reply sits inside its parent's list.
    await expect(log.locator('li li').getByText('Thank you!').isVisible()).resolves.toBe(true);
    await expect(log.getByText('This comment is waiting for a moderator.').isVisible()).resolves.toBe(true);
    expect(await page.content()).not.toContain('casino');
    await context.close();
  });

  it('shows the author of a held comment their text, with a clear notice, and nothing to vote or reply on', async () => {
    // JavaScript on, for axe: the author's view of held content is a state that matters too.
    const context = await browser.context({ locale: 'en-GB', javaScript: true });
    const page = await context.newPage();
    await page.goto(`${api.url}/sign-in?next=/proposals/${proposalId}`);
    await page.locator('#email').fill(neighbour.email);
    await page.locator('#password').fill(neighbour.password);
    await page.locator('main form button[type=submit]').click();
    const held = page.locator(`#comment-${heldCommentId}`);
    await expect(held.innerText()).resolves.toContain('casino bonus');
    await expect(held.getByText('Your comment is waiting for a moderator').isVisible()).resolves.toBe(true);
    await expect(held.getByRole('link', { name: 'Reply' }).count()).resolves.toBe(0);
    await expect(held.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('searches, filters and sorts through a plain form', async () => {
    const context = await browser.context({ locale: 'en-GB', javaScript: false });
    const page = await context.newPage();
    await page.goto(`${api.url}/proposals`);
    await page.getByLabel('Search').fill('Rose Park');
    await page.getByLabel('Sort by').selectOption('most_commented');
    await page.getByRole('button', { name: 'Show proposals' }).click();
    await expectEventually(() => expect(page.url()).toContain('q=Rose+Park'));
    await expect(page.getByRole('link', { name: 'Benches in Rose Park' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Sort by').inputValue()).resolves.toBe('most_commented');
    await page.getByLabel('Sort by').selectOption('random');
    await page.getByRole('button', { name: 'Show proposals' }).click();
    // A shuffle gets a seed in its address, so its pages keep their order.
    await expectEventually(() => expect(page.url()).toMatch(/seed=[0-9a-f]+/));

    // A tag: from a proposal's tag link, or typed into the form.
    await createProposal(api, author, { title: 'Swings for the playground', tags: ['children', 'parks'] });
    await createProposal(api, author, { title: 'Quieter buses at night', tags: ['traffic'] });
    await page.goto(`${api.url}/proposals`);
    await page.getByRole('link', { name: 'children' }).first().click();
    const titles = () => page.locator('main li h2').allInnerTexts();
    await expect(titles()).resolves.toEqual(['Swings for the playground']);
    await expect(page.getByLabel('Tag').inputValue()).resolves.toBe('children');
    await page.getByLabel('Tag').fill('Traffic');
    await page.getByRole('button', { name: 'Show proposals' }).click();
    await expect(titles()).resolves.toEqual(['Quieter buses at night']);
    await context.close();
  });

  it('switches language with a link, without JavaScript, and remembers the choice', async () => {
    const context = await browser.context({ locale: 'en-GB', javaScript: false });
    const page = await context.newPage();
    await page.goto(`${api.url}/proposals`);
    await page.getByRole('link', { name: 'Français' }).click();
    await expectEventually(() => expect(page.url()).toBe(`${api.url}/proposals`));
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.goto(`${api.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Ce qui se passe');
    await context.close();
  });

  it('starts keyboard navigation at the skip link, which leads to the main content', async () => {
    const context = await browser.context({ locale: 'en-GB', javaScript: true });
    const page = await context.newPage();
    await page.goto(`${api.url}/proposals/${proposalId}`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });

  it('reflows at 320 px wide without horizontal scrolling', async () => {
    const context = await browser.context({ locale: 'fr-FR', javaScript: false, width: 320 });
    const page = await context.newPage();
    for (const path of ['/', '/proposals', `/proposals/${proposalId}`]) {
      await page.goto(`${api.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(`${path}: ${overflow}`).toBe(`${path}: 0`);
    }
    await context.close();
  });
});
