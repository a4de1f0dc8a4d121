import type { BudgetProjectView, SurveyResultsView } from '@polity/contracts';
import { AnonymousResponses } from '@polity/surveys';
import {
  createSurvey,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  movePhase,
  publishSurvey,
  registerUser,
  RunningApp,
  startTestWorker,
  TestUser,
  verifiedResident,
  addProject,
  createBudget,
} from '@polity/testing';
import { DataSource } from 'typeorm';

const K = 5;
const questions = [
  {
    key: 'mode',
    type: 'single_choice',
    title: 'How do you travel?',
    required: true,
    options: [
      { key: 'bus', label: 'Bus' },
      { key: 'car', label: 'Car' },
    ],
  },
  { key: 'age', type: 'number', title: 'Your age', min: 0, max: 200 },
];

describe('anonymity: no single response can be singled out, in the results, the exports or the database', () => {
  let api: RunningApp;
  let official: TestUser;
  let admin: TestUser;
  let db: DataSource;

  beforeAll(async () => {
    api = await createTestApp({ SURVEY_MIN_GROUP_SIZE: String(K) });
    official = await createUserWithRoles(api, ['official']);
    admin = await createUserWithRoles(api, ['admin']);
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  const openAnonymousSurvey = async (overrides: Record<string, unknown> = {}) => {
    const survey = await createSurvey(api, official, {
      questions,
      anonymous: true,
      resultsVisibility: 'live',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      ...overrides,
    });
    await publishSurvey(api, official, survey.id);
    return survey;
  };
  const respond = (user: TestUser, surveyId: string, answers: Record<string, unknown>) =>
    api.http.put(`/api/v1/surveys/${surveyId}/response`).set('Authorization', user.auth).send({ answers }).expect(200);
  const publicResults = async (surveyId: string, query = ''): Promise<SurveyResultsView> =>
    (await api.http.get(`/api/v1/surveys/${surveyId}/results${query}`).expect(200)).body as SurveyResultsView;

  it('moves public results, filtered or not, only in steps of at least SURVEY_MIN_GROUP_SIZE responses', async () => {
    const survey = await openAnonymousSurvey();
    const release = () => api.app.get(AnonymousResponses).release(survey.id);
    const views = ['', '?district=riverside', '?question=mode&answer=bus', '?question=mode&answer=car'];
    const seen = new Map<string, number[]>(views.map((view) => [view, [0]]));
    const residents = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        verifiedResident(api, admin, `ANON-${survey.id.slice(0, 6)}-${i}`, i % 3 ? 'riverside' : 'hillside'),
      ),
    );
    // Five commute by bus; then one known person answers “car”; then the rest, mixed.
    for (const [i, resident] of residents.entries()) {
      await respond(resident, survey.id, { mode: i === 5 || (i > 12 && i % 2 === 0) ? 'car' : 'bus', age: 20 + i });
      await release();
      for (const view of views) {
        const results = await publicResults(survey.id, view);
        const counts = seen.get(view) as number[];
        counts.push(results.suppressed ? 0 : (results.respondents as number));
      }
    }
    for (const [view, counts] of seen) {
      const steps = counts
        .slice(1)
        .map((count, i) => count - counts[i])
        .filter((step) => step !== 0);
      expect({ view, steps: steps.filter((step) => step < K) }).toEqual({ view, steps: [] });
    }
    // The results did move: the property above is not vacuous.
    expect((seen.get('') as number[]).at(-1)).toBeGreaterThanOrEqual(2 * K);
  });

  it('exports anonymous responses without a time of day and in an order unrelated to submission', async () => {
    const survey = await openAnonymousSurvey();
    for (let age = 1; age <= 12; age++) await respond(await registerUser(api), survey.id, { mode: 'bus', age });
    await api.http.post(`/api/v1/surveys/${survey.id}/close`).set('Authorization', official.auth).expect(200);
    await api.app.get(AnonymousResponses).release(survey.id);
    const csv = (await api.http.get(`/api/v1/surveys/${survey.id}/responses.csv`).set('Authorization', official.auth).expect(200)).text;
    const [header, ...lines] = csv.trim().split('\r\n');
    const columns = header.split(',');
    const rows = lines.map((line) => line.split(','));
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row[columns.indexOf('submitted_at')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row[columns.indexOf('updated_at')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const ages = rows.map((row) => Number(row[columns.indexOf('age')]));
    expect(ages).not.toEqual([...ages].sort((a, b) => a - b));
  });

  it('stores nothing that ties a released response to its respondent: no shared transaction, time, id or order', async () => {
    const survey = await openAnonymousSurvey();
    const people: TestUser[] = [];
    for (let age = 1; age <= 12; age++) {
      const person = await registerUser(api);
      people.push(person);
      await respond(person, survey.id, { mode: 'car', age: 100 + age });
    }
    // Before release, what waits is sealed: the database alone cannot read it.
    const waiting = await db.query<{ row: string }[]>(
      'SELECT row_to_json(p)::text AS row FROM survey_pending_response p WHERE survey_id = $1',
      [survey.id],
    );
    expect(waiting.length).toBeGreaterThan(0);
    for (const { row } of waiting) expect(row).not.toMatch(/"car"|"age"|"mode"/);

    await api.http.post(`/api/v1/surveys/${survey.id}/close`).set('Authorization', official.auth).expect(200);
    await api.app.get(AnonymousResponses).release(survey.id);
    const participations = await db.query<{ xmin: string; user_id: string }[]>(
      'SELECT xmin::text, user_id FROM survey_participation WHERE survey_id = $1 ORDER BY ctid',
      [survey.id],
    );
    const responses = await db.query<{ xmin: string; submitted_at: Date; age: string }[]>(
      `SELECT xmin::text, submitted_at, answers->>'age' AS age FROM survey_response WHERE survey_id = $1 ORDER BY ctid`,
      [survey.id],
    );
    expect(responses).toHaveLength(12);
    const participationTransactions = new Set(participations.map((p) => p.xmin));
    expect(responses.filter((r) => participationTransactions.has(r.xmin))).toEqual([]);
    expect(new Set(responses.map((r) => r.submitted_at.toISOString())).size).toBe(1);
    expect(responses.map((r) => Number(r.age))).not.toEqual(Array.from({ length: 12 }, (_, i) => 101 + i));
    expect((await db.query('SELECT * FROM survey_pending_response WHERE survey_id = $1', [survey.id])).length).toBe(0);
  });

  it('lets the respondent read and change a response still waiting to be released, with the receipt', async () => {
    const survey = await openAnonymousSurvey();
    const person = await registerUser(api);
    const first = await respond(person, survey.id, { mode: 'bus', age: 40 });
    const receipt = first.body.receipt as string;
    await api.http
      .put(`/api/v1/surveys/${survey.id}/response`)
      .set('Authorization', person.auth)
      .send({ answers: { mode: 'car', age: 41 }, receipt })
      .expect(200);
    const read = await api.http
      .get(`/api/v1/surveys/${survey.id}/response`)
      .set('Authorization', person.auth)
      .set('survey-receipt', receipt)
      .expect(200);
    expect(read.body.answers).toEqual({ mode: { choices: ['car'] }, age: 41 });
  });

  it('releases anonymous responses through the worker in groups, keeping some back until the close', async () => {
    const worker = await startTestWorker({ SURVEY_MIN_GROUP_SIZE: String(K) });
    try {
      const survey = await openAnonymousSurvey();
      for (let i = 0; i < 2 * K; i++) await respond(await registerUser(api), survey.id, { mode: 'bus', age: 30 + i });
      await expectEventually(async () => expect((await publicResults(survey.id)).respondents).toBe(K), 10_000);
      await api.http.post(`/api/v1/surveys/${survey.id}/close`).set('Authorization', official.auth).expect(200);
      await expectEventually(async () => expect((await publicResults(survey.id)).respondents).toBe(2 * K), 10_000);
    } finally {
      await worker.close();
    }
  });

  it('exports a budget’s ballots in an order unrelated to casting', async () => {
    const budget = await createBudget(api, official, { totalAmount: 100_000 });
    const projects: BudgetProjectView[] = [];
    for (let i = 0; i < 12; i++)
      projects.push(await addProject(api, official, budget.id, { title: `Project ${String(i).padStart(2, '0')}`, cost: 100 }));
    await movePhase(api, official, budget.id, 'voting');
    for (const project of projects) {
      const voter = await registerUser(api);
      await api.http
        .put(`/api/v1/budgets/${budget.id}/ballot`)
        .set('Authorization', voter.auth)
        .send({ projectIds: [project.id] })
        .expect(200);
    }
    const file = (await api.http.get(`/api/v1/budgets/${budget.id}/export.pb`).set('Authorization', official.auth).expect(200)).text;
    const votes = file.split('VOTES')[1].trim().split('\n').slice(1);
    const order = votes.map((line) => projects.findIndex((project) => line.includes(project.id)));
    expect(order).toHaveLength(12);
    expect(order).not.toEqual(Array.from({ length: 12 }, (_, i) => i));
  });
});
