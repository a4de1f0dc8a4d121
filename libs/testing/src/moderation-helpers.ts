import { canonicalKind } from '@polity/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { expectEventually } from './expect-eventually';
import type { RunningApp } from './test-app';
import type { TestUser } from './user-factory';

// Unique across suites too: every suite loads this module afresh, so a counter alone repeats.
const run = randomUUID().slice(0, 8);
let sequence = 0;

/** A proposal with text no other test repeats, so the repeat rule never holds it by accident. */
export async function createProposal(
  api: RunningApp,
  author: TestUser,
  text: { title?: string; body?: string; tags?: string[] } = {},
): Promise<{ id: string }> {
  sequence += 1;
  const response = await api.http
    .post('/api/v1/proposals')
    .set('Authorization', author.auth)
    .send({
      title: text.title ?? `Proposal number ${sequence} of run ${run}`,
      body: text.body ?? `A plain description, number ${sequence} of run ${run}.`,
      ...(text.tags && { tags: text.tags }),
    })
    .expect(201);
  return response.body as { id: string };
}

/** Waits until the worker has screened this content at least `count` times. */
export async function screened(api: RunningApp, kind: string, contentId: string, count = 1, timeoutMs = 10_000): Promise<void> {
  const dataSource = api.app.get(DataSource);
  await expectEventually(async () => {
    const [row] = await dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM moderation_screening s JOIN moderation_item i ON i.id = s.item_id WHERE i.kind = $1 AND i.content_id = $2`,
      [canonicalKind(kind), contentId],
    );
    if (Number(row.n) < count) throw new Error(`${kind} ${contentId} screened ${row.n} times, waiting for ${count}`);
  }, timeoutMs);
}

/** The moderation item of a piece of content, as the moderators' API shows it. */
export async function moderationItemOf(
  api: RunningApp,
  moderator: TestUser,
  kind: string,
  contentId: string,
): Promise<{ id: string; state: string; open: boolean }> {
  const [row] = await api.app
    .get(DataSource)
    .query<{ id: string }[]>(`SELECT id FROM moderation_item WHERE kind = $1 AND content_id = $2`, [canonicalKind(kind), contentId]);
  if (!row) throw new Error(`no moderation item for ${kind} ${contentId}`);
  const response = await api.http.get(`/api/v1/moderation/items/${row.id}`).set('Authorization', moderator.auth).expect(200);
  return response.body as { id: string; state: string; open: boolean };
}
