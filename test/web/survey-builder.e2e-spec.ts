import type { SurveyView } from '@polity/contracts';
import {
  axeViolations,
  createSurvey,
  createUserWithRoles,
  expectEventually,
  liveReady,
  publishSurvey,
  registerUser,
  type TestUser,
  webWorld,
} from '@polity/testing';
import type { Page } from 'playwright-core';

describe('the officials’ survey builder', () => {
  const world = webWorld();
  let official: TestUser;

  beforeAll(async () => {
    official = await createUserWithRoles(world.api, ['official']);
  });

  const notice = (page: Page) => page.locator('.polity-notice').first().innerText();
  const surveyOf = async (id: string) =>
    (await world.api.http.get(`/api/v1/surveys/${id}`).set('Authorization', official.auth).expect(200)).body as SurveyView;

  async function addQuestion(page: Page, fields: Record<string, string>, checks: string[] = []) {
    await page.locator('summary', { hasText: 'Add a question or a section' }).click();
    for (const [field, value] of Object.entries(fields)) {
      if (['type', 'conditionQuestion', 'operator'].includes(field)) await page.selectOption(`#${field}`, value);
      else await page.fill(`#${field}`, value);
    }
    for (const check of checks) await page.locator(`#${check}`).check();
    await page.getByRole('button', { name: 'Save the question' }).click();
  }

  it('is for officials: a resident and a moderator get 403 on the builder, its preview and its exports', async () => {
    const survey = await createSurvey(world.api, official);
    const moderator = await createUserWithRoles(world.api, ['moderator']);
    for (const page of [(await world.reader()).page, await world.pageOf(moderator)]) {
      for (const path of [
        '/staff/surveys',
        `/staff/surveys/${survey.id}`,
        `/staff/surveys/${survey.id}/preview`,
        `/staff/surveys/${survey.id}/exports`,
        `/staff/surveys/${survey.id}/responses.csv`,
      ]) {
        const response = await page.goto(`${world.api.url}${path}`).catch(() => null);
        expect([path, response?.status() ?? 403]).toEqual([path, 403]);
      }
    }
  });

  it('without JavaScript: a survey built from nothing (section, choice with options, a conditional scale, a matrix), reordered, edited, previewed and published', async () => {
    const page = await world.pageOf(official);
    await page.goto(`${world.api.url}/staff`);
    await page.locator('main').getByRole('link', { name: 'Surveys', exact: true }).click();
    await page.locator('summary', { hasText: 'Start a survey' }).click();
    await page.fill('#title', 'Parks after dark');
    await page.fill('#description', 'Should the parks be lit at night?');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await expect(notice(page)).resolves.toBe('The draft is created.');
    const surveyId = new URL(page.url()).pathname.split('/').pop() as string;

    await addQuestion(page, { type: 'section', key: 'visits', title: 'Your visits' });
    await addQuestion(
      page,
      { type: 'single_choice', key: 'when', title: 'When do you go to the park?', options: 'Mornings\nevening: Evenings\n9bad: Nine' },
      ['required'],
    );
    await expect(page.locator('#options-error').innerText()).resolves.toBe(
      'Line 3: a key is lower-case letters, digits and _, starting with a letter.',
    );
    await page.fill('#options', 'Mornings\nevening: Evenings');
    await page.getByRole('button', { name: 'Save the question' }).click();
    await expect(notice(page)).resolves.toBe('Saved.');
    await addQuestion(page, {
      type: 'scale',
      key: 'safe',
      title: 'How safe do you feel there after dark?',
      scalePoints: '5',
      lowLabel: 'Not safe',
      highLabel: 'Very safe',
      conditionQuestion: 'when',
      operator: 'equals',
      conditionValue: 'evening',
    });
    await expect(notice(page)).resolves.toBe('Saved.');
    await addQuestion(page, {
      type: 'matrix',
      key: 'light',
      title: 'How is the lighting?',
      options: 'Good\nPoor',
      rows: 'Paths\nPlaygrounds',
    });
    await expect(notice(page)).resolves.toBe('Saved.');

    let survey = await surveyOf(surveyId);
    expect(survey.questions.map((question) => question.key)).toEqual(['visits', 'when', 'safe', 'light']);
    expect(survey.questions[1].options).toEqual([
      { key: 'mornings', label: 'Mornings' },
      { key: 'evening', label: 'Evenings' },
    ]);
    expect(survey.questions[2].condition).toMatchObject({ question: 'when', operator: 'equals', value: 'evening' });

    await page.getByRole('button', { name: 'Move “How is the lighting?” up' }).click();
    await expect(notice(page)).resolves.toBe('The order is saved.');
    survey = await surveyOf(surveyId);
    expect(survey.questions.map((question) => question.key)).toEqual(['visits', 'when', 'light', 'safe']);

    await page.getByRole('link', { name: 'Edit “When do you go to the park?”' }).click();
    await page.fill('#title', 'When do you usually go to the park?');
    await page.getByRole('button', { name: 'Save the question' }).click();
    await expect(notice(page)).resolves.toBe('Saved.');
    expect((await surveyOf(surveyId)).questions[1].title).toBe('When do you usually go to the park?');

    await page.getByRole('link', { name: 'Preview as a resident' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain(
      'Shown only when “When do you usually go to the park?” equals “Evenings”.',
    );
    await expect(page.locator('#q-light').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Builder' }).click();
    await page.locator('summary', { hasText: 'Change the settings' }).click();
    await page.locator('#audience').check(); // the first choice carries the group's id
    await page.fill('#closesAt', '2031-06-30T18:00');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect(notice(page)).resolves.toBe('Saved.');
    expect(await surveyOf(surveyId)).toMatchObject({ audience: 'everyone', closesAt: '2031-06-30T18:00:00.000Z' });
    await page.getByRole('button', { name: 'Publish the survey' }).click();
    await expect(notice(page)).resolves.toBe('The survey is published.');
    expect((await surveyOf(surveyId)).phase).not.toBe('draft');
  });

  it('exports: the answers as CSV now, and a background export followed live to its download; a new version after answers', async () => {
    const survey = await createSurvey(world.api, official, { audience: 'signed_in' });
    await publishSurvey(world.api, official, survey.id);
    const resident = await registerUser(world.api);
    await world.api.http
      .put(`/api/v1/surveys/${survey.id}/response`)
      .set('Authorization', resident.auth)
      .send({ answers: { happy: 4 } })
      .expect(200);
    const page = await world.pageOf(official, { javaScript: true });
    await page.goto(`${world.api.url}/staff/surveys/${survey.id}/exports`);
    const csv = await page.request.get(`${world.api.url}/staff/surveys/${survey.id}/responses.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\n').filter(Boolean)).toHaveLength(2);
    await liveReady(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Build a large export in the background' }).click()]);
    await expect(notice(page)).resolves.toBe('The export is being built; this page follows its progress.');
    await liveReady(page);
    await expectEventually(
      async () => expect(await page.getByRole('link', { name: /^Download the export of/ }).count()).toBe(1),
      15_000,
      250,
    );
    const href = (await page.getByRole('link', { name: /^Download the export of/ }).getAttribute('href')) as string;
    const built = await page.request.get(`${world.api.url}${href}`);
    expect(built.status()).toBe(200);
    expect((await built.text()).split('\n').filter(Boolean)).toHaveLength(2);

    await page.goto(`${world.api.url}/staff/surveys/${survey.id}`);
    await expect(page.locator('main').innerText()).resolves.toContain('questions are locked');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Make a new version to change the questions' }).click()]);
    await expect(notice(page)).resolves.toContain('This is the new version, as a draft');
    const next = await surveyOf(new URL(page.url()).pathname.split('/').pop() as string);
    expect(next).toMatchObject({ version: 2, phase: 'draft', previousVersionId: survey.id });
  });

  it('results kept for staff: the official reads them, said to be not public; a resident does not', async () => {
    const survey = await createSurvey(world.api, official, { audience: 'signed_in', resultsVisibility: 'internal' });
    await publishSurvey(world.api, official, survey.id);
    const { user, page: residentPage } = await world.reader();
    await world.api.http
      .put(`/api/v1/surveys/${survey.id}/response`)
      .set('Authorization', user.auth)
      .send({ answers: { happy: 5 } })
      .expect(200);
    const page = await world.pageOf(official);
    await page.goto(`${world.api.url}/staff/surveys/${survey.id}`);
    await page.getByRole('link', { name: 'Results' }).click();
    await expect(page.locator('.polity-notice').first().innerText()).resolves.toContain('Only staff see these results');
    await residentPage.goto(`${world.api.url}/surveys/${survey.id}/results`);
    await expect(residentPage.locator('main').innerText()).resolves.toContain('The results are not public yet.');
  });

  it('the list, builder, question editor, preview and exports have no WCAG A/AA violations, in English and in French', async () => {
    const survey = await createSurvey(world.api, official);
    for (const locale of ['en', 'fr']) {
      const page = await world.pageOf(official, { javaScript: true });
      await page.goto(`${world.api.url}/language?to=${locale}&back=/staff/surveys`);
      const base = `/staff/surveys/${survey.id}`;
      for (const path of ['/staff/surveys', base, `${base}/questions/happy`, `${base}/preview`, `${base}/exports`]) {
        await page.goto(`${world.api.url}${path}`);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
        // Every disclosure open, so the forms inside them are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        expect([locale, path, await axeViolations(page)]).toEqual([locale, path, []]);
      }
    }
  });
});
