import type { SurveyView } from '@polity/contracts';
import type { RunningApp } from './test-app';
import { registerUser, type TestUser } from './user-factory';

/** A draft survey; pass `questions` and settings to override the single required scale question. */
export async function createSurvey(api: RunningApp, official: TestUser, overrides: Record<string, unknown> = {}): Promise<SurveyView> {
  const response = await api.http
    .post('/api/v1/surveys')
    .set('Authorization', official.auth)
    .send({
      title: 'Our streets in 2030',
      description: 'How should the streets of the old town change?',
      questions: [{ key: 'happy', type: 'scale', title: 'How happy are you with your street?', scalePoints: 5, required: true }],
      ...overrides,
    });
  if (response.status !== 201) throw new Error(`survey not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as SurveyView;
}

export async function publishSurvey(api: RunningApp, official: TestUser, surveyId: string): Promise<SurveyView> {
  const response = await api.http.post(`/api/v1/surveys/${surveyId}/publish`).set('Authorization', official.auth);
  if (response.status !== 200) throw new Error(`survey not published: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as SurveyView;
}

/** A citizen verified against a census entry the admin uploads for them, resident of `district`. */
export async function verifiedResident(api: RunningApp, admin: TestUser, identifier: string, district: string): Promise<TestUser> {
  await api.http
    .post('/api/v1/admin/census')
    .set('Authorization', admin.auth)
    .set('Content-Type', 'text/csv')
    .send(`identifier,birth_date,district\n${identifier},1980-01-01,${district}\n`)
    .expect(201);
  const user = await registerUser(api);
  await api.http.post('/api/v1/me/verification').set('Authorization', user.auth).send({ identifier, birthDate: '1980-01-01' }).expect(200);
  return user;
}
