import {
  axeViolations,
  createThread,
  createUserWithRoles,
  expectEventually,
  listenToStatus,
  liveReady,
  markUnreloaded,
  registerUser,
  statusSaid,
  type TestUser,
  wasNotReloaded,
  webWorld,
} from '@polity/testing';

describe('co-design threads on the web site', () => {
  const world = webWorld();
  let official: TestUser;

  beforeAll(async () => {
    official = await createUserWithRoles(world.api, ['official']);
  });

  const reader = (options: { locale?: string; javaScript?: boolean; width?: number } = {}) => world.reader(options);

  async function secondStageThread() {
    const thread = await createThread(world.api, official);
    await world.api.http
      .post(`/api/v1/threads/${thread.id}/stage`)
      .set('Authorization', official.auth)
      .send({ stage: 'define', summary: 'People who work **weekdays** cannot come.' })
      .expect(200);
    return thread;
  }

  for (const javaScript of [false, true]) {
    it(`shows the stages as a progress with the finished stage’s summary, and takes an idea, a reply and a reaction (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const thread = await secondStageThread();
      const { user, page } = await reader({ javaScript });
      await page.goto(`${world.api.url}/threads/${thread.id}`);
      const stages = page.getByRole('region', { name: 'Stages' });
      await expect(stages.innerText()).resolves.toContain('Stage 2 of 4: Define');
      await expect(stages.locator('[aria-current="step"]').innerText()).resolves.toContain('Define');
      await expect(stages.locator('strong', { hasText: 'weekdays' }).count()).resolves.toBe(1);

      // Nothing chosen, nothing written: both problems beside their fields.
      await page.getByRole('button', { name: 'Post it' }).click();
      await expect(
        page
          .getByRole('alert')
          .locator('a')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      ).resolves.toEqual(['#type', '#body']);
      await page.getByLabel('Idea').check();
      await page.getByLabel('Your contribution').fill('Open on **Sunday** afternoons.');
      await page.getByRole('button', { name: 'Post it' }).click();
      const idea = page.locator('article', { hasText: 'Sunday' });
      await expect(idea.innerText()).resolves.toContain('Idea');
      const timeline = await world.api.http.get(`/api/v1/threads/${thread.id}/timeline`).expect(200);
      const entries = timeline.body.items as { type: string; post: { id: string; type: string; author: { id: string } } }[];
      const [post] = entries.filter((entry) => entry.type === 'post');
      expect(post.post).toMatchObject({ type: 'idea', author: { id: user.id } });

      // Another resident replies and says "me too".
      const { page: other } = await reader({ javaScript });
      await other.goto(`${world.api.url}/threads/${thread.id}`);
      await other.locator(`#post-${post.post.id} ~ details summary`).click();
      await other.getByLabel('Your reply').fill('Saturday mornings would work for me too.');
      await other.getByRole('button', { name: 'Send the reply' }).click();
      await expect(other.locator(`[data-live-list="replies-${post.post.id}"]`).innerText()).resolves.toContain('Saturday mornings');
      // A reply to that reply (the api nests them a few deep) shows under it.
      const replies = await world.api.http.get(`/api/v1/threads/${thread.id}/posts/${post.post.id}/replies`).expect(200);
      const [reply] = replies.body.items as { id: string }[];
      await world.api.http
        .post(`/api/v1/threads/${thread.id}/posts`)
        .set('Authorization', official.auth)
        .send({ parentId: reply.id, body: 'Saturdays are on the list.' })
        .expect(201);
      await page.goto(`${world.api.url}/threads/${thread.id}`);
      await expect(page.locator(`[data-live-list="replies-${reply.id}"]`).innerText()).resolves.toContain('Saturdays are on the list.');
      const meToo = other.locator(`#react-me_too-${post.post.id}`);
      await meToo.click();
      await expectEventually(async () => expect(await meToo.getAttribute('aria-pressed')).toBe('true'), 10_000, 100);
      await expectEventually(async () => expect(await meToo.innerText()).toBe('Me too (1)'), 10_000, 100);
    });
  }

  it('live: a new post, an official’s reply and a stage move reach a reader without reload, each said', async () => {
    const thread = await secondStageThread();
    const poster = await registerUser(world.api);
    const { page } = await reader({ javaScript: true });
    await page.goto(`${world.api.url}/threads/${thread.id}`);
    await liveReady(page);
    await markUnreloaded(page);
    await listenToStatus(page);
    const written = await world.api.http
      .post(`/api/v1/threads/${thread.id}/posts`)
      .set('Authorization', poster.auth)
      .send({ type: 'question', body: 'Will the children’s corner stay open?' })
      .expect(201);
    await page.locator(`#post-${written.body.id as string}`).waitFor({ timeout: 10_000 });
    await expectEventually(async () => expect(await statusSaid(page)).toContain(`New contribution by ${poster.displayName}`), 5_000, 100);
    const answer = await world.api.http
      .post(`/api/v1/threads/${thread.id}/posts`)
      .set('Authorization', official.auth)
      .send({ parentId: written.body.id, body: 'Yes, it stays.' })
      .expect(201);
    const reply = page.locator(`[data-live-list="replies-${written.body.id as string}"] #post-${answer.body.id as string}`);
    await reply.waitFor({ timeout: 10_000 });
    await expect(reply.innerText()).resolves.toContain('Facilitator');
    await world.api.http
      .post(`/api/v1/threads/${thread.id}/stage`)
      .set('Authorization', official.auth)
      .send({ stage: 'develop', summary: 'Sundays it is.' })
      .expect(200);
    await expectEventually(async () => expect(await page.locator('[aria-current="step"]').innerText()).toContain('Develop'), 10_000, 100);
    await expectEventually(
      async () => expect((await statusSaid(page)).join(' ')).toContain('The thread moved on to a new stage.'),
      5_000,
      100,
    );
    await expect(wasNotReloaded(page)).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no WCAG 2.1 AA violation on the threads and a thread with posts, the form sent back with problems, in both languages', async () => {
    const thread = await secondStageThread();
    const poster = await registerUser(world.api);
    await world.api.http
      .post(`/api/v1/threads/${thread.id}/posts`)
      .set('Authorization', poster.auth)
      .send({ type: 'problem', body: 'Too early.' })
      .expect(201);
    for (const locale of ['en-GB', 'fr-FR']) {
      const { page } = await reader({ locale, javaScript: true });
      for (const path of ['/threads', `/threads/${thread.id}`]) {
        await page.goto(`${world.api.url}${path}`);
        expect({ path, locale, violations: await axeViolations(page) }).toEqual({ path, locale, violations: [] });
      }
      await page.locator('form[action$="/posts"] button.polity-button:not(.polity-button--secondary)').last().click();
      await page.getByRole('alert').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }
  }, 180_000);
});
