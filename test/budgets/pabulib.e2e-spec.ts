import { createTestApp, createUserWithRoles, registerUser, RunningApp, TestUser } from '@polity/testing';

interface Imported {
  budget: { id: string; phase: string; ballot: { kind: string }; totalAmount: number };
  projects: number;
  ballots: number;
}

/** A small approval election in Pabulib's format, generated so every run is the same. */
function approvalFile(): string {
  const projects = [
    ['p1', 300, 'Skate park'],
    ['p2', 200, 'Library hours'],
    ['p3', 200, 'Trees; lots of them'],
    ['p4', 100, 'Benches'],
    ['p5', 150, 'Bike lane paint'],
  ] as const;
  const patterns = ['p1,p2', 'p1', 'p3,p4', 'p2,p5', 'p4', 'p1,p4,p5', 'p3'];
  const votes = Array.from({ length: 35 }, (_, i) => `voter-${i};${patterns[(i * 3) % patterns.length]}`);
  return [
    'META',
    'key;value',
    'description;Round trip district',
    'country;Nowhere',
    'unit;Testville',
    `num_projects;${projects.length}`,
    `num_votes;${votes.length}`,
    'budget;600',
    'vote_type;approval',
    'rule;equalshares/add1',
    'max_length;3',
    'currency;EUR',
    'PROJECTS',
    'project_id;cost;name',
    ...projects.map(([id, cost, name]) => `${id};${cost};"${name}"`),
    'VOTES',
    'voter_id;vote',
    ...votes,
  ].join('\n');
}

describe('budgets: Pabulib import and export', () => {
  let api: RunningApp;
  let official: TestUser;
  let citizen: TestUser;

  const importFile = (text: string, expected = 201) =>
    api.http
      .post('/api/v1/budgets/import/pabulib')
      .set('Authorization', official.auth)
      .set('Content-Type', 'text/plain')
      .send(text)
      .expect(expected);

  /** Winners of an outcome by their Pabulib project ids. */
  const winners = async (budgetId: string, body: object): Promise<string[]> => {
    const outcome = await api.http.post(`/api/v1/budgets/${budgetId}/outcome`).set('Authorization', official.auth).send(body).expect(201);
    return (outcome.body.pots[0].winners as { externalId: string }[]).map((w) => w.externalId);
  };

  beforeAll(async () => {
    api = await createTestApp();
    official = await createUserWithRoles(api, ['official']);
    citizen = await registerUser(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('import → outcome → export → import gives the same outcome, with voters pseudonymised', async () => {
    const first = (await importFile(approvalFile())).body as Imported;
    expect(first).toMatchObject({ projects: 5, ballots: 35, budget: { phase: 'closed', totalAmount: 600, ballot: { kind: 'approval' } } });
    const rule = { rule: 'equal-shares', options: { completion: 'add1', exhaustiveStop: false } };
    const original = await winners(first.budget.id, rule);
    expect(original.length).toBeGreaterThan(0);
    const greedy = await winners(first.budget.id, { rule: 'greedy' });

    const exported = await api.http.get(`/api/v1/budgets/${first.budget.id}/export.pb`).set('Authorization', official.auth).expect(200);
    expect(exported.headers['content-disposition']).toContain('.pb');
    const text = exported.text;
    expect(text).toContain('num_votes;35');
    expect(text).toContain('p3;200;');
    expect(text).toContain('"Trees; lots of them"');
    expect(text).not.toMatch(/voter-\d+/);
    const voteLines = text.slice(text.indexOf('VOTES')).split('\n').slice(2).filter(Boolean);
    expect(voteLines).toHaveLength(35);
    expect(voteLines.every((line) => /^[\w-]{16};[p\d,]+;paper$/.test(line))).toBe(true);

    const second = (await importFile(text)).body as Imported;
    expect(second.ballots).toBe(35);
    expect(await winners(second.budget.id, rule)).toEqual(original);
    expect(await winners(second.budget.id, { rule: 'greedy' })).toEqual(greedy);
  });

  it('imports cumulative and ordinal files, scoring ordinal ballots by position', async () => {
    const cumulative = [
      'META',
      'key;value',
      'description;Points',
      'num_projects;2',
      'num_votes;3',
      'budget;100',
      'vote_type;cumulative',
      'max_sum_points;5',
      'PROJECTS',
      'project_id;cost',
      'a;100',
      'b;100',
      'VOTES',
      'voter_id;vote;points',
      '1;a,b;1,4',
      '2;a;5',
      '3;b;2',
    ].join('\n');
    const points = (await importFile(cumulative)).body as Imported;
    expect(points.budget.ballot.kind).toBe('cumulative');
    expect(await winners(points.budget.id, { rule: 'greedy' })).toEqual(['a']);

    const ordinal = [
      'META',
      'key;value',
      'description;Ranks',
      'num_projects;3',
      'num_votes;3',
      'budget;100',
      'vote_type;ordinal',
      'max_length;3',
      'PROJECTS',
      'project_id;cost',
      'x;100',
      'y;100',
      'z;100',
      'VOTES',
      'voter_id;vote',
      // x: 3+1+2 = 6 points, y: 2+3+3 = 8, z: 1+2+1 = 4
      '1;x,y,z',
      '2;y,z,x',
      '3;y,x,z',
    ].join('\n');
    const ranks = (await importFile(ordinal)).body as Imported;
    expect(await winners(ranks.budget.id, { rule: 'greedy' })).toEqual(['y']);
  });

  it('refuses malformed files with 422 naming the line, and votes that break the file’s own rules', async () => {
    const broken = approvalFile().replace('p4;100;"Benches"', 'p4;lots;"Benches"');
    const response = await importFile(broken, 422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'pabulib_invalid', line: 18, errors: [{ field: 'line 18', rule: 'pabulib_format' }] });
    const tooLong = approvalFile().replace('voter-0;p1,p2', 'voter-0;p1,p2,p3,p4');
    const rules = await importFile(tooLong, 422);
    expect(rules.body.errors).toEqual([expect.objectContaining({ field: 'line 22', rule: 'max_projects' })]);
    await importFile('', 400);
  });

  it('is for officials; the export is public only once the outcome is published', async () => {
    await api.http
      .post('/api/v1/budgets/import/pabulib')
      .set('Authorization', citizen.auth)
      .set('Content-Type', 'text/plain')
      .send(approvalFile())
      .expect(403);
    const imported = (await importFile(approvalFile())).body as Imported;
    await api.http.get(`/api/v1/budgets/${imported.budget.id}/export.pb`).expect(403);
    const outcome = await api.http
      .post(`/api/v1/budgets/${imported.budget.id}/outcome`)
      .set('Authorization', official.auth)
      .send({ rule: 'greedy' })
      .expect(201);
    await api.http
      .post(`/api/v1/budgets/${imported.budget.id}/outcomes/${outcome.body.id as string}/publish`)
      .set('Authorization', official.auth)
      .expect(200);
    const text = (await api.http.get(`/api/v1/budgets/${imported.budget.id}/export.pb`).expect(200)).text;
    expect(text).toContain('rule;greedy');
    expect(text).toContain('project_id;cost;votes;score;name;category;selected');
    const selected = text
      .slice(text.indexOf('PROJECTS'), text.indexOf('VOTES'))
      .split('\n')
      .filter((line) => line.endsWith(';1'))
      .map((line) => line.split(';')[0]);
    expect(selected.sort()).toEqual((outcome.body.pots[0].winners as { externalId: string }[]).map((w) => w.externalId).sort());
  });
});
