import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestApp,
  expectEventually,
  type MailCatcher,
  registerUser,
  RunningApp,
  startMailCatcher,
  startTestWorker,
} from '@polity/testing';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';

const tokenIn = (text: string): string => {
  const token = /token=([A-Za-z0-9._-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no token in ${text}`);
  return token;
};

describe('account mail: address confirmation and password reset', () => {
  let mail: MailCatcher;
  let api: RunningApp;
  let worker: RunningApp;

  beforeAll(async () => {
    mail = await startMailCatcher();
    api = await createTestApp({ SMTP_URL: mail.url });
    worker = await startTestWorker({ SMTP_URL: mail.url });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await mail.close();
  });

  it('mails a confirmation link after registration that works once', async () => {
    const user = await registerUser(api);
    const message = await mail.next(user.email, (candidate) => candidate.subject.includes('Confirm your email'));
    expect(message.html).toContain('Confirm my address');
    const token = tokenIn(message.text);
    expect((await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(200)).body.emailConfirmed).toBe(false);
    expect((await api.http.post('/api/v1/auth/confirm-email').send({ token }).expect(200)).body).toEqual({ emailConfirmed: true });
    expect((await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(200)).body.emailConfirmed).toBe(true);
    expect((await api.http.post('/api/v1/auth/confirm-email').send({ token }).expect(400)).body.code).toBe('invalid_link');
    const [id] = token.split('.');
    expect(
      (
        await api.http
          .post('/api/v1/auth/confirm-email')
          .send({ token: `${id}.forged` })
          .expect(400)
      ).body.code,
    ).toBe('invalid_link');
  });

  it('resets a password by a single-use link, ends every session, and answers the same for unknown addresses', async () => {
    const user = await registerUser(api);
    const known = await api.http.post('/api/v1/auth/password-reset').send({ email: user.email }).expect(202);
    const unknown = await api.http.post('/api/v1/auth/password-reset').send({ email: 'nobody-here@example.test' }).expect(202);
    expect(unknown.body).toEqual(known.body);

    const message = await mail.next(user.email, (candidate) => candidate.subject.includes('Reset your Polity password'));
    const token = tokenIn(message.text);
    // A confirmation token cannot reset a password.
    const confirmation = tokenIn((await mail.next(user.email, (candidate) => candidate.subject.includes('Confirm'))).text);
    expect(
      (
        await api.http
          .post('/api/v1/auth/password-reset/confirm')
          .send({ token: confirmation, password: 'a brand new passphrase' })
          .expect(400)
      ).body.code,
    ).toBe('invalid_link');
    await api.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'short' }).expect(400);

    await api.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'a brand new passphrase' }).expect(204);
    await api.http.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await api.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(401);
    await api.http.post('/api/v1/auth/login').send({ email: user.email, password: 'a brand new passphrase' }).expect(200);
    expect(
      (await api.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'yet another passphrase' }).expect(400)).body
        .code,
    ).toBe('invalid_link');
  });

  it('links to plain pages where opening changes nothing and the button spends the link once', async () => {
    const user = await registerUser(api);
    const confirmation = (await mail.next(user.email, (candidate) => candidate.subject.includes('Confirm'))).text;
    const mailed = new URL(/https?:\/\/\S+confirm-email\?token=\S+/.exec(confirmation)?.[0] ?? '');
    // The mail links to the site's page (test/web/account.e2e-spec.ts); the api's own plain page does the same.
    expect(mailed.pathname).toBe('/confirm-email');
    const link = new URL(`/api/v1/pages/confirm-email${mailed.search}`, mailed);
    const token = link.searchParams.get('token') ?? '';

    const opened = await api.http.get(`${link.pathname}${link.search}`).expect(200);
    expect(opened.headers['content-type']).toMatch(/^text\/html/);
    expect(opened.text).toContain(`<input type="hidden" name="token" value="${token}">`);
    expect(opened.text).not.toContain('<script');
    await api.http.get(`${link.pathname}${link.search}`).expect(200);
    expect((await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(200)).body.emailConfirmed).toBe(false);

    const confirmed = await api.http.post(link.pathname).type('form').send({ token }).expect(200);
    expect(confirmed.text).toContain('Address confirmed');
    expect((await api.http.get('/api/v1/me').set('Authorization', user.auth).expect(200)).body.emailConfirmed).toBe(true);
    const again = await api.http.post(link.pathname).type('form').send({ token }).expect(400);
    expect(again.headers['content-type']).toMatch(/^text\/html/);
    expect(again.text).toContain('This link does not work');

    // Whatever comes back in the page is escaped, never markup.
    const forged = await api.http.get('/api/v1/pages/confirm-email').query({ token: '"><script>alert(1)</script>' }).expect(200);
    expect(forged.text).not.toContain('<script>alert(1)</script>');
    expect(forged.text).toContain('&quot;&gt;&lt;script&gt;');
    // Form posts go to the pages only; the JSON API still wants JSON.
    await api.http.post('/api/v1/auth/confirm-email').type('form').send({ token }).expect(400);
  });

  it('resets a password on its page, keeping the link for another try when the password is refused', async () => {
    const user = await registerUser(api);
    await api.http.post('/api/v1/auth/password-reset').send({ email: user.email }).expect(202);
    const text = (await mail.next(user.email, (candidate) => candidate.subject.includes('Reset'))).text;
    const mailed = new URL(/https?:\/\/\S+reset-password\?token=\S+/.exec(text)?.[0] ?? '');
    expect(mailed.pathname).toBe('/reset-password');
    const link = new URL(`/api/v1/pages/reset-password${mailed.search}`, mailed);
    const token = link.searchParams.get('token') ?? '';
    expect((await api.http.get(`${link.pathname}${link.search}`).expect(200)).text).toContain('type="password" name="password"');

    const short = await api.http.post(link.pathname).type('form').send({ token, password: 'short' }).expect(400);
    expect(short.text).toContain('password must be longer than or equal to 10 characters');
    expect(short.text).toContain(`value="${token}"`);
    const changed = await api.http.post(link.pathname).type('form').send({ token, password: 'a page-set passphrase' }).expect(200);
    expect(changed.text).toContain('Password changed');
    await api.http.post('/api/v1/auth/login').send({ email: user.email, password: 'a page-set passphrase' }).expect(200);
    await api.http.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await api.http.post(link.pathname).type('form').send({ token, password: 'another passphrase' }).expect(400);
  });

  it('refuses an expired reset link', async () => {
    const user = await registerUser(api);
    await api.http.post('/api/v1/auth/password-reset').send({ email: user.email }).expect(202);
    const token = tokenIn((await mail.next(user.email, (candidate) => candidate.subject.includes('Reset'))).text);
    await api.app
      .get(DataSource)
      .query(`UPDATE account_link SET expires_at = now() - interval '1 minute' WHERE id = $1`, [token.split('.')[0]]);
    expect(
      (await api.http.post('/api/v1/auth/password-reset/confirm').send({ token, password: 'a brand new passphrase' }).expect(400)).body
        .code,
    ).toBe('link_expired');
    await api.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(200);
  });
});

describe('account mail without an SMTP server (a fresh `npm start`)', () => {
  let folder: string;
  let api: RunningApp;
  let worker: RunningApp;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'polity-mail-drop-'));
    api = await createTestApp({ MAIL_DROP_DIR: folder });
    worker = await startTestWorker({ MAIL_DROP_DIR: folder });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('writes each message whole as an .eml file whose link works', async () => {
    const user = await registerUser(api);
    const message = await expectEventually(async () => {
      const files = (await readdir(folder)).filter((name) => name.endsWith('.eml'));
      const parsed = await Promise.all(files.map(async (name) => simpleParser(await readFile(join(folder, name)))));
      const mine = parsed.find(
        (candidate) => candidate.text?.includes('confirm-email') && JSON.stringify(candidate.to).includes(user.email),
      );
      if (!mine) throw new Error(`no confirmation for ${user.email} among ${files.length} files`);
      return mine;
    }, 10_000);
    expect(message.subject).toContain('Confirm your email');
    expect(message.html).toContain('Confirm my address');
    expect((await readdir(folder)).filter((name) => name.startsWith('.'))).toEqual([]);
    await api.http
      .post('/api/v1/auth/confirm-email')
      .send({ token: tokenIn(message.text ?? '') })
      .expect(200);
  });
});
