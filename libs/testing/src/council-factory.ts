import type { AgendaItemView, MeetingView, ResourceLinkView, ThreadView } from '@polity/contracts';
import type { RunningApp } from './test-app';
import type { TestUser } from './user-factory';

export async function createThread(api: RunningApp, official: TestUser, overrides: Record<string, unknown> = {}): Promise<ThreadView> {
  const response = await api.http
    .post('/api/v1/threads')
    .set('Authorization', official.auth)
    .send({
      title: 'Library opening hours',
      serviceName: 'Public libraries',
      department: 'Culture',
      description: 'When should the libraries open?',
      ...overrides,
    })
    .expect(201);
  return response.body as ThreadView;
}

export async function createMeeting(api: RunningApp, clerk: TestUser, overrides: Record<string, unknown> = {}): Promise<MeetingView> {
  const response = await api.http
    .post('/api/v1/meetings')
    .set('Authorization', clerk.auth)
    .send({
      body: 'City council',
      title: 'Monthly council meeting',
      place: 'Town hall',
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      ...overrides,
    })
    .expect(201);
  return response.body as MeetingView;
}

export async function addAgendaItem(
  api: RunningApp,
  clerk: TestUser,
  meetingId: string,
  links: ResourceLinkView[] = [],
  title = 'An agenda item',
): Promise<AgendaItemView> {
  const response = await api.http
    .post(`/api/v1/meetings/${meetingId}/agenda`)
    .set('Authorization', clerk.auth)
    .send({ title, links })
    .expect(201);
  return response.body as AgendaItemView;
}

/** Starts the meeting and opens the item, as a clerk does before recording a decision. */
export async function openForDecision(api: RunningApp, clerk: TestUser, meetingId: string, itemId: string): Promise<void> {
  await api.http.post(`/api/v1/meetings/${meetingId}/start`).set('Authorization', clerk.auth).expect(200);
  await api.http.post(`/api/v1/meetings/${meetingId}/agenda/${itemId}/open`).set('Authorization', clerk.auth).expect(200);
}
