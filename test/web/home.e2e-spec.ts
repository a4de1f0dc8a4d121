import {
  axeViolations,
  createMeeting,
  createSurvey,
  createTestApp,
  createThread,
  createUserWithRoles,
  launchBrowser,
  publishSurvey,
  type RunningApp,
  type TestBrowser,
  votingBudget,
} from '@polity/testing';

describe('the home page: what is open now, from every feature', () => {
  let api: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    [api, browser] = await Promise.all([createTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('lists the budget in its vote, the open survey, the open thread and the next meeting, dated, in both languages', async () => {
    const official = await createUserWithRoles(api, ['official']);
    const clerk = await createUserWithRoles(api, ['council']);
    const closes = new Date(Date.now() + 10 * 24 * 3600_000);
    await votingBudget(api, official, [100, 200], { title: 'Parks for everyone', schedule: { votingEndsAt: closes.toISOString() } });
    const survey = await createSurvey(api, official, { title: 'Bins and collection days' });
    await publishSurvey(api, official, survey.id);
    await createThread(api, official, { title: 'Swimming pool timetable' });
    await createMeeting(api, clerk, { title: 'Budget session', scheduledAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString() });
    // A cancelled meeting is not "what is going on".
    const cancelled = await createMeeting(api, clerk, { title: 'Called-off session' });
    await api.http
      .post(`/api/v1/meetings/${cancelled.id}/cancel`)
      .set('Authorization', clerk.auth)
      .send({ reason: 'No quorum' })
      .expect(200);

    for (const [locale, headings] of [
      ['en-GB', ['Budgets open for your vote', 'Surveys open now', 'Services being designed with residents', 'Next council meetings']],
      [
        'fr-FR',
        ['Budgets ouverts à votre vote', 'Sondages ouverts', 'Services conçus avec les habitants', 'Prochaines séances du conseil'],
      ],
    ] as const) {
      const context = await browser.context({ locale, javaScript: true });
      const page = await context.newPage();
      await page.goto(`${api.url}/`);
      for (const heading of headings) await expect(page.getByRole('heading', { level: 2, name: heading }).isVisible()).resolves.toBe(true);
      const text = await page.locator('main').innerText();
      for (const title of ['Parks for everyone', 'Bins and collection days', 'Swimming pool timetable', 'Budget session'])
        expect(text).toContain(title);
      expect(text).not.toContain('Called-off session');
      const day = closes.getUTCDate().toString();
      expect(text).toMatch(locale === 'en-GB' ? new RegExp(`Voting closes \\w+ ${day}, `) : new RegExp(`Le vote se termine le ${day} `));
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it('shows the municipality’s logo from its own site (let through by the pages’ security policy) and its time zone', async () => {
    const city = await createTestApp({
      SITE_LOGO_URL: 'https://www.city.example/logo.svg',
      SITE_NAME: 'Villeneuve',
      SITE_TIME_ZONE: 'Europe/Paris',
    });
    try {
      const home = await city.http.get('/').expect(200);
      expect(home.text).toContain('<img class="polity-header__logo" src="https://www.city.example/logo.svg" alt/>Villeneuve</a>');
      expect(home.headers['content-security-policy']).toContain("img-src 'self' data: https://www.city.example");
      // Its times are the city's, named as such; the other site, in the same process, keeps UTC.
      expect(home.text).toMatch(/Voting closes [^<]* GMT\+1</);
    } finally {
      await city.close();
    }
    const other = (await api.http.get('/').expect(200)).text;
    expect(other).not.toContain('polity-header__logo');
    expect(other).toMatch(/Voting closes [^<]* UTC</);
  });
});
