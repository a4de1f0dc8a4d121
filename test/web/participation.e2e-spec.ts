import {
  axeViolations,
  createProposal,
  createTestApp,
  launchBrowser,
  registerUser,
  type RunningApp,
  type TestBrowser,
  type TestUser,
} from '@polity/testing';
import type { BrowserContext, Page } from 'playwright-core';

describe('taking part from the web site, without JavaScript', () => {
  let api: RunningApp;
  let browser: TestBrowser;
  let author: TestUser;
  let resident: TestUser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([createTestApp(), launchBrowser()]);
    author = await registerUser(api);
    resident = await registerUser(api);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function signedIn(locale = 'en-GB', javaScript = false): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.context({ locale, javaScript });
    const page = await context.newPage();
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel(locale.startsWith('fr') ? 'Adresse e-mail' : 'Email address').fill(resident.email);
    await page.getByLabel(locale.startsWith('fr') ? 'Mot de passe' : 'Password').fill(resident.password);
    await page.locator('main form button[type=submit]').click();
    return { context, page };
  }

  it('supports a proposal and withdraws the support, the count following', async () => {
    const { id } = await createProposal(api, author, { title: 'A bike shelter at the station' });
    const { context, page } = await signedIn();
    await page.goto(`${api.url}/proposals/${id}`);
    await expect(page.locator('#support-count').innerText()).resolves.toBe('No supports yet');
    await page.getByRole('button', { name: 'Support this proposal' }).click();
    expect(new URL(page.url()).pathname).toBe(`/proposals/${id}`);
    await expect(page.locator('#support-count').innerText()).resolves.toBe('1 support');
    await expect(page.getByText('You support this proposal.').isVisible()).resolves.toBe(true);
    const supported = await api.http.get(`/api/v1/proposals/${id}`).set('Authorization', resident.auth).expect(200);
    expect(supported.body).toMatchObject({ supportCount: 1, supportedByMe: true });
    await page.getByRole('button', { name: 'Withdraw my support' }).click();
    await expect(page.locator('#support-count').innerText()).resolves.toBe('No supports yet');
    await context.close();
  });

  it('asks a visitor to sign in first, and brings them back to the proposal', async () => {
    const { id } = await createProposal(api, author);
    const context = await browser.context({ locale: 'en-GB', javaScript: false });
    const page = await context.newPage();
    await page.goto(`${api.url}/proposals/${id}`);
    await expect(page.getByRole('button', { name: 'Support this proposal' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Sign in to support this proposal or comment on it' }).click();
    await page.getByLabel('Email address').fill(resident.email);
    await page.getByLabel('Password').fill(resident.password);
    await page.locator('main form button[type=submit]').click();
    expect(new URL(page.url()).pathname).toBe(`/proposals/${id}`);
    await expect(page.getByRole('button', { name: 'Support this proposal' }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  for (const [locale, javaScript] of [
    ['en-GB', false],
    ['fr-FR', false],
    ['en-GB', true],
  ] as const) {
    it(`comments: an empty comment comes back with the problem, a real one appears in the conversation (${locale}, JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { id } = await createProposal(api, author);
      const { context, page } = await signedIn(locale, javaScript);
      await page.goto(`${api.url}/proposals/${id}`);
      const submit = page.locator('form[action$="/comments"] button[type=submit]');
      await submit.click();
      await expect(page.locator('#body').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.getByRole('alert').locator('a').getAttribute('href')).resolves.toBe('#body');
      await page.locator('#body').fill('The shelter should be *covered*.');
      await page.locator('#alignment').selectOption('in_favour');
      await submit.click();
      expect(new URL(page.url()).pathname).toBe(`/proposals/${id}`);
      const log = page.getByRole('log');
      await expect(log.locator('em', { hasText: 'covered' }).count()).resolves.toBe(1);
      const thread = await api.http.get(`/api/v1/proposals/${id}/comments`).expect(200);
      expect(thread.body.items).toEqual([expect.objectContaining({ body: 'The shelter should be *covered*.', alignment: 'in_favour' })]);
      await context.close();
    });
  }

  for (const javaScript of [false, true]) {
    it(`proposes: a preview first, a missing title sent back, then the proposal published and shown (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { context, page } = await signedIn('en-GB', javaScript);
      await page.goto(`${api.url}/proposals`);
      await page.getByRole('link', { name: 'Make a proposal' }).click();
      await page.getByLabel('Your proposal').fill('A **covered** bike shelter by the station.');
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByRole('region', { name: 'Preview' }).locator('strong').innerText()).resolves.toBe('covered');
      await expect(page.getByLabel('Your proposal').inputValue()).resolves.toBe('A **covered** bike shelter by the station.');
      await page.getByRole('button', { name: 'Publish my proposal' }).click();
      await expect(page.locator('#title').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.getByRole('alert').locator('a').getAttribute('href')).resolves.toBe('#title');
      await page.getByLabel('Title').fill('Covered bike shelter');
      await page.getByLabel(/^Tags/).fill('Bikes, station');
      await page.getByRole('button', { name: 'Publish my proposal' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Covered bike shelter');
      const id = new URL(page.url()).pathname.split('/').pop() as string;
      const stored = await api.http.get(`/api/v1/proposals/${id}`).expect(200);
      expect(stored.body).toMatchObject({ title: 'Covered bike shelter', tags: ['bikes', 'station'], author: { id: resident.id } });
      await context.close();
    });
  }

  it('has no WCAG 2.1 AA violation on the proposal form sent back, a proposal page signed in, and a comment sent back (axe needs JavaScript on)', async () => {
    const { id } = await createProposal(api, author);
    for (const locale of ['en-GB', 'fr-FR']) {
      const { context, page } = await signedIn(locale, true);
      await page.goto(`${api.url}/proposals/new`);
      await page.locator('button[value=publish]').click();
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${api.url}/proposals/${id}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('form[action$="/comments"] button[type=submit]').click();
      await expect(page.locator('#body').getAttribute('aria-invalid')).resolves.toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });
});
