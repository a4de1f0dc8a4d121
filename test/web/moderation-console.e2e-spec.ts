import {
  axeViolations,
  createProposal,
  createUserWithRoles,
  expectEventually,
  liveReady,
  markUnreloaded,
  moderationItemOf,
  registerUser,
  tabTo,
  type TestUser,
  wasNotReloaded,
  webWorld,
} from '@polity/testing';
import type { Page } from 'playwright-core';

// The accessibility scans visit every page in both languages; on a busy two-core machine that takes longer than the default 30 s.

describe('the moderators’ console on the web site', () => {
  const world = webWorld();
  let moderator: TestUser;
  let colleague: TestUser;
  let author: TestUser;
  let reporter: TestUser;

  beforeAll(async () => {
    [moderator, colleague, author, reporter] = await Promise.all([
      createUserWithRoles(world.api, ['moderator']),
      createUserWithRoles(world.api, ['moderator']),
      registerUser(world.api, { displayName: 'Ada Author' }),
      registerUser(world.api),
    ]);
  });

  let sequence = 0;
  /** A comment by the author that a resident reported: an open item in the queue. */
  async function reportedComment(body?: string): Promise<{ commentId: string; itemId: string; text: string }> {
    sequence += 1;
    const { id: proposalId } = await createProposal(world.api, author);
    const text = body ?? `Reported comment number ${sequence}, with words of its own ${Date.now()}.`;
    const comment = await world.api.http
      .post(`/api/v1/proposals/${proposalId}/comments`)
      .set('Authorization', author.auth)
      .send({ body: text })
      .expect(201);
    const commentId = (comment.body as { id: string }).id;
    await world.api.http
      .post('/api/v1/reports')
      .set('Authorization', reporter.auth)
      .send({ kind: 'comments', id: commentId, reason: 'spam' })
      .expect(201);
    const item = await moderationItemOf(world.api, moderator, 'comments', commentId);
    return { commentId, itemId: item.id, text };
  }

  const itemOf = (page: Page, itemId: string) => page.locator(`[data-live-key="${itemId}"]`);
  const stateOf = async (itemId: string) => moderationItemOf(world.api, moderator, 'comments', (await itemRow(itemId)).contentId);
  async function itemRow(itemId: string): Promise<{ contentId: string }> {
    const response = await world.api.http.get(`/api/v1/moderation/items/${itemId}`).set('Authorization', moderator.auth).expect(200);
    return response.body as { contentId: string };
  }

  it('is for moderators: a resident is refused (403), a visitor asked to sign in (401), and a form without its token refused', async () => {
    const { page } = await world.reader();
    for (const path of ['/staff', '/staff/moderation', '/staff/moderation/blocks', '/staff/moderation/settings', '/staff/meetings']) {
      const response = await page.goto(`${world.api.url}${path}`);
      expect([path, response?.status()]).toEqual([path, 403]);
      await expect(page.locator('h1').innerText()).resolves.toBe('You cannot do this');
    }
    const { itemId } = await reportedComment();
    // A resident's own session and form token, posting to the console: still refused, and nothing claimed.
    const refused = await page.evaluate(async (url) => {
      const token = (document.querySelector('input[name=_csrf]') as HTMLInputElement).value;
      const response = await fetch(url, { method: 'POST', body: new URLSearchParams({ _csrf: token }), redirect: 'manual' });
      return response.status;
    }, `${world.api.url}/staff/moderation/items/${itemId}/claim`);
    expect(refused).toBe(403);
    const visitor = await (await world.browser.context({ locale: 'en-GB', javaScript: false })).newPage();
    const signedOut = await visitor.goto(`${world.api.url}/staff/moderation`);
    expect(signedOut?.status()).toBe(401);
    await expect(visitor.getByRole('link', { name: 'Sign in' }).last().getAttribute('href')).resolves.toBe(
      '/sign-in?next=%2Fstaff%2Fmoderation',
    );
    await visitor.context().close();
    const moderatorPage = await world.pageOf(moderator);
    const forged = await moderatorPage.request.post(`${world.api.url}/staff/moderation/items/${itemId}/claim`, {
      form: { back: '/staff/moderation' },
      headers: { origin: world.api.url },
    });
    expect(forged.status()).toBe(403);
    await expect(stateOf(itemId)).resolves.toMatchObject({ open: true });
    const claim = (await world.api.http.get(`/api/v1/moderation/items/${itemId}`).set('Authorization', moderator.auth)).body as {
      claim: unknown;
    };
    expect(claim.claim).toBeNull();
  });

  it('without JavaScript: filters stay in the address; claim, then hide with a statement; the author is told and the item leaves', async () => {
    const { itemId, text } = await reportedComment();
    const page = await world.pageOf(moderator);
    await page.goto(`${world.api.url}/staff`);
    await page.getByRole('link', { name: 'Moderation' }).click();
    await page.selectOption('#reason', 'spam');
    await page.selectOption('#sort', 'newest');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(new URL(page.url()).search).toContain('reason=spam');
    expect(new URL(page.url()).search).toContain('sort=newest');
    const item = itemOf(page, itemId);
    await expect(item.locator('blockquote').innerText()).resolves.toBe(text);
    await expect(item.innerText()).resolves.toContain('1 report: Spam 1');
    await item.getByRole('button', { name: 'Claim' }).click();
    await expect(page.locator('[role=status].polity-notice').innerText()).resolves.toBe('You claimed the item.');
    expect(new URL(page.url()).search).toContain('reason=spam');
    await expect(itemOf(page, itemId).innerText()).resolves.toContain('You hold this item until');

    // Hiding without a template or statement is refused beside the field, nothing decided.
    await itemOf(page, itemId).getByRole('button', { name: 'Decide' }).click();
    await expect(itemOf(page, itemId).locator('.polity-field__error').innerText()).resolves.toContain('Write a statement');
    await itemOf(page, itemId)
      .getByLabel('Your own statement (added to the template’s)')
      .fill('This advertises a shop, which the site is not for.');
    await itemOf(page, itemId).getByRole('button', { name: 'Decide' }).click();
    await expect(page.locator('[role=status].polity-notice').innerText()).resolves.toBe('Your decision was recorded and the author told.');
    await expect(itemOf(page, itemId).count()).resolves.toBe(0);
    await expect(stateOf(itemId)).resolves.toMatchObject({ state: 'hidden', open: false });
    const decisions = await world.api.http.get('/api/v1/me/moderation-decisions').set('Authorization', author.auth).expect(200);
    expect((decisions.body as { items: { statement: string }[] }).items[0].statement).toContain('This advertises a shop');
  });

  it('a bulk decision reports item by item; a colleague’s claim is refused with a reason, the rest decided', async () => {
    const [first, second] = [await reportedComment(), await reportedComment()];
    await world.api.http.post(`/api/v1/moderation/items/${second.itemId}/claim`).set('Authorization', colleague.auth).expect(200);
    const page = await world.pageOf(moderator);
    await page.goto(`${world.api.url}/staff/moderation?reason=spam`);
    await itemOf(page, first.itemId).getByLabel('Select for a bulk decision').check();
    await itemOf(page, second.itemId).getByLabel('Select for a bulk decision').check();
    await page.locator('summary', { hasText: 'Bulk decision on the selected items' }).click();
    await page.locator('#action-bulk-dismiss').check();
    await page.getByRole('button', { name: 'Decide the selected items' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Bulk decision');
    await expect(page.locator('[role=status]').first().innerText()).resolves.toBe('1 item decided, 1 refused.');
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows.some((row) => row.includes('Decided'))).toBe(true);
    expect(rows.some((row) => row.includes('a colleague holds this item'))).toBe(true);
    await expect(stateOf(first.itemId)).resolves.toMatchObject({ state: 'visible', open: false });
    await expect(stateOf(second.itemId)).resolves.toMatchObject({ open: true });
  });

  it('by keyboard alone: J reaches an item, X selects it, C claims it, the decision is written and sent from the keyboard', async () => {
    const { itemId } = await reportedComment();
    const page = await world.pageOf(moderator, { javaScript: true });
    await page.goto(`${world.api.url}/staff/moderation?sort=newest`);
    await liveReady(page);
    await page.keyboard.press('j');
    const focusedItem = () => page.evaluate(() => document.activeElement?.closest('[data-live-key]')?.getAttribute('data-live-key'));
    await expect(focusedItem()).resolves.toBe(itemId);
    await page.keyboard.press('x');
    await expect(itemOf(page, itemId).locator('input[name=itemIds]').isChecked()).resolves.toBe(true);
    await page.keyboard.press('x');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('c')]);
    await expect(itemOf(page, itemId).innerText()).resolves.toContain('You hold this item');
    await page.locator(`#statement-${itemId}`).focus();
    await page.keyboard.type('Off topic for this proposal, and advertising.');
    await tabTo(page, `[data-live-key="${itemId}"] form[action$="/decision"] button[type=submit]`, 10);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expect(stateOf(itemId)).resolves.toMatchObject({ state: 'hidden' });
  });

  it('live: two moderators see each other’s claims and decisions, and new items arrive, without reload', async () => {
    const { itemId } = await reportedComment();
    const [mine, theirs] = await Promise.all([
      world.pageOf(moderator, { javaScript: true }),
      world.pageOf(colleague, { javaScript: true }),
    ]);
    await Promise.all([mine.goto(`${world.api.url}/staff/moderation`), theirs.goto(`${world.api.url}/staff/moderation`)]);
    await Promise.all([liveReady(mine), liveReady(theirs)]);
    await markUnreloaded(theirs);

    await itemOf(mine, itemId).getByRole('button', { name: 'Claim' }).click();
    await expectEventually(async () => expect(await itemOf(theirs, itemId).innerText()).toMatch(/Held by Citizen \d+ until/), 10_000, 100);

    const arriving = await reportedComment();
    await expectEventually(async () => expect(await itemOf(theirs, arriving.itemId).count()).toBe(1), 10_000, 100);

    await itemOf(mine, itemId).locator(`#statement-${itemId}`).fill('Advertising is not what this site is for.');
    await itemOf(mine, itemId).getByRole('button', { name: 'Decide' }).click();
    await expectEventually(async () => expect(await itemOf(theirs, itemId).count()).toBe(0), 10_000, 100);
    await expect(wasNotReloaded(theirs)).resolves.toBe(true);
  });

  it('an appeal goes to a different moderator, from the appeals view', async () => {
    const { itemId } = await reportedComment();
    const decided = await world.api.http
      .post(`/api/v1/moderation/items/${itemId}/decision`)
      .set('Authorization', moderator.auth)
      .send({ action: 'hide', statement: 'Advertising is not allowed here.' })
      .expect(201);
    await world.api.http
      .post(`/api/v1/moderation/decisions/${(decided.body as { id: string }).id}/appeal`)
      .set('Authorization', author.auth)
      .send({ statement: 'I was only sharing a useful offer with neighbours.' })
      .expect(201);
    const page = await world.pageOf(moderator);
    await page.goto(`${world.api.url}/staff/moderation`);
    await page.getByRole('link', { name: 'Appeals' }).click();
    await expect(itemOf(page, itemId).innerText()).resolves.toContain('I was only sharing a useful offer');
    await itemOf(page, itemId).locator(`#statement-${itemId}`).fill('The offer is advertising; the decision stands.');
    await itemOf(page, itemId).getByRole('button', { name: 'Decide the appeal' }).click();
    await expect(page.locator('[role=alert]').first().innerText()).resolves.toContain('you made the decision appealed');

    const other = await world.pageOf(colleague);
    await other.goto(`${world.api.url}/staff/moderation?origin=appeal`);
    await itemOf(other, itemId).locator(`#outcome-${itemId}-overturned`).check();
    await itemOf(other, itemId).locator(`#statement-${itemId}`).fill('Sharing an offer once is not spam; it is restored.');
    await itemOf(other, itemId).getByRole('button', { name: 'Decide the appeal' }).click();
    await expect(other.locator('[role=status].polity-notice').innerText()).resolves.toBe('The appeal is decided; the author is told.');
    await expect(stateOf(itemId)).resolves.toMatchObject({ state: 'visible', open: false });
  });

  it('templates and policies: saved and removed through forms, with errors beside the fields', async () => {
    const page = await world.pageOf(moderator);
    await page.goto(`${world.api.url}/staff/moderation/settings`);
    await page.fill('#key', 'Not A Key');
    await page.getByRole('button', { name: 'Save the template' }).click();
    await expect(page.locator('.polity-error-summary').innerText()).resolves.toContain('A key starts with a letter');
    await page.fill('#key', 'advertising');
    await page.fill('#title', 'Advertising');
    await page.selectOption('#reason', 'spam');
    await page.fill('#body', 'Your contribution advertised a business, which this site is not for.');
    await page.getByRole('button', { name: 'Save the template' }).click();
    await expect(page.locator('[role=status].polity-notice').innerText()).resolves.toBe('Saved.');
    await expect(page.locator('tbody').innerText()).resolves.toContain('advertising');
    await page.fill('#scope', 'budgets');
    await page.selectOption('#mode', 'pre');
    await page.getByRole('button', { name: 'Set the policy' }).click();
    await expect(page.getByRole('button', { name: 'Remove the policy for budgets' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Remove the policy for budgets' }).click();
    await expect(page.getByRole('button', { name: 'Remove the policy for budgets' }).count()).resolves.toBe(0);
  });

  it('screening rules: read into the form, a bad number refused beside it, a longer word list saved', async () => {
    const page = await world.pageOf(moderator);
    await page.goto(`${world.api.url}/staff/moderation/settings`);
    await page.locator('summary', { hasText: 'Save the screening rules' }).click();
    await expect(page.locator('#terms').inputValue()).resolves.toContain('free money');
    await page.fill('#links-score', '11');
    await page.getByRole('button', { name: 'Save the screening rules' }).click();
    await expect(page.locator('#links-score-error').innerText()).resolves.toBe('Check this number and its limits.');
    await page.fill('#links-score', '0.6');
    await page.fill('#terms', `${await page.locator('#terms').inputValue()}\nmiracle cure`);
    await page.getByRole('button', { name: 'Save the screening rules' }).click();
    await expect(page.locator('[role=status].polity-notice').innerText()).resolves.toBe('Saved.');
    const settings = await world.api.http.get('/api/v1/moderation/settings/screening').set('Authorization', moderator.auth).expect(200);
    expect((settings.body as { words: { terms: string[] } }).words.terms).toContain('miracle cure');
  });

  it('blocks: listed with their reason, and lifted (never by the moderator blocked)', async () => {
    const blocked = await registerUser(world.api, { displayName: 'Blocked Person' });
    await world.api.http
      .post('/api/v1/moderation/blocks')
      .set('Authorization', moderator.auth)
      .send({ userId: blocked.id, reason: 'Repeated advertising.' })
      .expect(201);
    const page = await world.pageOf(colleague);
    await page.goto(`${world.api.url}/staff/moderation/blocks`);
    await expect(page.locator('tbody').innerText()).resolves.toContain('Repeated advertising.');
    await page.getByRole('button', { name: 'Lift the block on Blocked Person' }).click();
    await expect(page.locator('[role=status].polity-notice').innerText()).resolves.toBe('The block is lifted.');
    await expect(page.getByRole('button', { name: 'Lift the block on Blocked Person' }).count()).resolves.toBe(0);
  });

  it('every console page and the public log have no WCAG A/AA violations, in English and in French', async () => {
    await reportedComment();
    for (const locale of ['en-GB', 'fr-FR']) {
      const page = await world.pageOf(moderator, { locale, javaScript: true });
      await page.goto(`${world.api.url}/language?to=${locale.slice(0, 2)}&back=/staff`);
      for (const path of [
        '/staff',
        '/staff/moderation',
        '/staff/moderation?origin=appeal',
        '/staff/moderation/blocks',
        '/staff/moderation/settings',
        '/moderation/log',
      ]) {
        await page.goto(`${world.api.url}${path}`);
        // Every disclosure open, so the forms inside them are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        expect([locale, path, await axeViolations(page)]).toEqual([locale, path, []]);
      }
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale.slice(0, 2));
      // The results of a bulk decision, a page of its own.
      const { itemId } = await reportedComment();
      await page.goto(`${world.api.url}/staff/moderation?sort=newest`);
      await itemOf(page, itemId).locator('input[name=itemIds]').check();
      await page.locator('details.polity-disclosure summary').click();
      await page.locator('#action-bulk-dismiss').check();
      await Promise.all([page.waitForNavigation(), page.locator('#bulk button[type=submit]').click()]);
      expect([locale, 'bulk results', await axeViolations(page)]).toEqual([locale, 'bulk results', []]);
    }
  });
});
