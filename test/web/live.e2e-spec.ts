import { gzipSync } from 'node:zlib';
import {
  axeViolations,
  createProposal,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  launchBrowser,
  registerUser,
  type RunningApp,
  startTestWorker,
  subscribe,
  type TestBrowser,
  type TestUser,
} from '@polity/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';

describe('the site live: two people on one proposal, with JavaScript', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let browser: TestBrowser;
  let author: TestUser;
  let supporter: TestUser;
  let watcher: TestUser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, worker, browser] = await Promise.all([createTestApp(), startTestWorker(), launchBrowser()]);
    [author, supporter, watcher] = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  async function signedIn(user: TestUser, locale = 'en-GB'): Promise<Page> {
    const context = await browser.context({ locale, javaScript: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${api.url}/sign-in`);
    await page.locator('#email').fill(user.email);
    await page.locator('#password').fill(user.password);
    await page.locator('main form button[type=submit]').click();
    return page;
  }

  const ready = (page: Page) => page.waitForSelector('html[data-live="ready"]', { timeout: 10_000 });
  /** Everything the status region has said since, as a screen reader would have heard it in turn. */
  const listen = (page: Page) =>
    page.evaluate(() => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      const region = document.getElementById('live-status') as HTMLElement;
      new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
  const heard = (page: Page) => page.evaluate(() => (window as unknown as { said: string[] }).said);

  it('one supports and comments; the other sees the count and the comment arrive, told once in the status region', async () => {
    const { id } = await createProposal(api, author, { title: 'Benches along the canal' });
    const [mine, theirs] = await Promise.all([signedIn(supporter), signedIn(watcher)]);
    await Promise.all([mine.goto(`${api.url}/proposals/${id}`), theirs.goto(`${api.url}/proposals/${id}`)]);
    await Promise.all([ready(mine), ready(theirs)]);
    // Set on the page as loaded: still there afterwards means the page was never reloaded.
    await Promise.all(
      [mine, theirs].map((page) => page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true))),
    );
    await listen(theirs);

    await mine.getByRole('button', { name: 'Support this proposal' }).click();
    await mine.getByRole('button', { name: 'Withdraw my support' }).waitFor();
    await expectEventually(async () => expect(await theirs.locator('#support-count').innerText()).toBe('1 support'), 10_000, 100);
    await expectEventually(async () => expect(await heard(theirs)).toEqual(['1 support']), 5_000, 100);
    await expectEventually(async () => expect(await mine.locator('#support-count').innerText()).toBe('1 support'), 10_000, 100);

    const written = await api.http
      .post(`/api/v1/proposals/${id}/comments`)
      .set('Authorization', supporter.auth)
      .send({ body: 'Shade matters: put them under the plane trees.' })
      .expect(201);
    const arrived = theirs.locator(`#comment-${written.body.id as string}`);
    await arrived.waitFor({ timeout: 10_000 });
    await expect(arrived.innerText()).resolves.toContain('Shade matters');
    await expectEventually(async () => expect(await theirs.locator('#comment-count').innerText()).toBe('1 comment'), 10_000, 100);
    // Each change said once, in the order it came.
    await expectEventually(
      async () => expect((await heard(theirs)).sort()).toEqual(['1 comment', '1 support', `New comment from ${supporter.displayName}`]),
      5_000,
      100,
    );

    // A reply goes under what it answers.
    const reply = await api.http
      .post(`/api/v1/proposals/${id}/comments`)
      .set('Authorization', author.auth)
      .send({ body: 'Good idea, noted.', parentId: written.body.id })
      .expect(201);
    await theirs.locator(`[data-live-list="replies-${written.body.id as string}"] #comment-${reply.body.id as string}`).waitFor();

    for (const page of [mine, theirs]) {
      await expect(page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('shows the council’s answer as it is given, with the new status, said once', async () => {
    const official = await createUserWithRoles(api, ['official']);
    const { id } = await createProposal(api, author);
    const page = await signedIn(await registerUser(api));
    await page.goto(`${api.url}/proposals/${id}`);
    await ready(page);
    await listen(page);
    await api.http
      .post(`/api/v1/proposals/${id}/answer`)
      .set('Authorization', official.auth)
      .send({ status: 'accepted', answer: 'The works start in April.' })
      .expect(200);
    await page.getByRole('heading', { name: 'The council’s answer' }).waitFor({ timeout: 10_000 });
    await expect(page.locator('main').innerText()).resolves.toContain('The works start in April.');
    await expectEventually(
      async () => expect(await page.locator('[data-live-part="facts"]').innerText()).toContain('Accepted'),
      5_000,
      100,
    );
    await expectEventually(
      async () => expect(await heard(page)).toEqual(['Status: Accepted. The council has answered this proposal.']),
      5_000,
      100,
    );
  });

  it('a page that connected late catches up from the room’s number, and says it in French', async () => {
    const { id } = await createProposal(api, author);
    // Someone new: an account keeps the language it first signed in with, and the others already did, in English.
    const page = await signedIn(await registerUser(api), 'fr-FR');
    // The live script is held back until a support has been counted and pushed to nobody.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/live.js', async (route) => {
      await held;
      await route.continue();
    });
    // A deferred script runs before DOMContentLoaded: held back, the page has only begun.
    await page.goto(`${api.url}/proposals/${id}`, { waitUntil: 'commit' });
    await page.locator('#support-count').waitFor();
    await expect(page.locator('#support-count').innerText()).resolves.toBe('Aucun soutien pour l’instant');
    await api.http
      .put(`/api/v1/proposals/${id}/support`)
      .set('Authorization', supporter.auth)
      .expect((r) => expect(r.status).toBeLessThan(300));
    await expectEventually(
      async () => expect((await api.http.get(`/api/v1/proposals/${id}`).expect(200)).body.supportCount).toBe(1),
      10_000,
      100,
    );
    release();
    await expectEventually(async () => expect(await page.locator('#support-count').innerText()).toBe('1 soutien'), 10_000, 100);
  });

  it('the header badge counts unread notifications as they come, and the inbox marks them read without a reload', async () => {
    const proposer = await registerUser(api);
    const { id } = await createProposal(api, proposer, { title: 'A library van for the outer districts' });
    const page = await signedIn(proposer);
    await page.goto(`${api.url}/notifications`);
    await ready(page);
    await expect(page.locator('#unread-count').innerText()).resolves.toBe('');
    await api.http
      .post(`/api/v1/proposals/${id}/comments`)
      .set('Authorization', watcher.auth)
      .send({ body: 'Every Thursday, please.' })
      .expect(201);
    await expectEventually(async () => expect(await page.locator('#unread-count').innerText()).toBe('1 unread'), 15_000, 100);
    // The inbox itself catches up too, and offers to mark it read.
    const markRead = page.getByRole('button', { name: 'Mark as read' });
    await markRead.waitFor({ timeout: 10_000 });
    expect(await axeViolations(page)).toEqual([]);
    await markRead.click();
    await expectEventually(async () => expect(await page.locator('#unread-count').innerText()).toBe(''), 10_000, 100);
    await expectEventually(async () => expect(await page.getByRole('button', { name: 'Mark as read' }).count()).toBe(0), 5_000, 100);
  });

  it('a page’s connection is signed in by the session cookie, only from the site’s own pages, and only while the session stands', async () => {
    const page = await signedIn(watcher);
    const cookie = (await page.context().cookies()).find((entry) => entry.name === 'polity_session');
    expect(cookie).toBeDefined();
    const sockets: Socket[] = [];
    const connect = async (origin: string): Promise<Socket> => {
      const socket = io(api.url, {
        transports: ['websocket'],
        extraHeaders: { cookie: `polity_session=${cookie?.value ?? ''}`, origin },
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      return socket;
    };
    const own = `user:${watcher.id}`;
    try {
      const fromSite = await connect(api.url);
      await expect(subscribe(fromSite, own)).resolves.toMatchObject({ ok: true });
      // Another site's page cannot borrow the cookie: its connection is anonymous.
      await expect(subscribe(await connect('https://elsewhere.example'), own)).resolves.toMatchObject({
        ok: false,
        error: { status: 403 },
      });
      // Signing out ends the session: the open connection is told and leaves the room, a new one is anonymous.
      const changed = new Promise((resolve) => fromSite.once('access.changed', resolve));
      await page.goto(`${api.url}/`);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(changed).resolves.toMatchObject({ reason: 'signed_out', signedIn: false, leftRooms: [own] });
      await expect(subscribe(await connect(api.url), own)).resolves.toMatchObject({ ok: false, error: { status: 403 } });
    } finally {
      sockets.forEach((socket) => socket.close());
    }
  });

  it('works by keyboard alone: the skip link first, support reached by Tab and given by Enter, the focus kept', async () => {
    const { id } = await createProposal(api, author);
    const page = await signedIn(await registerUser(api));
    await page.goto(`${api.url}/proposals/${id}`);
    await ready(page);
    const focused = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '' }));
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ text: 'Skip to main content' });
    for (let presses = 0; presses < 40 && (await focused()).id !== 'support-button'; presses++) await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ id: 'support-button', text: 'Support this proposal' });
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Withdraw my support' }).waitFor();
    await expect(focused()).resolves.toMatchObject({ id: 'support-button', text: 'Withdraw my support' });
    await expectEventually(async () => expect(await page.locator('#support-count').innerText()).toBe('1 support'), 10_000, 100);
  });

  it('previews Markdown as it is typed, before anything is published', async () => {
    const page = await signedIn(supporter);
    await page.goto(`${api.url}/proposals/new`);
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.isVisible()).resolves.toBe(false);
    await page.getByLabel('Your proposal').pressSequentially('A **covered** shelter', { delay: 5 });
    await preview.locator('strong', { hasText: 'covered' }).waitFor({ timeout: 5_000 });
    // Raw markup is rendered as the published text would be: escaped, never run.
    await page.getByLabel('Your proposal').fill('<img src=x onerror=alert(1)> and *more*');
    await preview.locator('em', { hasText: 'more' }).waitFor({ timeout: 5_000 });
    await expect(preview.locator('img').count()).resolves.toBe(0);
    expect((await api.http.get('/api/v1/proposals').query({ q: 'covered shelter' }).expect(200)).body.items).toEqual([]);
  });

  it('stays within the JavaScript budget: the whole client under 60 KB gzipped', async () => {
    const script = await api.http.get('/assets/live.js').expect(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(gzipSync(script.text).length).toBeLessThan(60 * 1024);
  });
});
