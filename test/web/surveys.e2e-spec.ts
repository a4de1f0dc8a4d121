import {
  axeViolations,
  createSurvey,
  createUserWithRoles,
  expectEventually,
  listenToStatus,
  liveReady,
  markUnreloaded,
  publishSurvey,
  registerUser,
  statusSaid,
  type TestUser,
  wasNotReloaded,
  webWorld,
} from '@polity/testing';
import type { Page } from 'playwright-core';

/** Three pages: how you travel (a question shown only to cyclists), your street (every other type), and one page shown only to the unhappy. */
const QUESTIONS = [
  { key: 'travel', type: 'section', title: 'How you get around' },
  {
    key: 'mode',
    type: 'single_choice',
    title: 'How do you get around?',
    required: true,
    allowOther: true,
    options: [
      { key: 'walk', label: 'On foot' },
      { key: 'bike', label: 'By bike' },
    ],
  },
  {
    key: 'bike_safety',
    type: 'scale',
    title: 'How safe do you feel cycling?',
    scalePoints: 5,
    condition: { question: 'mode', operator: 'equals', value: 'bike' },
  },
  { key: 'street', type: 'section', title: 'Your street' },
  { key: 'happy', type: 'scale', title: 'How happy are you with your street?', scalePoints: 5, required: true },
  {
    key: 'priorities',
    type: 'ranking',
    title: 'What first?',
    rankCount: 2,
    options: [
      { key: 'trees', label: 'Trees' },
      { key: 'benches', label: 'Benches' },
      { key: 'crossings', label: 'Crossings' },
    ],
  },
  {
    key: 'state',
    type: 'matrix',
    title: 'How is your street?',
    required: true,
    rows: [
      { key: 'noise', label: 'Noise' },
      { key: 'safety', label: 'Safety' },
    ],
    options: [
      { key: 'good', label: 'Good' },
      { key: 'poor', label: 'Poor' },
    ],
  },
  {
    key: 'changes',
    type: 'multiple_choice',
    title: 'What would you welcome?',
    maxChoices: 2,
    options: [
      { key: 'car_free', label: 'Car-free Sundays' },
      { key: 'play', label: 'Play streets' },
      { key: 'market', label: 'A market' },
    ],
  },
  { key: 'age', type: 'number', title: 'Your age', min: 16, max: 120, integer: true },
  { key: 'unhappy', type: 'section', title: 'What would help', condition: { question: 'happy', operator: 'in_range', max: 2 } },
  { key: 'why', type: 'long_text', title: 'What bothers you most?' },
];

describe('surveys on the web site', () => {
  const world = webWorld();
  let official: TestUser;

  beforeAll(async () => {
    official = await createUserWithRoles(world.api, ['official']);
  });

  const reader = (options: { locale?: string; javaScript?: boolean; width?: number } = {}) => world.reader(options);

  async function openSurvey(settings: Record<string, unknown> = {}) {
    const survey = await createSurvey(world.api, official, { questions: QUESTIONS, resultsVisibility: 'live', ...settings });
    return publishSurvey(world.api, official, survey.id);
  }

  /** The page's main button: Next, or Send on the last page shown. */
  const next = (page: Page) => Promise.all([page.waitForNavigation(), page.locator('button[name=step]').first().click()]);

  for (const javaScript of [false, true]) {
    it(`answers page by page: a condition on the same page (asked at once with JavaScript, on the next step without), errors per question, a page shown by an earlier answer (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const survey = await openSurvey();
      const { user, page } = await reader({ javaScript });
      await page.goto(`${world.api.url}/surveys/${survey.id}`);
      await page.getByRole('link', { name: 'Answer the survey' }).click();
      await expect(page.locator('main').innerText()).resolves.toContain('Page 1 of 2');
      await expect(page.getByRole('group', { name: /How safe do you feel cycling/ }).isVisible()).resolves.toBe(false);
      await page.getByLabel('By bike').check();
      // With JavaScript the question appears at once; without, the next step stays on page 1 to ask it.
      if (!javaScript) await next(page);
      await expect(page.getByRole('group', { name: /How safe do you feel cycling/ }).isVisible()).resolves.toBe(true);
      await page
        .getByRole('group', { name: /How safe do you feel cycling/ })
        .getByLabel('2')
        .check();
      await next(page);
      await expect(page.getByRole('heading', { name: 'Your street' }).isVisible()).resolves.toBe(true);
      await next(page);
      const summary = page.getByRole('alert');
      await expect(summary.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).resolves.toEqual([
        '#q-happy',
        '#q-state',
      ]);
      await expect(page.locator('#q-state-error').innerText()).resolves.toBe('Answer this question.');
      await page
        .getByRole('group', { name: /How happy are you/ })
        .getByLabel('2')
        .check();
      await page.getByLabel('Rank of “Trees”').selectOption('1');
      await page.getByLabel('Rank of “Crossings”').selectOption('1');
      await page.getByRole('radio', { name: 'Noise Poor' }).check();
      await page.getByRole('radio', { name: 'Safety Good' }).check();
      for (const label of ['Car-free Sundays', 'Play streets', 'A market']) await page.getByLabel(label).check();
      await page.getByLabel('Your age').fill('twelve');
      await next(page);
      await expect(page.locator('#q-priorities-error').innerText()).resolves.toBe(
        'Two options have the same rank: give each its own number.',
      );
      await expect(page.locator('#q-changes-error').innerText()).resolves.toBe('Choose at most 2.');
      await expect(page.locator('#q-age-error').innerText()).resolves.toBe('Give a number.');
      // What was answered stays.
      await expect(page.getByRole('radio', { name: 'Noise Poor' }).isChecked()).resolves.toBe(true);
      await page.getByLabel('Rank of “Crossings”').selectOption('2');
      await page.getByLabel('A market').uncheck();
      await page.getByLabel('Your age').fill('41');
      await next(page);
      // Unhappy: the last page is shown, and now there are three.
      await expect(page.locator('main').innerText()).resolves.toContain('Page 3 of 3');
      await page.getByLabel(/What bothers you most/).fill('Lorries at night.');
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send my answers' }).click()]);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Thank you');
      const stored = await world.api.http.get(`/api/v1/surveys/${survey.id}/response`).set('Authorization', user.auth).expect(200);
      expect(stored.body.answers).toEqual({
        mode: { choices: ['bike'] },
        bike_safety: 2,
        happy: 2,
        priorities: ['trees', 'crossings'],
        state: { noise: 'poor', safety: 'good' },
        changes: { choices: ['car_free', 'play'] },
        age: 41,
        why: 'Lorries at night.',
      });
      // Changing the answers brings them back, page by page.
      await page.goto(`${world.api.url}/surveys/${survey.id}/answer`);
      await expect(page.getByLabel('By bike').isChecked()).resolves.toBe(true);
    }, 180_000);
  }

  it('with JavaScript, a question appears as soon as the answer it depends on is given', async () => {
    const survey = await openSurvey();
    const { page } = await reader({ javaScript: true });
    await page.goto(`${world.api.url}/surveys/${survey.id}/answer`);
    const cycling = page.getByRole('group', { name: /How safe do you feel cycling/ });
    await expect(cycling.isVisible()).resolves.toBe(false);
    await page.getByLabel('By bike').check();
    await expect(cycling.isVisible()).resolves.toBe(true);
    await page.getByLabel('On foot').check();
    await expect(cycling.isVisible()).resolves.toBe(false);
  });

  it('an anonymous survey says so, gives a receipt once, and takes the receipt to change the answers', async () => {
    const survey = await openSurvey({
      anonymous: true,
      questions: [{ key: 'happy', type: 'scale', title: 'How happy are you?', scalePoints: 5, required: true }],
    });
    const { page } = await reader();
    await page.goto(`${world.api.url}/surveys/${survey.id}`);
    await expect(page.locator('main').innerText()).resolves.toContain('This survey is anonymous');
    await page.getByRole('link', { name: 'Answer the survey' }).click();
    await page.getByLabel('4').check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const receipt = /Your receipt: (\S+)/.exec(await page.locator('main').innerText())?.[1];
    expect(receipt).toBeDefined();
    await page.goto(`${world.api.url}/surveys/${survey.id}`);
    await page.getByRole('link', { name: 'Change your answers' }).click();
    await page.getByLabel('Your receipt').fill('not-my-receipt');
    await page.getByRole('button', { name: 'Show my answers' }).click();
    await expect(page.locator('#receipt-error').innerText()).resolves.toBe('No answers go with this receipt. Check it and try again.');
    await page.getByLabel('Your receipt').fill(receipt as string);
    await page.getByRole('button', { name: 'Show my answers' }).click();
    await expect(page.getByLabel('4').isChecked()).resolves.toBe(true);
    await page.getByLabel('5').check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Thank you');
  }, 180_000);

  it('results: a chart per question with its table, one per matrix row, suppressed below the group size, and live', async () => {
    const survey = await openSurvey({ questions: QUESTIONS.filter((q) => ['street', 'happy', 'state'].includes(q.key)) });
    const answer = async (happy: number) => {
      const user = await registerUser(world.api);
      await world.api.http
        .put(`/api/v1/surveys/${survey.id}/response`)
        .set('Authorization', user.auth)
        .send({ answers: { happy, state: { noise: 'good', safety: 'poor' } } })
        .expect(200);
    };
    await answer(4);
    const { page } = await reader({ javaScript: true });
    await page.goto(`${world.api.url}/surveys/${survey.id}/results`);
    await expect(page.locator('main').innerText()).resolves.toContain('Fewer than 5 people have answered');
    for (const happy of [1, 2, 4, 5]) await answer(happy);
    await page.goto(`${world.api.url}/surveys/${survey.id}/results`);
    await liveReady(page);
    await markUnreloaded(page);
    await listenToStatus(page);
    await expect(page.locator('main').innerText()).resolves.toContain('5 people answered.');
    await expect(page.locator('figure svg[role="img"] title').allTextContents()).resolves.toEqual([
      'How happy are you with your street?',
      'How is your street?: Noise',
      'How is your street?: Safety',
    ]);
    await expect(page.getByRole('row', { name: /^4 / }).innerText()).resolves.toBe('4\t2 people (40%)');
    await answer(3);
    await expectEventually(async () => expect(await page.locator('main').innerText()).toContain('6 people answered.'), 10_000, 100);
    await expectEventually(async () => expect(await statusSaid(page)).toContain('The results have changed.'), 5_000, 100);
    await expect(wasNotReloaded(page)).resolves.toBe(true);
  });

  it('has no WCAG 2.1 AA violation on the survey pages in their states, both languages', async () => {
    const survey = await openSurvey();
    for (const locale of ['en-GB', 'fr-FR']) {
      const { page } = await reader({ locale, javaScript: true });
      for (const path of ['/surveys', `/surveys/${survey.id}`, `/surveys/${survey.id}/answer`, `/surveys/${survey.id}/results`]) {
        await page.goto(`${world.api.url}${path}`);
        expect({ path, locale, violations: await axeViolations(page) }).toEqual({ path, locale, violations: [] });
      }
      await page.goto(`${world.api.url}/surveys/${survey.id}/answer`);
      // With JavaScript the cycling question appears as soon as the bike is chosen.
      await page.locator('#q-mode-bike').check();
      await page.locator('#q-bike_safety').check();
      await Promise.all([page.waitForNavigation(), page.locator('button[value="next"]').click()]);
      // Page 2 sent empty: the required questions' errors.
      await Promise.all([page.waitForNavigation(), page.locator('button[value="next"], button[value="send"]').first().click()]);
      await page.getByRole('alert').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }
  }, 180_000);
});
