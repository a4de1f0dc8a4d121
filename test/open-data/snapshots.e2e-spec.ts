import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BudgetProjectView, type OpenDataSnapshotView, QueueName } from '@polity/contracts';
import { parseCsv, Pseudonyms } from '@polity/platform';
import { JobQueue } from '@polity/queue';
import {
  addProject,
  connectSocket,
  createBudget,
  createProposal,
  createTestApp,
  createUserWithRoles,
  expectEventually,
  moderationItemOf,
  movePhase,
  nextEvent,
  registerUser,
  RunningApp,
  screened,
  startTestWorker,
  subscribe,
  TestUser,
  verifiedResident,
} from '@polity/testing';
import { computeOutcome, type OutcomeRequest } from '../../libs/budgets/src/rules/outcome';
import { checkDataPackage, type PackageDescriptor } from './frictionless-check';
import { zipEntries } from './zip-entries';
// The Frictionless Data project's JavaScript library (no types of its own; see datapackage.d.ts).
import { Package } from 'datapackage';

describe('open data: Frictionless snapshots, pseudonymised, checksummed, atomic, pruned', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polity-open-data-test-'));
  const env = { OPEN_DATA_DIR: dir, OPEN_DATA_RETENTION: '2' };
  let api: RunningApp;
  let worker: RunningApp;
  let admin: TestUser;
  let official: TestUser;

  const request = async (): Promise<OpenDataSnapshotView> =>
    (await api.http.post('/api/v1/admin/open-data/snapshots').set('Authorization', admin.auth).expect(202)).body as OpenDataSnapshotView;
  const settled = (id: string, status: 'published' | 'failed') =>
    expectEventually(
      async () => {
        const all = (await api.http.get('/api/v1/admin/open-data/snapshots').set('Authorization', admin.auth).expect(200))
          .body as OpenDataSnapshotView[];
        const found = all.find((snapshot) => snapshot.id === id);
        expect(found?.status).toBe(status);
        return found as OpenDataSnapshotView;
      },
      30_000,
      100,
    );
  const file = async (ref: string, name: string): Promise<Buffer> =>
    (
      await api.http
        .get(`/api/v1/open-data/snapshots/${ref}/files/${name}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;
  const rowsOf = (content: Buffer): Record<string, string>[] => {
    const [header, ...rows] = parseCsv(content.toString('utf8'));
    return rows.map((row) => Object.fromEntries(header.cells.map((name, index) => [name, row.cells[index]])));
  };

  beforeAll(async () => {
    api = await createTestApp(env);
    worker = await startTestWorker(env);
    admin = await createUserWithRoles(api, ['admin']);
    official = await createUserWithRoles(api, ['official']);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes a valid package with checksums, progress to admins, and no personal data', async () => {
    // Planted personal data: an email and a name, a hidden comment, a census identifier.
    const planted = await registerUser(api, { email: 'planted.person@example.test', displayName: 'Zebulon Plantedname' });
    const proposal = await createProposal(api, planted, { title: 'Plant more trees', body: 'Shade for the square.' });
    const moderator = await createUserWithRoles(api, ['moderator']);
    const hidden = await api.http
      .post(`/api/v1/proposals/${proposal.id}/comments`)
      .set('Authorization', planted.auth)
      .send({ body: 'SECRET-HIDDEN-COMMENT-TEXT' })
      .expect(201);
    await screened(api, 'comment', hidden.body.id as string);
    const item = await moderationItemOf(api, moderator, 'comment', hidden.body.id as string);
    await api.http
      .post(`/api/v1/moderation/items/${item.id}/decision`)
      .set('Authorization', moderator.auth)
      .send({ action: 'hide', template: 'off-topic', statement: 'Not about the trees.' })
      .expect(201);
    await api.http
      .post(`/api/v1/proposals/${proposal.id}/comments`)
      .set('Authorization', planted.auth)
      .send({ body: 'A public comment.' })
      .expect(201);
    await api.http.put('/api/v1/admin/districts/riverside').set('Authorization', admin.auth).send({ name: 'Riverside' }).expect(200);
    const resident = await verifiedResident(api, admin, 'CENSUS-ID-4242-PLANTED', 'riverside');
    await api.http.put(`/api/v1/proposals/${proposal.id}/support`).set('Authorization', resident.auth).send({}).expect(200);

    const socket = await connectSocket(api.url, admin.accessToken);
    try {
      expect(await subscribe(socket, 'open-data')).toMatchObject({ ok: true });
      const citizenSocket = await connectSocket(api.url, planted.accessToken);
      expect(await subscribe(citizenSocket, 'open-data')).toMatchObject({ ok: false });
      citizenSocket.close();
      const done = nextEvent(socket, 'open_data.progress', (message) => message.data.status === 'published', 30_000);
      const snapshot = await request();
      expect((await done).data.snapshotId).toBe(snapshot.id);
    } finally {
      socket.close();
    }
    await api.http.post('/api/v1/admin/open-data/snapshots').set('Authorization', official.auth).expect(403);

    const listed = (await api.http.get('/api/v1/open-data/snapshots').expect(200)).body as OpenDataSnapshotView[];
    const published = listed[0];
    const descriptorResponse = await api.http.get('/api/v1/open-data/snapshots/latest/datapackage.json').expect(200);
    const etag = String(descriptorResponse.headers.etag);
    expect(etag).toBe(`"${published.files.find((entry) => entry.name === 'datapackage.json')?.sha256}"`);
    expect(descriptorResponse.headers['cache-control']).toContain('public');
    await api.http.get('/api/v1/open-data/snapshots/latest/datapackage.json').set('If-None-Match', etag).expect(304);

    const descriptor = JSON.parse(descriptorResponse.text) as PackageDescriptor;
    const files = new Map<string, Buffer>();
    for (const entry of published.files) files.set(entry.name, await file(published.id, entry.name));
    expect(checkDataPackage(descriptor, (path) => files.get(path) ?? Buffer.alloc(0))).toEqual([]);
    expect(descriptor.resources.map((resource) => resource.name)).toEqual(
      expect.arrayContaining([
        'proposals',
        'proposal_supports_daily',
        'comments',
        'budgets',
        'budget_projects',
        'budget_outcomes',
        'ballots',
        'survey_results',
        'threads',
        'thread_posts',
        'meetings',
        'agenda_items',
        'decisions',
        'moderation_log',
      ]),
    );

    const everything = [...files.values(), await file(published.id, 'package.zip')].map((content) => content.toString('latin1')).join('\n');
    for (const secret of [
      'planted.person@example.test',
      'Zebulon Plantedname',
      'SECRET-HIDDEN-COMMENT-TEXT',
      'CENSUS-ID-4242-PLANTED',
      planted.id,
      resident.id,
      resident.email,
    ])
      expect(everything).not.toContain(secret);
    const proposals = rowsOf(files.get('proposals.csv') as Buffer);
    const mine = proposals.find((row) => row.id === proposal.id);
    expect(mine).toMatchObject({ title: 'Plant more trees', support_count: '1' });
    expect(mine?.author).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const comments = rowsOf(files.get('comments.csv') as Buffer).filter((row) => row.resource_id === proposal.id);
    expect(comments.map((row) => row.body)).toEqual(['A public comment.']);
    expect(comments[0].author).toBe(mine?.author);

    // Checksums verify on the files as downloaded, and the zip holds the same files.
    expect(zipEntries(await file('latest', 'package.zip')).sort()).toEqual(published.files.map((entry) => entry.name).sort());
    await api.http
      .get(`/api/v1/open-data/snapshots/${published.id}/files/..%2Fsecret`)
      .expect((response) => expect([400, 404]).toContain(response.status));
    await api.http.get(`/api/v1/open-data/snapshots/${published.id}/files/nothing.csv`).expect(404);
  });

  it('names people by their pseudonyms only, nobody for an erased account, and leaves out comments on hidden content', async () => {
    const author = await registerUser(api);
    const leaving = await registerUser(api);
    const moderator = await createUserWithRoles(api, ['moderator']);
    const shown = await createProposal(api, author, { title: 'Benches by the river', body: 'Somewhere to sit.' });
    const hidden = await createProposal(api, author, { title: 'Off-topic proposal', body: 'Not about the town.' });
    const comment = (proposalId: string, user: TestUser, body: string) =>
      api.http.post(`/api/v1/proposals/${proposalId}/comments`).set('Authorization', user.auth).send({ body }).expect(201);
    await comment(shown.id, author, 'From the author.');
    await comment(shown.id, leaving, 'From someone who leaves.');
    await comment(hidden.id, author, 'On a proposal about to be hidden.');
    await screened(api, 'proposal', hidden.id);
    const item = await moderationItemOf(api, moderator, 'proposal', hidden.id);
    await api.http
      .post(`/api/v1/moderation/items/${item.id}/decision`)
      .set('Authorization', moderator.auth)
      .send({ action: 'hide', template: 'off-topic', statement: 'Not about the town.' })
      .expect(201);
    await api.http.delete('/api/v1/me').set('Authorization', leaving.auth).send({ password: leaving.password }).expect(204);

    const published = await settled((await request()).id, 'published');
    const comments = rowsOf(await file(published.id, 'comments.csv'));
    expect(comments.filter((row) => row.resource_id === hidden.id)).toEqual([]);
    const onShown = comments.filter((row) => row.resource_id === shown.id);
    expect(onShown.map((row) => [row.body, row.author])).toEqual([
      ['From the author.', worker.app.get(Pseudonyms).of('author', author.id)],
      ['From someone who leaves.', ''],
    ]);
    expect(onShown.every((row) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(row.created_at))).toBe(true);
  });

  it('exports ballots from which the published outcome is recomputed with the same rule', async () => {
    const budget = await createBudget(api, official, { totalAmount: 1000 });
    const projects: BudgetProjectView[] = [];
    for (const [index, cost] of [600, 500, 400, 300].entries())
      projects.push(await addProject(api, official, budget.id, { title: `Project ${index + 1}`, cost }));
    await movePhase(api, official, budget.id, 'voting');
    const pick = [[0, 2], [0, 3], [1, 2], [1, 3], [0], [2, 3], [1], [0, 1]];
    for (const choice of pick) {
      const voter = await registerUser(api);
      await api.http
        .put(`/api/v1/budgets/${budget.id}/ballot`)
        .set('Authorization', voter.auth)
        .send({ projectIds: choice.map((i) => projects[i].id) })
        .expect(200);
    }
    await movePhase(api, official, budget.id, 'closed');
    const outcome = (
      await api.http
        .post(`/api/v1/budgets/${budget.id}/outcome`)
        .set('Authorization', official.auth)
        .send({ rule: 'equal-shares' })
        .expect(201)
    ).body as { id: string };
    await expectEventually(
      async () => {
        await api.http.post(`/api/v1/budgets/${budget.id}/outcomes/${outcome.id}/publish`).set('Authorization', official.auth).expect(200);
      },
      15_000,
      200,
    );

    const snapshot = await request();
    await settled(snapshot.id, 'published');
    const budgets = rowsOf(await file(snapshot.id, 'budgets.csv'));
    const projectRows = rowsOf(await file(snapshot.id, 'budget_projects.csv')).filter(
      (row) => row.budget_id === budget.id && row.feasibility === 'feasible',
    );
    const ballots = rowsOf(await file(snapshot.id, 'ballots.csv')).filter((row) => row.budget_id === budget.id);
    const winners = rowsOf(await file(snapshot.id, 'budget_outcomes.csv')).filter((row) => row.outcome_id === outcome.id);
    expect(new Set(ballots.map((row) => row.ballot)).size).toBe(pick.length);

    const index = new Map(projectRows.map((row, i) => [row.id, i]));
    const byBallot = new Map<string, number[]>();
    for (const row of ballots) byBallot.set(row.ballot, [...(byBallot.get(row.ballot) ?? []), index.get(row.project_id) as number]);
    const total = Number(budgets.find((row) => row.id === budget.id)?.total_amount);
    const recomputed = computeOutcome(
      {
        budget: total,
        projects: projectRows.map((row) => ({ id: row.id, cost: Number(row.cost) })),
        ballots: [...byBallot.values()].map((chosen) => ({ projects: chosen })),
      },
      { rule: winners[0].rule, options: JSON.parse(winners[0].options) } as OutcomeRequest,
    );
    expect(recomputed.winners.map((winner) => winner.projectId).sort()).toEqual(winners.map((row) => row.project_id).sort());
    expect(winners.length).toBeGreaterThan(0);
    const pb = (await file(snapshot.id, `budget-${budget.id}.pb`)).toString('utf8');
    expect(pb).toContain('VOTES');
  });

  it('is a package the Frictionless project’s own library loads as valid, every table read and cast by its schema', async () => {
    // By now the database holds a budget with a published outcome, comments, supports and the log.
    const snapshot = await settled((await request()).id, 'published');
    const folder = join(dir, snapshot.id);
    const pkg = await Package.load(join(folder, 'datapackage.json'), { basePath: folder });
    expect({ valid: pkg.valid, errors: pkg.errors.map((error) => error.message) }).toEqual({ valid: true, errors: [] });
    const read: Record<string, number> = {};
    // Every CSV is a tabular resource; the Pabulib `.pb` files are plain files in the package.
    expect(pkg.resources.filter((resource) => resource.name.startsWith('budget-') === resource.tabular)).toEqual([]);
    for (const resource of pkg.resources.filter((candidate) => candidate.tabular)) {
      // Casting each cell by its declared type is where a datetime the schema does not accept fails.
      const rows = await resource.read({ keyed: true, cast: true });
      read[resource.name] = rows.length;
    }
    expect(read.budgets).toBeGreaterThan(0);
    expect(read.budget_outcomes).toBeGreaterThan(0);
    expect(read.comments).toBeGreaterThan(0);
  });

  it('leaves no partial package visible when a build fails, and prunes beyond the retention', async () => {
    const before = (await api.http.get('/api/v1/open-data/snapshots').expect(200)).body as OpenDataSnapshotView[];
    // A file where the staging folder must go makes the build fail after it started.
    rmSync(join(dir, '.staging'), { recursive: true, force: true });
    writeFileSync(join(dir, '.staging'), 'in the way');
    const failing = await request();
    await settled(failing.id, 'failed');
    const after = (await api.http.get('/api/v1/open-data/snapshots').expect(200)).body as OpenDataSnapshotView[];
    expect(after.map((snapshot) => snapshot.id)).toEqual(before.map((snapshot) => snapshot.id));
    expect(existsSync(join(dir, failing.id))).toBe(false);
    await api.http.get(`/api/v1/open-data/snapshots/${failing.id}/datapackage.json`).expect(404);
    // The job is retried with backoff; take it out so it does not run on into the next test.
    await worker.app.get(JobQueue).queue(QueueName.OpenData).obliterate({ force: true });
    rmSync(join(dir, '.staging'));

    for (let i = 0; i < 2; i++) await settled((await request()).id, 'published');
    const kept = (await api.http.get('/api/v1/open-data/snapshots').expect(200)).body as OpenDataSnapshotView[];
    expect(kept).toHaveLength(2);
    // The list drops old snapshots with the publication; their folders go right after.
    await expectEventually(() => {
      const folders = readdirSync(dir)
        .filter((name) => /^[0-9a-f-]{36}$/.test(name))
        .sort();
      expect(folders).toEqual(kept.map((snapshot) => snapshot.id).sort());
    });
  }, 60_000);
});
