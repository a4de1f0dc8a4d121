import {
  axeViolations,
  createTestApp,
  launchBrowser,
  registerUser,
  type RunningApp,
  type TestBrowser,
  type TestUser,
} from '@polity/testing';

describe('signing in and out of the web site', () => {
  let api: RunningApp;
  let browser: TestBrowser;
  let resident: TestUser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([createTestApp(), launchBrowser()]);
    resident = await registerUser(api);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('signs in without JavaScript, back to the page asked for; the header then offers to sign out, which ends the session', async () => {
    const context = await browser.context({ locale: 'en-GB', javaScript: false });
    const page = await context.newPage();
    await page.goto(`${api.url}/proposals`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email address').fill(resident.email);
    await page.getByLabel('Password').fill(resident.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL(page.url()).pathname).toBe('/proposals');
    const cookie = (await context.cookies()).find((entry) => entry.name === 'polity_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('link', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    // The session is over on the server too: the old cookie, replayed, signs nobody in.
    const replay = await browser.context({ locale: 'en-GB', javaScript: false });
    await replay.addCookies([{ ...(cookie as NonNullable<typeof cookie>) }]);
    const again = await replay.newPage();
    await again.goto(`${api.url}/`);
    await expect(again.getByRole('link', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await Promise.all([context.close(), replay.close()]);
  });

  it('ends the browser’s session when the account logs out everywhere through the api', async () => {
    const context = await browser.context({ locale: 'en-GB', javaScript: false });
    const page = await context.newPage();
    await page.goto(`${api.url}/sign-in`);
    await page.getByLabel('Email address').fill(resident.email);
    await page.getByLabel('Password').fill(resident.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    await api.http.post('/api/v1/auth/logout-all').set('Authorization', resident.auth).expect(204);
    await page.reload();
    await expect(page.getByRole('link', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  for (const [locale, language] of [
    ['en-GB', 'en'],
    ['fr-FR', 'fr'],
  ] as const) {
    it(`sends a wrong or empty form back with the address kept and the problems linked from a summary (${language})`, async () => {
      const context = await browser.context({ locale, javaScript: true });
      const page = await context.newPage();
      await page.goto(`${api.url}/sign-in`);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('form button[type=submit]').last().click();
      await expect(page.locator('#email').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.locator('#password').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.getByRole('alert').locator('a').count()).resolves.toBe(2);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#email').fill(resident.email);
      await page.locator('#password').fill('not the password');
      await page.locator('form button[type=submit]').last().click();
      await expect(page.locator('#email').inputValue()).resolves.toBe(resident.email);
      await expect(page.getByRole('alert').locator('a').getAttribute('href')).resolves.toBe('#email');
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await context.close();
    });
  }

  it('registers from the site: a wrong form sent back, then the same answer whether or not the address was free', async () => {
    const context = await browser.context({ locale: 'en-GB', javaScript: false });
    const page = await context.newPage();
    await page.goto(`${api.url}/sign-in`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Your name, as others will see it').fill('Noor');
    await page.getByLabel('Email address').fill('not-an-address');
    await page.getByLabel(/^Password/).fill('short');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(
      page
        .getByRole('alert')
        .locator('a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).resolves.toEqual(['#email', '#password']);
    await expect(page.getByLabel('Your name, as others will see it').inputValue()).resolves.toBe('Noor');
    const email = `noor-${Date.now()}@example.org`;
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel(/^Password/).fill('a long enough password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Check your email');
    const fresh = await page.locator('main').innerText();
    // The same address again: the same answer, word for word (the page never says it is taken).
    await page.goto(`${api.url}/register`);
    await page.getByLabel('Your name, as others will see it').fill('Noor');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel(/^Password/).fill('another long password');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await expect(page.locator('main').innerText()).resolves.toBe(fresh);
    await api.http.post('/api/v1/auth/login').send({ email, password: 'a long enough password' }).expect(200);
    await context.close();
  });

  it('has no WCAG 2.1 AA violation on the registration form, empty or sent back', async () => {
    const context = await browser.context({ locale: 'fr-FR', javaScript: true });
    const page = await context.newPage();
    await page.goto(`${api.url}/register`);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('main form button[type=submit]').click();
    await expect(page.locator('#email').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('refuses a form posted from another site, or without its token', async () => {
    const form = `email=${encodeURIComponent(resident.email)}&password=${encodeURIComponent(resident.password)}`;
    const foreign = await api.http.post('/sign-in').set('Origin', 'https://evil.example').type('form').send(form);
    expect(foreign.status).toBe(403);
    const tokenless = await api.http.post('/sign-in').set('Origin', api.url).type('form').send(form);
    expect(tokenless.status).toBe(403);
    expect(tokenless.headers['set-cookie']?.toString() ?? '').not.toContain('polity_session');
  });
});
