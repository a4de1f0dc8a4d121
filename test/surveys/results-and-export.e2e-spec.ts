import type { SurveyExportView, SurveyResultsView, SurveyView } from '@polity/contracts';
import {
  collectEvents,
  connectSocket,
  createSurvey,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  nextEvent,
  publishSurvey,
  RunningApp,
  screened,
  startTestWorker,
  subscribe,
  TestUser,
  verifiedResident,
} from '@polity/testing';
import { parseCsv } from '@polity/platform';
import { DataSource } from 'typeorm';

const questions = [
  {
    key: 'mode',
    type: 'single_choice',
    title: 'How do you travel?',
    required: true,
    options: [
      { key: 'bus', label: 'Bus' },
      { key: 'bike', label: 'Bike' },
    ],
    allowOther: true,
  },
  { key: 'happy', type: 'scale', title: 'How happy are you?', scalePoints: 5 },
  {
    key: 'parks',
    type: 'ranking',
    title: 'Which park first?',
    options: [
      { key: 'north', label: 'North park' },
      { key: 'south', label: 'South park' },
      { key: 'east', label: 'East park' },
    ],
    rankCount: 2,
  },
  {
    key: 'grid',
    type: 'matrix',
    title: 'Rate your street',
    rows: [
      { key: 'clean', label: 'Clean' },
      { key: 'safe', label: 'Safe' },
    ],
    options: [
      { key: 'good', label: 'Good' },
      { key: 'bad', label: 'Bad' },
    ],
  },
  { key: 'idea', type: 'long_text', title: 'Your idea' },
];

/** Seven respondents: five in riverside, two in hillside. */
const answers = [
  { mode: 'bus', happy: 5, parks: ['north', 'south'], grid: { clean: 'good', safe: 'good' } },
  { mode: 'bus', happy: 4, parks: ['north', 'east'], grid: { clean: 'bad' } },
  { mode: 'bike', happy: 4, parks: ['south', 'north'] },
  { mode: { other: 'Walking' }, happy: 2, parks: ['east', 'north'], grid: { clean: 'good', safe: 'bad' } },
  { mode: 'bus', parks: ['north', 'south'] },
  { mode: 'bike', happy: 1, parks: ['south', 'east'] },
  { mode: 'bike', happy: 3, parks: ['south', 'north'] },
];

describe('surveys: results, suppression, live results and exports', () => {
  let api: RunningApp;
  let worker: RunningApp;
  let official: TestUser;
  let admin: TestUser;
  let moderator: TestUser;
  let residents: TestUser[];

  const respond = (user: TestUser, surveyId: string, given: Record<string, unknown>) =>
    api.http.put(`/api/v1/surveys/${surveyId}/response`).set('Authorization', user.auth).send({ answers: given }).expect(200);
  const results = (surveyId: string, user?: TestUser, query = '') => {
    const request = api.http.get(`/api/v1/surveys/${surveyId}/results${query}`);
    return user ? request.set('Authorization', user.auth) : request;
  };
  const filledSurvey = async (overrides: Record<string, unknown> = {}): Promise<SurveyView> => {
    const survey = await publishSurvey(api, official, (await createSurvey(api, official, { questions, ...overrides })).id);
    for (const [index, given] of answers.entries()) await respond(residents[index], survey.id, given);
    return survey;
  };

  beforeAll(async () => {
    api = await createTestApp();
    worker = await startTestWorker();
    official = await createUserWithRoles(api, ['official']);
    admin = await createUserWithRoles(api, ['admin']);
    moderator = await createUserWithRoles(api, ['moderator']);
    for (const code of ['riverside', 'hillside']) {
      await api.http.put(`/api/v1/admin/districts/${code}`).set('Authorization', admin.auth).send({ name: code }).expect(200);
    }
    residents = [];
    for (const [index] of answers.entries()) {
      residents.push(await verifiedResident(api, admin, `R-${index}`, index < 5 ? 'riverside' : 'hillside'));
    }
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('computes results a person can check by hand', async () => {
    const survey = await filledSurvey({ resultsVisibility: 'live' });
    const view = (await results(survey.id).expect(200)).body as SurveyResultsView;
    expect(view).toMatchObject({ respondents: 7, suppressed: false, minGroupSize: 5 });
    const byKey = Object.fromEntries(view.questions.map((q) => [q.key, q]));
    expect(byKey.mode).toMatchObject({ answered: 7, other: 1 });
    expect(byKey.mode.options).toEqual([
      { key: 'bus', label: 'Bus', count: 3, share: 3 / 7 },
      { key: 'bike', label: 'Bike', count: 3, share: 3 / 7 },
    ]);
    // 5, 4, 4, 2, 1, 3: mean 19/6, median (3 + 4) / 2.
    expect(byKey.happy).toMatchObject({ answered: 6, mean: 19 / 6, median: 3.5 });
    expect(byKey.happy.distribution).toEqual([1, 2, 3, 4, 5].map((value) => ({ value, count: value === 4 ? 2 : 1 })));
    // Borda with 3 options, top 2 ranked: first 2 points, second 1. north 2+2+1+1+2+1, south 1+2+1+2+2, east 1+2+1.
    expect(byKey.parks.ranking).toEqual([
      { key: 'north', label: 'North park', borda: 9, firstChoices: 3 },
      { key: 'south', label: 'South park', borda: 8, firstChoices: 3 },
      { key: 'east', label: 'East park', borda: 4, firstChoices: 1 },
    ]);
    expect(byKey.grid.rows?.[0]).toMatchObject({
      key: 'clean',
      answered: 3,
      columns: [expect.objectContaining({ count: 2 }), expect.objectContaining({ count: 1 })],
    });
    expect(byKey.idea).toEqual({ key: 'idea', type: 'long_text', title: 'Your idea', answered: 0 });
  });

  it('filters by district and by another answer, and suppresses groups under five', async () => {
    const survey = await filledSurvey({ resultsVisibility: 'live' });
    const riverside = (await results(survey.id, undefined, '?district=riverside').expect(200)).body as SurveyResultsView;
    expect(riverside).toMatchObject({ respondents: 5, suppressed: false, filter: { district: 'riverside' } });
    expect(riverside.questions[0].options?.map((o) => o.count)).toEqual([3, 1]);

    const hillside = (await results(survey.id, undefined, '?district=hillside').expect(200)).body as SurveyResultsView;
    expect(hillside).toEqual(expect.objectContaining({ respondents: null, suppressed: true, questions: [] }));
    // Officials get no more than anyone: a small group is a small group.
    expect((await results(survey.id, official, '?district=hillside').expect(200)).body.suppressed).toBe(true);

    const bikers = (await results(survey.id, undefined, '?question=mode&answer=bike').expect(200)).body as SurveyResultsView;
    expect(bikers.suppressed).toBe(true);
    const happy4 = (await results(survey.id, undefined, '?question=happy&answer=4').expect(200)).body as SurveyResultsView;
    expect(happy4.suppressed).toBe(true);
    const notBus = (await results(survey.id, undefined, '?question=parks&answer=north').expect(422)).body;
    expect(notBus.errors[0]).toMatchObject({ field: 'question', rule: 'filter' });
    const plane = (await results(survey.id, undefined, '?question=mode&answer=plane').expect(422)).body;
    expect(plane.errors[0]).toMatchObject({ field: 'answer', rule: 'filter' });

    const few = await publishSurvey(api, official, (await createSurvey(api, official, { questions, resultsVisibility: 'live' })).id);
    for (const index of [0, 1, 2, 3]) await respond(residents[index], few.id, answers[index]);
    expect((await results(few.id).expect(200)).body).toMatchObject({ respondents: null, suppressed: true });
  });

  it('shows results only as the survey allows: after close, or to officials only', async () => {
    const afterClose = await filledSurvey({ resultsVisibility: 'after_close' });
    const citizen = residents[0];
    expect((await results(afterClose.id, citizen).expect(403)).body.code).toBe('results_hidden');
    await results(afterClose.id, official).expect(200);
    await api.http.post(`/api/v1/surveys/${afterClose.id}/close`).set('Authorization', official.auth).expect(200);
    await results(afterClose.id, citizen).expect(200);

    const internal = await filledSurvey({ resultsVisibility: 'internal' });
    await api.http.post(`/api/v1/surveys/${internal.id}/close`).set('Authorization', official.auth).expect(200);
    await results(internal.id, citizen).expect(403);
    await results(internal.id).expect(403);
    await results(internal.id, official).expect(200);
  });

  it('pushes live results to the room only where they are public', async () => {
    const live = await publishSurvey(api, official, (await createSurvey(api, official, { questions, resultsVisibility: 'live' })).id);
    const hidden = await publishSurvey(
      api,
      official,
      (await createSurvey(api, official, { questions, resultsVisibility: 'after_close' })).id,
    );
    const draft = await createSurvey(api, official, { questions });
    const watcher = await connectSocket(api.url);
    expect(await subscribe(watcher, `surveys:${draft.id}`)).toMatchObject({ ok: false });
    expect(await subscribe(watcher, `surveys:${hidden.id}`)).toMatchObject({ ok: true });
    expect(await subscribe(watcher, `surveys:${live.id}`)).toMatchObject({ ok: true });
    const pushed = collectEvents(watcher, 'survey.results');

    for (const index of [0, 1, 2, 3, 4]) await respond(residents[index], hidden.id, answers[index]);
    for (const index of [0, 1, 2, 3, 4]) await respond(residents[index], live.id, answers[index]);
    const last = await expectEventually(() => {
      const latest = pushed.filter((m) => m.room === `surveys:${live.id}`).at(-1);
      if (latest?.data.respondents !== 5) throw new Error('waiting for the live results of five');
      return latest;
    }, 10_000);
    expect(last.data.questions[0].options?.[0]).toMatchObject({ key: 'bus', count: 3 });
    // Coalesced: five responses, fewer pushes.
    expect(pushed.filter((m) => m.room === `surveys:${live.id}`).length).toBeLessThan(5);
    expect(pushed.filter((m) => m.room === `surveys:${hidden.id}`)).toEqual([]);
    watcher.close();
  });

  it('shows free text only once moderation lets it, never a held answer', async () => {
    const survey = await publishSurvey(
      api,
      official,
      (await createSurvey(api, official, { questions, resultsVisibility: 'live', showTextAnswers: true })).id,
    );
    const texts = ['Plant more trees along the river path', 'More benches near the school gate', 'Get F.R.E.E  m0ney today, write to us'];
    for (const [index, given] of answers.slice(0, 5).entries()) {
      await respond(residents[index], survey.id, { ...given, idea: texts[index] ?? undefined });
    }
    const rows: { id: string; body: string }[] = await api.app
      .get(DataSource)
      .query('SELECT id, body FROM survey_text_answer WHERE survey_id = $1', [survey.id]);
    expect(rows).toHaveLength(4); // three ideas and one "other"
    for (const row of rows) await screened(api, 'survey-answer', row.id);
    const view = (await results(survey.id).expect(200)).body as SurveyResultsView;
    const idea = view.questions.find((q) => q.key === 'idea');
    expect(idea?.texts?.sort()).toEqual([texts[1], texts[0]].sort());
    expect(view.questions.find((q) => q.key === 'mode')?.texts).toEqual(['Walking']);
    const spam = rows.find((r) => r.body.includes('m0ney'));
    expect(await api.app.get(DataSource).query('SELECT moderation_state FROM survey_text_answer WHERE id = $1', [spam?.id])).toEqual([
      { moderation_state: 'held' },
    ]);
    const queue = await api.http.get('/api/v1/moderation/queue?kind=survey-answers').set('Authorization', moderator.auth).expect(200);
    expect(JSON.stringify(queue.body)).toContain(spam?.id);
  });

  describe('export', () => {
    it('streams one CSV row per response with one column per question part, to officials only', async () => {
      const survey = await filledSurvey();
      await api.http.get(`/api/v1/surveys/${survey.id}/responses.csv`).set('Authorization', residents[0].auth).expect(403);
      const response = await api.http.get(`/api/v1/surveys/${survey.id}/responses.csv`).set('Authorization', official.auth).expect(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const lines = response.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'response_id,submitted_at,updated_at,district,mode,mode_other,happy,parks_north,parks_south,parks_east,grid_clean,grid_safe,idea',
      );
      expect(lines).toHaveLength(1 + answers.length);
      const walking = lines.find((line) => line.includes('Walking'))?.split(',');
      expect(walking?.slice(3)).toEqual(['riverside', '', 'Walking', '2', '2', '', '1', 'good', 'bad', '']);
      const audit = await api.http.get('/api/v1/admin/audit?targetKind=survey&limit=100').set('Authorization', admin.auth).expect(200);
      expect(
        (audit.body.items as { action: string; targetId: string }[]).some(
          (e) => e.action === 'survey.responses_exported' && e.targetId === survey.id,
        ),
      ).toBe(true);
    });

    it('writes residents’ words safely for a spreadsheet: quoted, formulas defused, tabs kept', async () => {
      const days = {
        key: 'days',
        type: 'multiple_choice',
        title: 'Which days?',
        options: [
          { key: 'mon', label: 'Monday' },
          { key: 'tue', label: 'Tuesday' },
        ],
      };
      const survey = await publishSurvey(api, official, (await createSurvey(api, official, { questions: [...questions, days] })).id);
      const ideas = ['=HYPERLINK("http://x")', 'two\nlines, "quoted"', '-12.5', 'tab\tinside', '@cmd'];
      for (const [index, idea] of ideas.entries())
        await respond(residents[index], survey.id, {
          mode: index === 4 ? { other: '+1 555' } : 'bus',
          idea,
          ...(index === 0 ? { days: ['tue'] } : {}),
        });
      const csv = (await api.http.get(`/api/v1/surveys/${survey.id}/responses.csv`).set('Authorization', official.auth).expect(200)).text;

      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.split('\r\n')).toHaveLength(ideas.length + 2);
      expect(csv).toContain('"two\nlines, ""quoted"""');
      const [header, ...rows] = parseCsv(csv).map((row) => row.cells);
      const cell = (row: string[], name: string) => row[header.indexOf(name)];
      expect(rows.map((row) => cell(row, 'idea'))).toEqual([
        '\'=HYPERLINK("http://x")',
        'two\nlines, "quoted"',
        '-12.5',
        'tab\tinside',
        "'@cmd",
      ]);
      expect(rows.map((row) => [cell(row, 'days_mon'), cell(row, 'days_tue')])).toEqual([
        ['0', '1'],
        ['', ''],
        ['', ''],
        ['', ''],
        ['', ''],
      ]);
      expect(rows.map((row) => [cell(row, 'mode'), cell(row, 'mode_other')])).toEqual([...Array(4).fill(['bus', '']), ['', "'+1 555"]]);
      expect(rows.map((row) => cell(row, 'district'))).toEqual(Array(5).fill('riverside'));
      expect(rows.every((row) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(cell(row, 'submitted_at')))).toBe(true);
    });

    it('builds large exports in the worker, with progress to the official who asked', async () => {
      const survey = await filledSurvey();
      const socket = await connectSocket(api.url, official.accessToken);
      expect(await subscribe(socket, `user:${official.id}`)).toMatchObject({ ok: true });
      const done = nextEvent(socket, 'survey.export_progress', (m) => m.data.status === 'done', 15_000);
      await api.http.post(`/api/v1/surveys/${survey.id}/exports`).set('Authorization', residents[0].auth).expect(403);
      const requested = await api.http.post(`/api/v1/surveys/${survey.id}/exports`).set('Authorization', official.auth).expect(201);
      expect(requested.body).toMatchObject({ status: 'queued', downloadUrl: null });
      const progress: SurveyExportView = (await done).data;
      expect(progress).toMatchObject({ id: requested.body.id, rows: answers.length, total: answers.length });
      socket.close();

      const file = await api.http
        .get(progress.downloadUrl as string)
        .set('Authorization', official.auth)
        .expect(200);
      const streamed = await api.http.get(`/api/v1/surveys/${survey.id}/responses.csv`).set('Authorization', official.auth).expect(200);
      expect(file.text).toBe(streamed.text);
      await api.http
        .get(progress.downloadUrl as string)
        .set('Authorization', residents[0].auth)
        .expect(403);
    });
  });
});
