import { JobQueue } from '@polity/queue';
import { axeViolations, createUserWithRoles, expectEventually, liveReady, registerUser, type TestUser, webWorld } from '@polity/testing';
import type { Page } from 'playwright-core';

describe('the administrators’ console on the web site', () => {
  const world = webWorld();
  let admin: TestUser;

  beforeAll(async () => {
    admin = await createUserWithRoles(world.api, ['admin']);
  });

  const notice = (page: Page) => page.locator('.polity-notice').first().innerText();
  const auditOf = async (action: string) =>
    (
      (await world.api.http.get(`/api/v1/admin/audit?action=${action}`).set('Authorization', admin.auth).expect(200)).body as {
        items: { targetId: string; after: unknown }[];
      }
    ).items;

  it('is for administrators: an official, a moderator and a clerk get 403 on every page and form of it', async () => {
    const others = await Promise.all([createUserWithRoles(world.api, ['official', 'moderator', 'council'])]);
    const page = await world.pageOf(others[0]);
    for (const path of [
      '/staff/admin/users',
      '/staff/admin/census',
      '/staff/admin/audit',
      '/staff/admin/jobs',
      '/staff/admin/open-data',
      '/staff/admin/site',
    ]) {
      const response = await page.goto(`${world.api.url}${path}`);
      expect([path, response?.status()]).toEqual([path, 403]);
    }
    const status = await page.evaluate(async (url) => {
      const token = (document.querySelector('input[name=_csrf]') as HTMLInputElement).value;
      return (await fetch(url, { method: 'POST', body: new URLSearchParams({ _csrf: token }), redirect: 'manual' })).status;
    }, `${world.api.url}/staff/admin/open-data`);
    expect(status).toBe(403);
  });

  it('accounts without JavaScript: found by name, roles changed by checkbox, the change in the audit log', async () => {
    const person = await registerUser(world.api, { displayName: 'Rosa Parkside' });
    const page = await world.pageOf(admin);
    await page.goto(`${world.api.url}/staff`);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.fill('#q', 'Rosa Parkside');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    expect(new URL(page.url()).searchParams.get('q')).toBe('Rosa Parkside');
    await page.locator(`#roles-${person.id}-moderator`).check();
    await page.getByRole('button', { name: 'Save the roles of Rosa Parkside' }).click();
    await expect(notice(page)).resolves.toContain('The roles are saved.');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Rosa Parkside');
    await expect(page.locator(`#roles-${person.id}-moderator`).isChecked()).resolves.toBe(true);
    const me = await world.api.http.post('/api/v1/auth/login').send({ email: person.email, password: person.password }).expect(200);
    expect((me.body as { user: { roles: string[] } }).user.roles).toContain('moderator');

    await page.goto(`${world.api.url}/staff/admin/audit?action=user.`);
    await expect(page.locator('tbody').innerText()).resolves.toContain(person.id);
    await page.goto(`${world.api.url}/staff/admin/audit?actorId=not-an-id`);
    await expect(page.locator('[role=alert]').innerText()).resolves.toBe('These filters are not valid: actorId.');
  });

  it('census: a file uploaded from the page (its form token in the address), the report shown; no file, or no token, refused', async () => {
    const page = await world.pageOf(admin);
    await page.goto(`${world.api.url}/staff/admin/census`);
    await page.getByRole('button', { name: 'Upload the census' }).click();
    await expect(page.locator('[role=alert]').innerText()).resolves.toBe('Choose a CSV file.');
    await page.locator('#file').setInputFiles({
      name: 'census.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('identifier,birth_date,district\nW-1,1980-01-02,north\nW-2,1991-02-03,south\n'),
    });
    await page.getByRole('button', { name: 'Upload the census' }).click();
    await expect(notice(page)).resolves.toBe('Census loaded: 2 rows read, 2 new, 0 dropped, matched on birth date.');
    await expect(page.locator('main').innerText()).resolves.toMatch(/\d+ residents in the census/);
    const forged = await page.request.post(`${world.api.url}/staff/admin/census`, {
      multipart: { file: { name: 'census.csv', mimeType: 'text/csv', buffer: Buffer.from('identifier,birth_date\nX,1980-01-01\n') } },
      headers: { origin: world.api.url },
    });
    expect(forged.status()).toBe(403);
  });

  it('jobs: a failed job listed with its reason and retried from the page; the retry audited', async () => {
    const job = await world.api.app
      .get(JobQueue)
      .enqueue('maintenance.prune-outbox', { olderThanDays: 'soon' as unknown as number }, { attempts: 1 });
    const page = await world.pageOf(admin);
    await expectEventually(
      async () => {
        await page.goto(`${world.api.url}/staff/admin/jobs?queue=maintenance&state=failed`);
        expect(await page.getByRole('button', { name: `Retry job ${job.id}` }).count()).toBe(1);
      },
      15_000,
      250,
    );
    await expect(page.locator('tbody').innerText()).resolves.toContain('invalid input syntax');
    await page.getByRole('button', { name: `Retry job ${job.id}` }).click();
    await expect(notice(page)).resolves.toBe('The job is queued again.');
    const retried = await auditOf('job.retried');
    expect(retried.some((entry) => entry.targetId === `maintenance:${job.id}`)).toBe(true);
  });

  it('open data: a snapshot asked for from the page is followed live until it is published, with its downloads', async () => {
    const page = await world.pageOf(admin, { javaScript: true });
    await page.goto(`${world.api.url}/staff/admin/open-data`);
    await liveReady(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Build a snapshot now' }).click()]);
    await expect(notice(page)).resolves.toBe('A snapshot is being built; this page follows its progress.');
    await liveReady(page);
    await expectEventually(
      async () => expect(await page.locator('[data-live-part="snapshots"] li').first().innerText()).toContain('Published'),
      30_000,
      250,
    );
    const zip = await page
      .getByRole('link', { name: /Download everything \(zip/ })
      .first()
      .getAttribute('href');
    expect(zip).toMatch(/^\/api\/v1\/open-data\/snapshots\/[0-9a-f-]{36}\/files\/package\.zip$/);
  });

  it('site settings: the configuration shown, and a brand colour tried for contrast', async () => {
    const page = await world.pageOf(admin);
    await page.goto(`${world.api.url}/staff/admin/site`);
    await expect(page.locator('tbody').innerText()).resolves.toContain('SITE_BRAND_COLOUR');
    await page.fill('#colour', '#ffcc00');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.locator('[role=status]').first().innerText()).resolves.toContain('It fails WCAG 2.1 AA');
    await page.fill('#colour', '#0b5394');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.locator('main [role=status]').innerText()).resolves.toContain('set SITE_BRAND_COLOUR=#0b5394 and restart');
    await page.fill('#colour', 'blue');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.locator('#colour-error').innerText()).resolves.toBe('Write a colour as # and six hexadecimal digits.');
  });

  it('every administration page has no WCAG A/AA violations, in English and in French', async () => {
    for (const locale of ['en', 'fr']) {
      const page = await world.pageOf(admin, { javaScript: true });
      await page.goto(`${world.api.url}/language?to=${locale}&back=/staff`);
      for (const path of [
        '/staff',
        '/staff/admin/users',
        '/staff/admin/census',
        '/staff/admin/audit',
        '/staff/admin/jobs',
        '/staff/admin/open-data',
        '/staff/admin/site?colour=%230b5394',
      ]) {
        await page.goto(`${world.api.url}${path}`);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
        // Every disclosure open, so the forms inside them are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        expect([locale, path, await axeViolations(page)]).toEqual([locale, path, []]);
      }
    }
  });
});
