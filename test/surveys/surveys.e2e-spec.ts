import type { SurveyView } from '@polity/contracts';
import { createSurvey, createTestApp, createUserWithRoles, publishSurvey, registerUser, RunningApp, TestUser } from '@polity/testing';
import { DataSource } from 'typeorm';

describe('surveys: building, publishing, locking and versions', () => {
  let api: RunningApp;
  let official: TestUser;
  let citizen: TestUser;
  let admin: TestUser;

  const choice = (key: string, ...options: string[]) => ({
    key,
    type: 'single_choice',
    title: `Question ${key}`,
    options: options.map((o) => ({ key: o, label: o })),
  });

  beforeAll(async () => {
    api = await createTestApp();
    official = await createUserWithRoles(api, ['official']);
    admin = await createUserWithRoles(api, ['admin']);
    citizen = await registerUser(api);
    await api.http.put('/api/v1/admin/districts/old-town').set('Authorization', admin.auth).send({ name: 'Old town' }).expect(200);
  });
  afterAll(() => api.close());

  it('is built by officials only; a draft is seen by nobody else', async () => {
    const body = { title: 'Street survey', description: 'x' };
    await api.http.post('/api/v1/surveys').send(body).expect(401);
    await api.http.post('/api/v1/surveys').set('Authorization', citizen.auth).send(body).expect(403);
    const survey = await createSurvey(api, official);
    expect(survey).toMatchObject({
      phase: 'draft',
      audience: 'everyone',
      responseMode: 'editable',
      anonymous: false,
      resultsVisibility: 'after_close',
      locked: false,
    });
    await api.http.get(`/api/v1/surveys/${survey.id}`).set('Authorization', citizen.auth).expect(404);
    await api.http.get(`/api/v1/surveys/${survey.id}`).expect(404);
    const list = await api.http.get('/api/v1/surveys?limit=100').set('Authorization', citizen.auth).expect(200);
    expect((list.body.items as SurveyView[]).some((s) => s.id === survey.id)).toBe(false);
    await api.http
      .post(`/api/v1/surveys/${survey.id}/questions`)
      .set('Authorization', citizen.auth)
      .send(choice('q', 'a', 'b'))
      .expect(403);
    const audit = await api.http.get(`/api/v1/admin/audit?targetKind=survey&limit=100`).set('Authorization', admin.auth).expect(200);
    expect(
      (audit.body.items as { action: string; targetId: string }[]).some((e) => e.action === 'survey.created' && e.targetId === survey.id),
    ).toBe(true);
  });

  it.each([
    ['an anonymous survey showing text answers', { anonymous: true, showTextAnswers: true }, 'showTextAnswers', 'not_anonymous'],
    ['closing before opening', { opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' }, 'closesAt', 'after_opens'],
    ['a district audience without a district', { audience: 'district' }, 'district', 'required'],
    ['an unknown district', { audience: 'district', district: 'atlantis' }, 'district', 'unknown_district'],

    [
      'a condition on a later question',
      {
        questions: [
          { key: 'a', type: 'short_text', title: 'A', condition: { question: 'b', operator: 'equals', value: 'x' } },
          choice('b', 'x', 'y'),
        ],
      },
      'questions[0].condition.question',
      'earlier_question',
    ],
  ])('refuses %s with 422 naming the field and rule', async (_name, overrides, field, rule) => {
    const response = await api.http
      .post('/api/v1/surveys')
      .set('Authorization', official.auth)
      .send({ title: 'Bad survey', description: 'x', ...overrides });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });

  it.each([
    ['an unknown question type', { key: 'q', type: 'essay', title: 'Q' }, 'questions.0.type', 'isIn'],
    ['a bad question key', { key: 'Q 1', type: 'short_text', title: 'Q' }, 'questions.0.key', 'matches'],
  ])('refuses %s in the request shape with 400', async (_name, question, field, rule) => {
    const response = await api.http
      .post('/api/v1/surveys')
      .set('Authorization', official.auth)
      .send({ title: 'Bad survey', description: 'x', questions: [question] })
      .expect(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });

  it('adds, inserts, replaces, reorders and removes questions, keeping conditions pointing backwards', async () => {
    const survey = await createSurvey(api, official, { questions: [] });
    const path = `/api/v1/surveys/${survey.id}/questions`;
    await api.http
      .post(path)
      .set('Authorization', official.auth)
      .send(choice('mode', 'bus', 'car'))
      .expect(201);
    await api.http
      .post(path)
      .set('Authorization', official.auth)
      .send({ key: 'lines', type: 'short_text', title: 'Which line?', condition: { question: 'mode', operator: 'equals', value: 'bus' } })
      .expect(201);
    const inserted = await api.http
      .post(path)
      .set('Authorization', official.auth)
      .send({ ...choice('first', 'x', 'y'), position: 0 })
      .expect(201);
    expect((inserted.body as SurveyView).questions.map((q) => q.key)).toEqual(['first', 'mode', 'lines']);
    await api.http
      .post(path)
      .set('Authorization', official.auth)
      .send(choice('mode', 'a', 'b'))
      .expect(409);

    const forward = await api.http
      .put(`${path}/order`)
      .set('Authorization', official.auth)
      .send({ keys: ['lines', 'first', 'mode'] })
      .expect(422);
    expect(forward.body.errors[0]).toMatchObject({ field: 'questions[0].condition.question', rule: 'earlier_question' });
    await api.http
      .put(`${path}/order`)
      .set('Authorization', official.auth)
      .send({ keys: ['first', 'mode'] })
      .expect(422);
    const reordered = await api.http
      .put(`${path}/order`)
      .set('Authorization', official.auth)
      .send({ keys: ['mode', 'lines', 'first'] })
      .expect(200);
    expect((reordered.body as SurveyView).questions.map((q) => q.key)).toEqual(['mode', 'lines', 'first']);

    // Removing the question a condition depends on would orphan it.
    await api.http.delete(`${path}/mode`).set('Authorization', official.auth).expect(422);
    const replaced = await api.http
      .put(`${path}/first`)
      .set('Authorization', official.auth)
      .send({ key: 'first', type: 'scale', title: 'Rate it', scalePoints: 7, lowLabel: 'bad', highLabel: 'good' })
      .expect(200);
    expect((replaced.body as SurveyView).questions[2]).toMatchObject({ type: 'scale', scalePoints: 7, lowLabel: 'bad', highLabel: 'good' });
    await api.http.delete(`${path}/lines`).set('Authorization', official.auth).expect(200);
    await api.http.delete(`${path}/nothing`).set('Authorization', official.auth).expect(404);
  });

  it('publishes only with a question, and locks the questions at the first response', async () => {
    const empty = await createSurvey(api, official, { questions: [] });
    expect((await api.http.post(`/api/v1/surveys/${empty.id}/publish`).set('Authorization', official.auth).expect(409)).body.code).toBe(
      'no_questions',
    );

    const survey = await createSurvey(api, official);
    const published = await publishSurvey(api, official, survey.id);
    expect(published.phase).toBe('open');
    await api.http.post(`/api/v1/surveys/${survey.id}/publish`).set('Authorization', official.auth).expect(409);
    // Before any response, a published survey can still change.
    await api.http
      .post(`/api/v1/surveys/${survey.id}/questions`)
      .set('Authorization', official.auth)
      .send(choice('extra', 'a', 'b'))
      .expect(201);
    await api.http
      .put(`/api/v1/surveys/${survey.id}/response`)
      .set('Authorization', citizen.auth)
      .send({ answers: { happy: 4 } })
      .expect(200);

    const after = await api.http.get(`/api/v1/surveys/${survey.id}`).set('Authorization', citizen.auth).expect(200);
    expect(after.body.locked).toBe(true);
    const locked = await api.http
      .post(`/api/v1/surveys/${survey.id}/questions`)
      .set('Authorization', official.auth)
      .send(choice('late', 'a', 'b'))
      .expect(409);
    expect(locked.body).toMatchObject({ code: 'survey_locked' });
    expect(locked.body.detail).toContain(`/api/v1/surveys/${survey.id}/versions`);
    await api.http.delete(`/api/v1/surveys/${survey.id}/questions/extra`).set('Authorization', official.auth).expect(409);
    await api.http.patch(`/api/v1/surveys/${survey.id}`).set('Authorization', official.auth).send({ anonymous: true }).expect(409);
    // What respondents were not promised may still change.
    await api.http
      .patch(`/api/v1/surveys/${survey.id}`)
      .set('Authorization', official.auth)
      .send({ title: 'Our streets in 2031', resultsVisibility: 'live' })
      .expect(200);
  });

  it('a new version is a draft copy; publishing it closes the version it replaces', async () => {
    const survey = await createSurvey(api, official);
    await publishSurvey(api, official, survey.id);
    await api.http
      .put(`/api/v1/surveys/${survey.id}/response`)
      .set('Authorization', citizen.auth)
      .send({ answers: { happy: 2 } })
      .expect(200);
    const next = await api.http.post(`/api/v1/surveys/${survey.id}/versions`).set('Authorization', official.auth).expect(201);
    expect(next.body).toMatchObject({
      version: 2,
      previousVersionId: survey.id,
      phase: 'draft',
      locked: false,
      questions: survey.questions,
    });
    await api.http.post(`/api/v1/surveys/${survey.id}/versions`).set('Authorization', official.auth).expect(409);
    await api.http
      .post(`/api/v1/surveys/${next.body.id}/questions`)
      .set('Authorization', official.auth)
      .send(choice('new', 'a', 'b'))
      .expect(201);
    await publishSurvey(api, official, next.body.id);
    const old = await api.http.get(`/api/v1/surveys/${survey.id}`).set('Authorization', official.auth).expect(200);
    expect(old.body.phase).toBe('closed');
    const refused = await api.http
      .put(`/api/v1/surveys/${survey.id}/response`)
      .set('Authorization', citizen.auth)
      .send({ answers: { happy: 3 } })
      .expect(409);
    expect(refused.body.code).toBe('survey_not_open');
  });

  it('keeps signed-in audiences out of anonymous lists and views', async () => {
    const survey = await createSurvey(api, official, { audience: 'signed_in' });
    await publishSurvey(api, official, survey.id);
    await api.http.get(`/api/v1/surveys/${survey.id}`).expect(404);
    await api.http.get(`/api/v1/surveys/${survey.id}`).set('Authorization', citizen.auth).expect(200);
    const anonymousList = await api.http.get('/api/v1/surveys?limit=100').expect(200);
    expect((anonymousList.body.items as SurveyView[]).some((s) => s.id === survey.id)).toBe(false);
    const rows = await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM survey WHERE id = $1', [survey.id]);
    expect(rows[0].n).toBe(1);
  });
});
