import {
  axeViolations,
  createTestApp,
  createUserWithRoles,
  launchBrowser,
  type MailCatcher,
  registerUser,
  type RunningApp,
  startMailCatcher,
  startTestWorker,
  type TestBrowser,
  type TestUser,
} from '@polity/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { unsubscribeToken } from '../../libs/notifications/src/mail/unsubscribe-token';
/** The mailed link, to this test's server (mail says PUBLIC_URL). */
const linkIn = (text: string, path: string, base: string): string => {
  const mailed = new URL(new RegExp(`https?://\\S+/${path}\\?token=\\S+`).exec(text)?.[0] ?? '');
  return new URL(`${mailed.pathname}${mailed.search}`, base).toString();
};

describe('looking after one’s account on the web site, without JavaScript', () => {
  let mail: MailCatcher;
  let api: RunningApp;
  let worker: RunningApp;
  let browser: TestBrowser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mail = await startMailCatcher();
    [api, worker, browser] = await Promise.all([
      createTestApp({ SMTP_URL: mail.url }),
      startTestWorker({ SMTP_URL: mail.url }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await worker?.close();
    await api?.close();
    await mail?.close();
  });

  async function visitor(locale = 'en-GB', javaScript = false): Promise<Page> {
    const context = await browser.context({ locale, javaScript });
    contexts.push(context);
    return context.newPage();
  }
  async function signedIn(user: TestUser, locale = 'en-GB', javaScript = false): Promise<Page> {
    const page = await visitor(locale, javaScript);
    await page.goto(`${api.url}/sign-in`);
    await page.locator('#email').fill(user.email);
    await page.locator('#password').fill(user.password);
    await page.locator('main form button[type=submit]').click();
    return page;
  }
  const signsIn = async (email: string, password: string) => (await api.http.post('/api/v1/auth/login').send({ email, password })).status;

  for (const javaScript of [false, true]) {
    it(`confirms the address from the mailed link: opening it changes nothing, the button does (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const user = await registerUser(api);
      const link = linkIn((await mail.next(user.email, (m) => m.subject.includes('Confirm'))).text, 'confirm-email', api.url);
      expect(new URL(link).pathname).toBe('/confirm-email');
      const page = await visitor('en-GB', javaScript);
      await page.goto(link);
      const me = async () => (await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(200)).body.emailConfirmed as boolean;
      await expect(me()).resolves.toBe(false);
      await page.getByRole('button', { name: 'Confirm my address' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Address confirmed');
      await expect(me()).resolves.toBe(true);
      await page.goto(link);
      await page.getByRole('button', { name: 'Confirm my address' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('This link does not work');
    });
  }

  for (const javaScript of [false, true]) {
    it(`resets a forgotten password: asked from the sign-in page, a short one refused, the link then spent (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const user = await registerUser(api);
      const page = await visitor('fr-FR', javaScript);
      await page.goto(`${api.url}/sign-in`);
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await page.getByLabel('Adresse e-mail').fill(user.email);
      await page.getByRole('button', { name: 'M’envoyer un lien' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Consultez vos e-mails');
      const link = linkIn((await mail.next(user.email, (m) => m.subject.includes('Reset'))).text, 'reset-password', api.url);
      await page.goto(link);
      await page.getByLabel(/^Nouveau mot de passe/).fill('short');
      await page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
      await expect(page.locator('#password').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.getByLabel(/^Nouveau mot de passe/).fill('a passphrase set from the site');
      await page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Mot de passe changé');
      await expect(signsIn(user.email, user.password)).resolves.toBe(401);
      await expect(signsIn(user.email, 'a passphrase set from the site')).resolves.toBe(200);
    });
  }

  for (const javaScript of [false, true]) {
    it(`verifies as a resident against the census, with the problem shown beside the field first (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const admin = await createUserWithRoles(api, ['admin']);
      await api.http
        .post('/api/v1/admin/census')
        .set('Authorization', admin.auth)
        .set('Content-Type', 'text/csv')
        .send(`identifier,birth_date,district\nW-200${javaScript ? 2 : 1},1988-05-17,\n`)
        .expect(201);
      const resident = await registerUser(api);
      const page = await signedIn(resident, 'en-GB', javaScript);
      await page.getByRole('link', { name: 'Your account' }).click();
      await page.getByLabel('Your resident number').fill(`W-200${javaScript ? 2 : 1}`);
      await page.getByLabel(/^Date of birth/).fill('1988-05-18');
      await page.getByRole('button', { name: 'Verify me' }).click();
      await expect(page.locator('#identifier').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.getByLabel(/^Date of birth/).fill('1988-05-17');
      await page.getByRole('button', { name: 'Verify me' }).click();
      await expect(page.getByText('You are now verified as a resident.').isVisible()).resolves.toBe(true);
      expect((await api.http.get('/api/v1/me').set('Authorization', resident.auth).expect(200)).body.verified).toBe(true);
    });
  }

  for (const javaScript of [false, true]) {
    it(`downloads the reader’s data, then erases the account after the password, signed out everywhere (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const user = await registerUser(api);
      const page = await signedIn(user, 'en-GB', javaScript);
      await page.goto(`${api.url}/account`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
      expect(download.suggestedFilename()).toBe('polity-my-data.json');
      const data = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
      expect(JSON.stringify(data)).toContain(user.email);

      await page.getByRole('link', { name: 'Erase my account' }).click();
      await page.getByLabel('Your password, to confirm it is you').fill('not my password');
      await page.getByRole('button', { name: 'Erase my account for good' }).click();
      await expect(page.locator('#password').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.getByLabel('Your password, to confirm it is you').fill(user.password);
      await page.getByRole('button', { name: 'Erase my account for good' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Your account is erased');
      await expect(page.getByRole('link', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
      await expect(signsIn(user.email, user.password)).resolves.toBe(401);
      await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(401);
    });
  }

  it('keeps the account’s language: registered in French, mailed in French; changed on its page, it follows to another browser', async () => {
    const page = await visitor('fr-FR');
    const email = `langue-${Date.now()}@example.org`;
    await page.goto(`${api.url}/register`);
    await page.locator('#displayName').fill('Inès');
    await page.locator('#email').fill(email);
    await page.locator('#password').fill('une phrase de passe sûre');
    await page.locator('main form button[type=submit]').click();
    const confirmation = await mail.next(email, (m) => m.subject.startsWith('Confirmez'));
    expect(confirmation.text).toContain('Bonjour Inès');

    const english = await signedIn({ email, password: 'une phrase de passe sûre' } as TestUser, 'en-GB');
    await english.goto(`${api.url}/account`);
    // Its language was chosen at registration: it wins over this browser's English.
    await expect(english.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await english.getByLabel('Langue du site et de vos e-mails').selectOption('en');
    await english.getByRole('button', { name: 'Enregistrer la langue' }).click();
    await expect(english.locator('html').getAttribute('lang')).resolves.toBe('en');
    const elsewhere = await signedIn({ email, password: 'une phrase de passe sûre' } as TestUser, 'fr-FR');
    await elsewhere.goto(`${api.url}/account`);
    await expect(elsewhere.locator('html').getAttribute('lang')).resolves.toBe('en');
    await api.http.post('/api/v1/auth/password-reset').send({ email }).expect(202);
    await expect(mail.next(email, (m) => m.subject.startsWith('Reset your'))).resolves.toBeDefined();
  });

  it('stops one kind of email from the mail’s link, asked first, in the reader’s language', async () => {
    const user = await registerUser(api);
    const token = unsubscribeToken(api.config.auth.unsubscribeSecret, user.id, 'comment_reply');
    const page = await visitor('fr-FR', true);
    await page.goto(`${api.url}/unsubscribe?token=${token}`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Ne plus recevoir ces e-mails ?');
    await expect(page.locator('main').innerText()).resolves.toContain('Quelqu’un répond à votre commentaire');
    expect(await axeViolations(page)).toEqual([]);
    const preferences = async () =>
      (await api.http.get('/api/v1/me/notification-preferences').set('Authorization', user.auth).expect(200)).body as unknown[];
    await expect(preferences()).resolves.toContainEqual({ kind: 'comment_reply', email: 'immediate' });
    await page.getByRole('button', { name: 'Ne plus recevoir ces e-mails' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('C’est fait');
    await expect(preferences()).resolves.toContainEqual({ kind: 'comment_reply', email: 'off' });
    await page.goto(`${api.url}/unsubscribe?token=forged`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Ce lien ne fonctionne pas');
  });

  for (const locale of ['en-GB', 'fr-FR']) {
    it(`has no WCAG 2.1 AA violation on the account, forgot, reset, confirm and erase pages (${locale})`, async () => {
      const user = await registerUser(api);
      const page = await signedIn(user, locale, true);
      for (const path of ['/account', '/account/erase', '/forgot-password', '/reset-password?token=x', '/confirm-email?token=x']) {
        await page.goto(`${api.url}${path}`);
        const violations = await axeViolations(page);
        expect({ path, violations }).toEqual({ path, violations: [] });
      }
      await page.goto(`${api.url}/account`);
      await page.locator('form[action="/account/verification"] button').click();
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
    });
  }
});
