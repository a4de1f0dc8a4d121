import type { SurveyView } from '@polity/contracts';
import {
  createSurvey,
  createTestApp,
  createUserWithRoles,
  publishSurvey,
  registerUser,
  RunningApp,
  TestUser,
  verifiedResident,
} from '@polity/testing';
import { DataSource } from 'typeorm';

describe('surveys: responses, conditions, anonymity and audiences', () => {
  let api: RunningApp;
  let official: TestUser;
  let admin: TestUser;
  let db: DataSource;

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
      allowOther: true,
    },
    {
      key: 'line',
      type: 'short_text',
      title: 'Which bus line?',
      required: true,
      condition: { question: 'mode', operator: 'equals', value: 'bus' },
    },
    { key: 'happy', type: 'scale', title: 'How happy are you?', scalePoints: 5 },
  ];

  const openSurvey = async (overrides: Record<string, unknown> = {}): Promise<SurveyView> => {
    const survey = await createSurvey(api, official, { questions, ...overrides });
    return publishSurvey(api, official, survey.id);
  };
  const respond = (user: TestUser, surveyId: string, body: Record<string, unknown>) =>
    api.http.put(`/api/v1/surveys/${surveyId}/response`).set('Authorization', user.auth).send(body);

  beforeAll(async () => {
    api = await createTestApp();
    db = api.app.get(DataSource);
    official = await createUserWithRoles(api, ['official']);
    admin = await createUserWithRoles(api, ['admin']);
    for (const code of ['riverside', 'hillside']) {
      await api.http.put(`/api/v1/admin/districts/${code}`).set('Authorization', admin.auth).send({ name: code }).expect(200);
    }
  });
  afterAll(() => api.close());

  it('refuses a response that breaks a question with 422 naming the question', async () => {
    const survey = await openSurvey();
    const citizen = await registerUser(api);
    await api.http
      .put(`/api/v1/surveys/${survey.id}/response`)
      .send({ answers: { mode: 'car' } })
      .expect(401);
    const missing = await respond(citizen, survey.id, { answers: { mode: 'bus' } }).expect(422);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ code: 'response_invalid', errors: [{ field: 'answers.line', rule: 'required' }] });
    expect(missing.body.detail).toContain('Which bus line?');
    const wrong = await respond(citizen, survey.id, { answers: { mode: 'car', happy: 9 } }).expect(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'answers.happy', rule: 'max' })]);
    await respond(citizen, survey.id, { answers: 'car' }).expect(400);
    // Nothing half-written: no participation, no response.
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM survey_participation WHERE survey_id = $1', [survey.id]);
    expect(n).toBe(0);
  });

  it('drops answers to questions the conditions hide, and stores the canonical answers', async () => {
    const survey = await openSurvey();
    const citizen = await registerUser(api);
    const sent = await respond(citizen, survey.id, { answers: { mode: 'car', line: '42', happy: 3 } }).expect(200);
    expect(sent.body).toMatchObject({ responded: true, editable: true, answers: { mode: { choices: ['car'] }, happy: 3 } });
    const [row] = await db.query('SELECT answers, atoms FROM survey_response WHERE survey_id = $1', [survey.id]);
    expect(row.answers).toEqual({ mode: { choices: ['car'] }, happy: 3 });
    expect(row.atoms).not.toContain('line');
    const mine = await api.http.get(`/api/v1/surveys/${survey.id}/response`).set('Authorization', citizen.auth).expect(200);
    expect(mine.body.answers).toEqual({ mode: { choices: ['car'] }, happy: 3 });
  });

  it('keeps one response per person: edits replace it, concurrent sends make one row', async () => {
    const survey = await openSurvey();
    const citizen = await registerUser(api);
    const results = await Promise.all([1, 2, 3, 4, 5].map((happy) => respond(citizen, survey.id, { answers: { mode: 'car', happy } })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await respond(citizen, survey.id, { answers: { mode: { other: 'Tram' } } }).expect(200);
    const rows = await db.query('SELECT answers, respondent_id FROM survey_response WHERE survey_id = $1', [survey.id]);
    expect(rows).toEqual([{ answers: { mode: { choices: [], other: 'Tram' } }, respondent_id: citizen.id }]);
  });

  it('final responses cannot be changed', async () => {
    const survey = await openSurvey({ responseMode: 'final' });
    const citizen = await registerUser(api);
    const first = await respond(citizen, survey.id, { answers: { mode: 'car' } }).expect(200);
    expect(first.body.editable).toBe(false);
    expect((await respond(citizen, survey.id, { answers: { mode: 'car', happy: 1 } }).expect(409)).body.code).toBe('response_final');
  });

  describe('anonymous mode', () => {
    it('stores no link from the response to the person; the participation record has no time or response', async () => {
      const survey = await openSurvey({ anonymous: true, responseMode: 'final' });
      const citizen = await registerUser(api);
      await respond(citizen, survey.id, { answers: { mode: 'car', happy: 5 } }).expect(200);
      // It waits, sealed, to join the results with others (see test/security/anonymity).
      const [response] = await db.query('SELECT * FROM survey_pending_response WHERE survey_id = $1', [survey.id]);
      expect(response.receipt_key).toBeNull();
      expect(JSON.stringify(response)).not.toContain(citizen.id);
      expect(JSON.stringify(response)).not.toContain('car');
      const participation = await db.query('SELECT * FROM survey_participation WHERE survey_id = $1', [survey.id]);
      expect(participation).toEqual([{ survey_id: survey.id, user_id: citizen.id }]);
      // One response each still holds.
      expect((await respond(citizen, survey.id, { answers: { mode: 'bus', line: '7' } }).expect(409)).body.code).toBe('response_final');
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM survey_pending_response WHERE survey_id = $1', [survey.id]);
      expect(n).toBe(1);
      const mine = await api.http.get(`/api/v1/surveys/${survey.id}/response`).set('Authorization', citizen.auth).expect(200);
      expect(mine.body).toMatchObject({ responded: true, answers: null, editable: false });
    });

    it('lets the respondent change an editable anonymous response with the receipt only they hold', async () => {
      const survey = await openSurvey({ anonymous: true });
      const citizen = await registerUser(api);
      const other = await registerUser(api);
      const first = await respond(citizen, survey.id, { answers: { mode: 'car' } }).expect(200);
      const receipt: string = first.body.receipt;
      expect(receipt).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [row] = await db.query('SELECT receipt_key FROM survey_pending_response WHERE survey_id = $1', [survey.id]);
      expect(row.receipt_key).not.toContain(receipt);

      expect((await respond(citizen, survey.id, { answers: { mode: 'bus', line: '3' } }).expect(409)).body.code).toBe('receipt_required');
      await respond(other, survey.id, { answers: { mode: 'car' } }).expect(200);
      const guessed = 'A'.repeat(43);
      expect((await respond(citizen, survey.id, { answers: { mode: 'car' }, receipt: guessed }).expect(403)).body.code).toBe(
        'receipt_invalid',
      );
      const edited = await respond(citizen, survey.id, { answers: { mode: 'bus', line: '3' }, receipt }).expect(200);
      expect(edited.body.receipt).toBeUndefined();
      const read = await api.http
        .get(`/api/v1/surveys/${survey.id}/response`)
        .set('Authorization', citizen.auth)
        .set('survey-receipt', receipt)
        .expect(200);
      expect(read.body.answers).toEqual({ mode: { choices: ['bus'] }, line: '3' });
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM survey_pending_response WHERE survey_id = $1', [survey.id]);
      expect(n).toBe(2);
    });
  });

  it('holds responses to verified residents, and to one district, where the audience says', async () => {
    const verifiedOnly = await openSurvey({ audience: 'verified' });
    const local = await openSurvey({ audience: 'district', district: 'riverside' });
    const unverified = await registerUser(api);
    const riverside = await verifiedResident(api, admin, 'S-RIVER-1', 'riverside');
    const hillside = await verifiedResident(api, admin, 'S-HILL-1', 'hillside');
    expect((await respond(unverified, verifiedOnly.id, { answers: { mode: 'car' } }).expect(403)).body.code).toBe('verification_required');
    await respond(hillside, verifiedOnly.id, { answers: { mode: 'car' } }).expect(200);
    expect((await respond(hillside, local.id, { answers: { mode: 'car' } }).expect(403)).body.code).toBe('wrong_district');
    await respond(riverside, local.id, { answers: { mode: 'car' } }).expect(200);
    const [row] = await db.query('SELECT district FROM survey_response WHERE survey_id = $1', [local.id]);
    expect(row.district).toBe('riverside');
  });

  it('takes responses only while open', async () => {
    const upcoming = await openSurvey({ opensAt: new Date(Date.now() + 3_600_000).toISOString() });
    const citizen = await registerUser(api);
    expect(upcoming.phase).toBe('upcoming');
    expect((await respond(citizen, upcoming.id, { answers: { mode: 'car' } }).expect(409)).body.code).toBe('survey_not_open');
    const closing = await openSurvey();
    await api.http.post(`/api/v1/surveys/${closing.id}/close`).set('Authorization', official.auth).expect(200);
    await respond(citizen, closing.id, { answers: { mode: 'car' } }).expect(409);
    const draft = await createSurvey(api, official);
    await respond(citizen, draft.id, { answers: { happy: 1 } }).expect(404);
  });
});
