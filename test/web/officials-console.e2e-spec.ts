import {
  addProject,
  axeViolations,
  createBudget,
  createProposal,
  createUserWithRoles,
  registerUser,
  type TestUser,
  tabTo,
  votingBudget,
  webWorld,
} from '@polity/testing';
import type { Page } from 'playwright-core';

// The accessibility scans visit every page in both languages; on a busy two-core machine that takes longer than the default 30 s.

describe('the officials’ consoles on the web site: proposals and budgets', () => {
  const world = webWorld();
  let official: TestUser;
  let author: TestUser;

  beforeAll(async () => {
    [official, author] = await Promise.all([createUserWithRoles(world.api, ['official']), registerUser(world.api)]);
  });

  const notice = (page: Page) => page.locator('.polity-notice').first().innerText();
  const paperBallots = async (budgetId: string) =>
    (
      (await world.api.http.get(`/api/v1/budgets/${budgetId}/paper-ballots`).set('Authorization', official.auth).expect(200)).body as {
        items: { reference: string; projectIds: string[]; ranking: string[] | null }[];
      }
    ).items;

  it('is for officials: a resident and a moderator get 403 on every page of it', async () => {
    const { budget } = await votingBudget(world.api, official, [100]);
    const moderator = await createUserWithRoles(world.api, ['moderator']);
    for (const page of [(await world.reader()).page, await world.pageOf(moderator)]) {
      for (const path of [
        '/staff/proposals',
        '/staff/budgets',
        `/staff/budgets/${budget.id}`,
        `/staff/budgets/${budget.id}/paper-ballots`,
        `/staff/budgets/${budget.id}/outcomes`,
      ]) {
        const response = await page.goto(`${world.api.url}${path}`);
        expect([path, response?.status()]).toEqual([path, 403]);
      }
    }
  });

  it('proposals: by support with the threshold, answered without JavaScript; a short answer is refused beside the field', async () => {
    const { id } = await createProposal(world.api, author, { title: 'A bike shed at the station' });
    const page = await world.pageOf(official);
    await page.goto(`${world.api.url}/staff`);
    await page.getByRole('link', { name: 'Proposals to answer' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('The support threshold is');
    await page.fill('#q', 'bike shed');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(new URL(page.url()).searchParams.get('q')).toBe('bike shed');
    await page.getByRole('link', { name: 'Answer “A bike shed at the station”' }).click();
    await page.locator('#status-accepted').check();
    await page.fill('#answer', 'No');
    await page.getByRole('button', { name: 'Publish the answer' }).click();
    await expect(page.locator('#answer-error').innerText()).resolves.toBe('Write the answer, 3 to 10,000 characters.');
    await page.fill('#answer', 'Accepted: the shed will be built this spring.');
    await page.getByRole('button', { name: 'Publish the answer' }).click();
    await expect(notice(page)).resolves.toBe('The answer is published; supporters and followers are told.');
    const proposal = (await world.api.http.get(`/api/v1/proposals/${id}`).expect(200)).body as { status: string; answer: { text: string } };
    expect(proposal).toMatchObject({ status: 'accepted', answer: { text: 'Accepted: the shed will be built this spring.' } });
  });

  it('budgets without JavaScript: created with districts and rules, reviewed, an accepted proposal made a project, moved to voting', async () => {
    const { id: proposalId } = await createProposal(world.api, author, { title: 'Lights in the underpass' });
    const admin = await createUserWithRoles(world.api, ['admin']);
    for (const code of ['north', 'south'])
      await world.api.http.put(`/api/v1/admin/districts/${code}`).set('Authorization', admin.auth).send({ name: code }).expect(200);
    await world.api.http
      .post(`/api/v1/proposals/${proposalId}/answer`)
      .set('Authorization', official.auth)
      .send({ status: 'accepted', answer: 'Yes, in the budget.' })
      .expect(200);
    const page = await world.pageOf(official);
    await page.goto(`${world.api.url}/staff/budgets`);
    await page.locator('summary', { hasText: 'Create a budget' }).click();
    await page.fill('#title', 'Safer streets 2028');
    await page.fill('#description', 'Residents choose how to make streets safer.');
    await page.fill('#totalAmount', '50000');
    await page.fill('#maxProjects', '0');
    await page.fill('#districts', 'north 20000\nsouth');
    await page.getByRole('button', { name: 'Create the budget' }).click();
    await expect(page.locator('#maxProjects-error').innerText()).resolves.toBe('Check this field.');
    await expect(page.locator('#districts-error').innerText()).resolves.toBe('Line 2: write a district code, a space and a whole amount.');
    await page.fill('#maxProjects', '3');
    await page.fill('#districts', 'north 20000\nsouth 30000');
    await page.getByRole('button', { name: 'Create the budget' }).click();
    await expect(notice(page)).resolves.toBe('The budget is created as a draft.');
    const budgetId = new URL(page.url()).pathname.split('/').pop() as string;
    const budget = (await world.api.http.get(`/api/v1/budgets/${budgetId}`).set('Authorization', official.auth).expect(200)).body as Record<
      string,
      unknown
    >;
    expect(budget).toMatchObject({
      phase: 'draft',
      totalAmount: 50000,
      ballot: { kind: 'approval', maxProjects: 3 },
      districts: [{ code: 'north' }, { code: 'south' }],
    });

    await page.getByRole('button', { name: 'Move to Proposing' }).click();
    await expect(notice(page)).resolves.toBe('The phase has moved.');
    await page.locator('summary', { hasText: 'Turn an accepted proposal into a project' }).click();
    await page.fill('#proposal', `${world.api.url}/proposals/${proposalId}`);
    await page.fill('#cost', '12000');
    await page.fill('#district', 'north');
    await page.getByRole('button', { name: 'Add the project' }).click();
    await expect(notice(page)).resolves.toBe('The project is added.');
    const reviewReason = page.locator('textarea[id^="review-"][id$="-reason"]').first();
    await page.locator('input[id^="review-"][id$="-feasibility-unfeasible"]').first().check();
    await page.getByRole('button', { name: 'Save the review' }).first().click();
    await expect(page.locator('.polity-error-summary').innerText()).resolves.toContain('Say why the project is unfeasible.');
    await page.locator('input[id^="review-"][id$="-feasibility"]').first().check();
    await page.getByRole('button', { name: 'Save the review' }).first().click();
    await expect(notice(page)).resolves.toBe('The review is saved.');
    await expect(reviewReason.count()).resolves.toBe(1);
    await page.locator('summary', { hasText: 'Add a project' }).click();
    await page.fill('#new-title', 'Brighter bus stops');
    await page.fill('#new-description', 'Lights at the ten darkest bus stops.');
    await page.fill('#new-cost', '0');
    await page.getByRole('button', { name: 'Save the project' }).first().click();
    await expect(page.locator('#new-cost-error').innerText()).resolves.toBe('Give the cost as a whole number.');
    await page.fill('#new-cost', '8000');
    await page.fill('#new-district', 'south');
    await page.locator('#new-feasible').check();
    await page.getByRole('button', { name: 'Save the project' }).first().click();
    await expect(notice(page)).resolves.toBe('The project is saved.');
    await page.locator('summary', { hasText: 'Edit “Brighter bus stops”' }).click();
    await page.locator('input[id^="edit-"][id$="-cost"]').last().fill('9500');
    await page.getByRole('button', { name: 'Save the project' }).last().click();
    await expect(notice(page)).resolves.toBe('The project is saved.');
    const projects = (await world.api.http.get(`/api/v1/budgets/${budgetId}/projects`).set('Authorization', official.auth).expect(200))
      .body as { items: { title: string; cost: number; feasibility: string }[] };
    expect(projects.items.find((project) => project.title === 'Brighter bus stops')).toMatchObject({ cost: 9500, feasibility: 'feasible' });
    await page.getByRole('button', { name: 'Move to Voting' }).click();
    await expect(notice(page)).resolves.toBe('The phase has moved.');
    await expect(page.locator('main').innerText()).resolves.toContain('Now: Voting');
  });

  it('paper ballots by keyboard alone: reference, marks, Enter; the next ballot starts focused; a broken rule is refused', async () => {
    const { budget, projects } = await votingBudget(world.api, official, [400, 300, 500], {
      ballot: { kind: 'approval', maxCost: 'budget' },
    });
    const page = await world.pageOf(official, { javaScript: true });
    await page.goto(`${world.api.url}/staff/budgets/${budget.id}/paper-ballots`);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('reference');
    await page.keyboard.type('P-001');
    await tabTo(page, '#p1', 5);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expect(notice(page)).resolves.toBe('Ballot P-001 recorded. Next ballot:');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('reference');
    await expect(page.locator('main').innerText()).resolves.toContain('1 paper ballot entered.');

    // Over the budget (400 + 300 + 500 > 1000): refused, the marks kept.
    await page.keyboard.type('P-002');
    for (const box of ['#p1', '#p2', '#p3']) await page.locator(box).check();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expect(page.locator('[role=alert]').first().innerText()).resolves.toContain('This ballot breaks the rules');
    await expect(page.locator('#p3').isChecked()).resolves.toBe(true);
    const stored = await paperBallots(budget.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ reference: 'P-001' });
    expect(new Set(stored[0].projectIds)).toEqual(new Set([projects[0].id, projects[1].id]));
  });

  it('paper ballots as CSV without JavaScript: per-line errors and nothing imported, then all of them', async () => {
    const { budget, projects } = await votingBudget(world.api, official, [100, 200, 300], { ballot: { kind: 'ordinal' } });
    const page = await world.pageOf(official);
    await page.goto(`${world.api.url}/staff/budgets/${budget.id}/paper-ballots`);
    await page.fill('#csv', 'reference,district,projects\nA-1,,3 1\nA-2,,9\n,,1');
    await page.getByRole('button', { name: 'Import' }).click();
    const problems = await page.locator('[role=alert] li').allInnerTexts();
    expect(problems).toEqual(['Line 3: no project number 9', 'Line 4: the reference is missing or not allowed']);
    await expect(paperBallots(budget.id)).resolves.toHaveLength(0);
    await page.fill('#csv', 'reference,district,projects\nA-1,,3 1\nA-2,,2');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(notice(page)).resolves.toBe('2 ballots imported.');
    const stored = await paperBallots(budget.id);
    expect(stored.find((ballot) => ballot.reference === 'A-1')?.ranking).toEqual([projects[2].id, projects[0].id]);
  });

  it('outcomes under both rules, compared side by side, one published for residents', async () => {
    const { budget, projects } = await votingBudget(world.api, official, [600, 500, 400]);
    const voters = await Promise.all([0, 1, 2].map(() => registerUser(world.api)));
    const choices = [[projects[0].id], [projects[1].id, projects[2].id], [projects[1].id, projects[2].id]];
    for (const [index, voter] of voters.entries())
      await world.api.http
        .put(`/api/v1/budgets/${budget.id}/ballot`)
        .set('Authorization', voter.auth)
        .send({ projectIds: choices[index] })
        .expect(200);
    await world.api.http
      .post(`/api/v1/budgets/${budget.id}/phase`)
      .set('Authorization', official.auth)
      .send({ phase: 'closed' })
      .expect(200);
    const page = await world.pageOf(official);
    await page.goto(`${world.api.url}/staff/budgets/${budget.id}/outcomes`);
    await page.getByRole('button', { name: 'Compute with most votes first' }).click();
    await expect(notice(page)).resolves.toBe('The outcome is computed.');
    await page.getByRole('button', { name: 'Compute with Equal Shares' }).click();
    const headers = await page.locator('thead th').allInnerTexts();
    expect(headers).toEqual(['Project', 'Votes', 'most votes first', 'Equal Shares']);
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    await page.getByRole('button', { name: 'Publish the Equal Shares outcome' }).click();
    await expect(notice(page)).resolves.toBe('The outcome is published.');
    const published = (await world.api.http.get(`/api/v1/budgets/${budget.id}/outcome`).expect(200)).body as { rule: string };
    expect(published.rule).toBe('equal-shares');
  });

  it('a Pabulib file uploaded from the page becomes a closed budget with its votes; a broken file is refused with the reason', async () => {
    const file = [
      'META',
      'key;value',
      'description;Uploaded from the console',
      'num_projects;2',
      'num_votes;3',
      'budget;300',
      'vote_type;approval',
      'currency;EUR',
      'PROJECTS',
      'project_id;cost;name',
      'p1;200;"Tree planting"',
      'p2;100;"Benches"',
      'VOTES',
      'voter_id;vote',
      'v1;p1',
      'v2;p1,p2',
      'v3;p2',
    ].join('\n');
    const page = await world.pageOf(official);
    await page.goto(`${world.api.url}/staff/budgets`);
    await page.locator('summary', { hasText: 'Import a budget from a Pabulib file' }).click();
    await page.locator('#file').setInputFiles({ name: 'broken.pb', mimeType: 'text/plain', buffer: Buffer.from('not a pabulib file') });
    await page.getByRole('button', { name: 'Import the file' }).click();
    await expect(page.locator('[role=alert]').first().innerText()).resolves.toContain('Not done:');
    await page.locator('summary', { hasText: 'Import a budget from a Pabulib file' }).click();
    await page.locator('#file').setInputFiles({ name: 'small.pb', mimeType: 'text/plain', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Import the file' }).click();
    await expect(notice(page)).resolves.toBe('The file is imported: the budget is closed, with its votes as paper ballots.');
    const budgetId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect(paperBallots(budgetId)).resolves.toHaveLength(3);
  });

  it('every officials’ console page has no WCAG A/AA violations, in English and in French', async () => {
    const { budget } = await votingBudget(world.api, official, [100, 200]);
    const draft = await createBudget(world.api, official, { title: 'A draft budget' });
    await addProject(world.api, official, draft.id, { feasibility: undefined });
    const { id } = await createProposal(world.api, author);
    for (const locale of ['en', 'fr']) {
      const page = await world.pageOf(official, { javaScript: true });
      await page.goto(`${world.api.url}/language?to=${locale}&back=/staff`);
      const paths = [
        '/staff',
        '/staff/proposals',
        `/staff/proposals/${id}`,
        '/staff/budgets',
        `/staff/budgets/${draft.id}`,
        `/staff/budgets/${budget.id}/paper-ballots`,
        `/staff/budgets/${budget.id}/outcomes`,
      ];
      for (const path of paths) {
        await page.goto(`${world.api.url}${path}`);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale);
        // Every disclosure open, so the forms inside them are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        expect([locale, path, await axeViolations(page)]).toEqual([locale, path, []]);
      }
    }
  });
});
