import type { BudgetProjectView, BudgetView } from '@polity/contracts';
import {
  addProject,
  axeViolations,
  createBudget,
  createUserWithRoles,
  expectEventually,
  listenToStatus,
  liveReady,
  markUnreloaded,
  movePhase,
  registerUser,
  statusSaid,
  tabTo,
  type TestUser,
  verifiedResident,
  votingBudget,
  wasNotReloaded,
  webWorld,
} from '@polity/testing';
import type { Page } from 'playwright-core';

// The accessibility scans visit every page in both languages; on a busy two-core machine that takes longer than the default 30 s.

describe('participatory budgets on the web site', () => {
  const world = webWorld();
  let official: TestUser;

  beforeAll(async () => {
    official = await createUserWithRoles(world.api, ['official']);
  });

  const resident = (options: { locale?: string; javaScript?: boolean; width?: number } = {}) => world.reader(options);

  async function myBallot(user: TestUser, budgetId: string) {
    return (await world.api.http.get(`/api/v1/budgets/${budgetId}/ballot`).set('Authorization', user.auth).expect(200)).body as {
      projectIds: string[];
      points: Record<string, number> | null;
      ranking: string[] | null;
    };
  }

  /** From the budget's page to the ballot, by keyboard: Tab to the link, Enter. */
  async function openBallot(page: Page, budget: BudgetView): Promise<void> {
    await page.goto(`${world.api.url}/budgets/${budget.id}`);
    await tabTo(page, `a[href="/budgets/${budget.id}/ballot"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/budgets/${budget.id}/ballot`);
  }

  /** Tab to the ballot's button and press Enter (Enter in a checkbox or a select sends nothing); wait for the next page. */
  async function submitBallot(page: Page): Promise<void> {
    await tabTo(page, 'form.polity-ballot button[type=submit]');
    // The page sent back after a refusal has the same address: wait for the next load, not for an address.
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  }

  for (const javaScript of [false, true]) {
    it(`knapsack ballot by keyboard: rules first, the limit refused, a review, then cast and a receipt (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { budget, projects } = await votingBudget(world.api, official, [600, 300, 200], {
        ballot: { kind: 'approval', maxCost: 'budget' },
      });
      const { user, page } = await resident({ javaScript });
      await openBallot(page, budget);
      await expect(page.getByRole('region', { name: 'How this vote works' }).innerText()).resolves.toContain(
        'may cost at most €1,000 together',
      );
      for (const project of projects) {
        await tabTo(page, `#project-${project.id}`);
        await page.keyboard.press('Space');
      }
      if (javaScript) {
        // The running total keeps up as the resident ticks, and says what is left.
        await expect(page.locator('[data-total="money"]').innerText()).resolves.toBe(
          'Your choices cost €1,100. That is €100 more than you may spend.',
        );
      }
      await submitBallot(page);
      await expect(page.getByRole('alert').innerText()).resolves.toContain(
        'Your choices cost €1,100; together they may cost at most €1,000.',
      );
      await expect(page.locator(`#project-${projects[0].id}`).isChecked()).resolves.toBe(true);
      await tabTo(page, `#project-${projects[1].id}`);
      await page.keyboard.press('Space');
      if (javaScript) {
        await expectEventually(async () =>
          expect(await page.locator('[data-total="money"]').innerText()).toBe('Your choices cost €800. You have €200 left.'),
        );
        await expectEventually(
          async () => expect(await page.locator('#live-status').innerText()).toContain('You have €200 left.'),
          5_000,
          100,
        );
      }
      await submitBallot(page);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Check your ballot');
      await expect(page.locator('main').innerText()).resolves.toContain('Together these projects cost €800.');
      await expect(world.api.http.get(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', user.auth)).resolves.toHaveProperty(
        'status',
        404,
      );
      await tabTo(page, '#cast-ballot');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/ballot\/receipt/);
      await expect(page.locator('main [role=status]').innerText()).resolves.toBe('Your ballot is cast.');
      await expect(page.locator('main').innerText()).resolves.toMatch(/Ballot fingerprint: [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
      expect((await myBallot(user, budget.id)).projectIds.sort()).toEqual([projects[0].id, projects[2].id].sort());
    });
  }

  it('k-approval: more than the allowed number is refused, the ballot kept', async () => {
    const { budget, projects } = await votingBudget(world.api, official, [100, 100, 100], { ballot: { kind: 'approval', maxProjects: 2 } });
    const { page } = await resident();
    await openBallot(page, budget);
    await expect(page.locator('.polity-rules').innerText()).resolves.toContain('Choose at most 2 projects.');
    for (const project of projects) await page.locator(`#project-${project.id}`).check();
    await page.getByRole('button', { name: 'Review my ballot' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Choose at most 2 projects.');
    for (const project of projects) await expect(page.locator(`#project-${project.id}`).isChecked()).resolves.toBe(true);
  });

  for (const javaScript of [false, true]) {
    it(`cumulative ballot by keyboard: points per project, the per-project limit shown beside the project, a running total (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { budget, projects } = await votingBudget(world.api, official, [100, 200, 300], {
        ballot: { kind: 'cumulative', maxPoints: 10, maxPointsPerProject: 6 },
      });
      const { user, page } = await resident({ javaScript });
      await openBallot(page, budget);
      await tabTo(page, `#points-${projects[0].id}`);
      await page.keyboard.type('7');
      await tabTo(page, `#points-${projects[1].id}`);
      await page.keyboard.type('3');
      if (javaScript) await expect(page.locator('[data-total="points"]').innerText()).resolves.toBe('10 points given No points left');
      // Enter in a number field sends its form, as in any text field.
      await Promise.all([page.waitForURL('**/ballot/review'), page.keyboard.press('Enter')]);
      const first = page.locator(`#points-${projects[0].id}`);
      await expect(first.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.locator(`#project-${projects[0].id}-error`).innerText()).resolves.toBe('At most 6 points for one project.');
      await expect(page.getByRole('alert').locator('a').getAttribute('href')).resolves.toBe(`#points-${projects[0].id}`);
      await expect(first.inputValue()).resolves.toBe('7');
      await first.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('5');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      await expect(page.locator('main').innerText()).resolves.toContain('Project 1 (€100): 5 points');
      await page.getByRole('button', { name: 'Cast my ballot' }).click();
      await page.waitForURL(/\/ballot\/receipt/);
      expect((await myBallot(user, budget.id)).points).toEqual({ [projects[0].id]: 5, [projects[1].id]: 3 });
    });

    it(`ordinal ballot by keyboard: a numbered select per project, a shared rank refused beside both, the ranking kept in order (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const { budget, projects } = await votingBudget(world.api, official, [100, 200, 300], { ballot: { kind: 'ordinal', maxLength: 3 } });
      const { user, page } = await resident({ javaScript });
      await openBallot(page, budget);
      const rank = async (project: BudgetProjectView, place: number) => {
        await tabTo(page, `#rank-${project.id}`);
        // A focused select takes the option whose text is typed.
        await page.keyboard.type(String(place));
      };
      await rank(projects[2], 1);
      await rank(projects[0], 1);
      await submitBallot(page);
      for (const project of [projects[2], projects[0]]) {
        await expect(page.locator(`#project-${project.id}-error`).innerText()).resolves.toBe(
          'Another project also has rank 1: give each project its own number.',
        );
      }
      await rank(projects[0], 2);
      await submitBallot(page);
      await expect(page.locator('main ol.polity-choices').innerText()).resolves.toBe('Project 3 (€300)\nProject 1 (€100)');
      await page.getByRole('button', { name: 'Cast my ballot' }).click();
      await page.waitForURL(/\/ballot\/receipt/);
      expect((await myBallot(user, budget.id)).ranking).toEqual([projects[2].id, projects[0].id]);

      // The ballot can be changed until voting closes: the form comes back with the ranks as cast.
      await page.getByRole('link', { name: 'Change your ballot' }).click();
      await expect(page.locator(`#rank-${projects[2].id}`).inputValue()).resolves.toBe('1');
      await expect(page.locator(`#rank-${projects[0].id}`).inputValue()).resolves.toBe('2');
    });
  }

  it('with districts: the resident’s own district, by its name, is chosen for them on the budget and held on the ballot', async () => {
    const admin = await createUserWithRoles(world.api, ['admin']);
    for (const [code, name] of [
      ['hill', 'Hill quarter'],
      ['port', 'Harbour'],
    ])
      await world.api.http.put(`/api/v1/admin/districts/${code}`).set('Authorization', admin.auth).send({ name }).expect(200);
    const budget = await createBudget(world.api, official, {
      totalAmount: 2000,
      districts: [
        { code: 'hill', amount: 1000 },
        { code: 'port', amount: 1000 },
      ],
      districtVoting: 'one',
    });
    for (const district of ['hill', 'port'])
      await addProject(world.api, official, budget.id, { title: `A park in ${district}`, cost: 500, district });
    await movePhase(world.api, official, budget.id, 'voting');
    const resident = await verifiedResident(world.api, admin, `R-${Date.now()}`, 'port');
    const page = await world.pageOf(resident);
    await page.goto(`${world.api.url}/budgets/${budget.id}`);
    await expect(page.locator('#district option:checked').innerText()).resolves.toBe('Harbour');
    await expect(page.getByRole('region', { name: 'Districts' }).innerText()).resolves.toContain('Harbour: €1,000 (your district)');
    await expect(page.getByRole('region', { name: 'Projects' }).innerText()).resolves.not.toContain('A park in hill');
    await page.goto(`${world.api.url}/budgets/${budget.id}/ballot`);
    await expect(page.locator('main').innerText()).resolves.toContain('You vote in your district, Harbour.');
    await expect(page.locator('form.polity-ballot').innerText()).resolves.toContain('A park in port');
    await expect(page.locator('form.polity-ballot').innerText()).resolves.not.toContain('A park in hill');
  });

  it('withdraws a ballot, and after voting closed offers no ballot at all', async () => {
    const { budget, projects } = await votingBudget(world.api, official, [100]);
    const { user, page } = await resident();
    await world.api.http
      .put(`/api/v1/budgets/${budget.id}/ballot`)
      .set('Authorization', user.auth)
      .send({ projectIds: [projects[0].id] })
      .expect(200);
    await page.goto(`${world.api.url}/budgets/${budget.id}/ballot/receipt`);
    await page.getByRole('button', { name: 'Withdraw my ballot' }).click();
    await expect(page.locator('main [role=status]').innerText()).resolves.toBe('Your ballot is withdrawn: it no longer counts.');
    await world.api.http.get(`/api/v1/budgets/${budget.id}/ballot`).set('Authorization', user.auth).expect(404);
    await world.api.http
      .post(`/api/v1/budgets/${budget.id}/phase`)
      .set('Authorization', official.auth)
      .send({ phase: 'closed' })
      .expect(200);
    await page.goto(`${world.api.url}/budgets/${budget.id}/ballot`);
    expect(new URL(page.url()).pathname).toBe(`/budgets/${budget.id}`);
    await expect(page.getByRole('link', { name: 'Vote' }).count()).resolves.toBe(0);
  });

  it('suggests a project while the budget gathers ideas; a cost that is not a number comes back beside its field', async () => {
    const created = await world.api.http
      .post('/api/v1/budgets')
      .set('Authorization', official.auth)
      .send({ title: 'Ideas for the harbour', description: 'Suggest.', currency: 'EUR', totalAmount: 5000, ballot: { kind: 'approval' } })
      .expect(201);
    const id = created.body.id as string;
    await world.api.http.post(`/api/v1/budgets/${id}/phase`).set('Authorization', official.auth).send({ phase: 'proposing' }).expect(200);
    const { user, page } = await resident();
    await page.goto(`${world.api.url}/budgets/${id}`);
    await page.getByRole('link', { name: 'Suggest a project' }).click();
    await page.getByLabel('Name of the project').fill('A harbour swimming spot');
    await page.getByLabel('What it is, where, and who it helps').fill('A safe place to swim in summer.');
    await page.getByLabel('What you think it costs, in EUR').fill('lots');
    await page.getByRole('button', { name: 'Send the suggestion' }).click();
    await expect(page.locator('#cost').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('What you think it costs, in EUR').fill('4000');
    await page.getByRole('button', { name: 'Send the suggestion' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('A harbour swimming spot');
    const listed = await world.api.http.get(`/api/v1/budgets/${id}/projects`).set('Authorization', user.auth).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ title: 'A harbour swimming spot', cost: 4000, suggestedBy: expect.objectContaining({ id: user.id }) }),
    ]);
  });

  it('live tally: a second reader sees the votes and the chart change without reloading, told politely', async () => {
    const { budget, projects } = await votingBudget(world.api, official, [100, 200]);
    const voter = await registerUser(world.api);
    const { page } = await resident({ javaScript: true });
    await page.goto(`${world.api.url}/budgets/${budget.id}`);
    await liveReady(page);
    await markUnreloaded(page);
    await listenToStatus(page);
    await expect(page.getByRole('region', { name: 'Votes so far' }).innerText()).resolves.toContain('No ballots yet');
    await world.api.http
      .put(`/api/v1/budgets/${budget.id}/ballot`)
      .set('Authorization', voter.auth)
      .send({ projectIds: [projects[1].id] })
      .expect(200);
    await expectEventually(
      async () => expect(await page.locator('[data-live-part="tally"]').innerText()).toContain('1 ballot'),
      10_000,
      100,
    );
    await expect(page.locator('#tally-caption').innerText()).resolves.toBe('Votes per project');
    await expect(page.locator('[data-live-part="tally"] table').innerText()).resolves.toContain('Project 2\t1 vote');
    await expectEventually(async () => expect(await statusSaid(page)).toContain('1 ballot'), 5_000, 100);
    await expect(wasNotReloaded(page)).resolves.toBe(true);
  });

  it('the outcome page: Equal Shares round by round, money per voter before and after, the comparison, and whether my projects won', async () => {
    // 3 voters want A and B (500 each); 2 want C (400). Each voter's share is 200: the majority pays for one
    // of A and B (166.67 each), the minority for C (200 each). Most votes first spends it all on A and B.
    const { budget, projects } = await votingBudget(world.api, official, [500, 500, 400], { totalAmount: 1000, liveResults: false });
    const [a, b, c] = projects;
    const voters = await Promise.all(Array.from({ length: 5 }, () => registerUser(world.api)));
    for (const [index, voter] of voters.entries()) {
      const choice = index < 3 ? [a.id, b.id] : [c.id];
      await world.api.http
        .put(`/api/v1/budgets/${budget.id}/ballot`)
        .set('Authorization', voter.auth)
        .send({ projectIds: choice })
        .expect(200);
    }
    await world.api.http
      .post(`/api/v1/budgets/${budget.id}/phase`)
      .set('Authorization', official.auth)
      .send({ phase: 'closed' })
      .expect(200);
    const outcome = await world.api.http
      .post(`/api/v1/budgets/${budget.id}/outcome`)
      .set('Authorization', official.auth)
      .send({ rule: 'equal-shares' })
      .expect(201);
    await world.api.http
      .post(`/api/v1/budgets/${budget.id}/outcomes/${outcome.body.id as string}/publish`)
      .set('Authorization', official.auth)
      .expect(200);

    const minority = await world.pageOf(voters[4], { width: 320 });
    await minority.goto(`${world.api.url}/budgets/${budget.id}`);
    await minority.getByRole('link', { name: 'See the results' }).click();
    const main = await minority.locator('main').innerText();
    expect(main).toContain('The winners were chosen by the Method of Equal Shares.');
    expect(main).toContain('Round 1:');
    expect(main).toContain('Compared with most votes first');
    expect(main).toMatch(/Project 3: funded\./);
    const comparison = minority.locator('table', { has: minority.getByRole('columnheader', { name: 'Most votes first' }) });
    await expect(comparison.getByRole('row', { name: /Project 3/ }).innerText()).resolves.toBe('Project 3\tFunded\tNot funded');
    const chart = minority.locator('figure svg[role="img"]');
    await expect(chart.locator('title').textContent()).resolves.toBe('Money per voter, round by round');
    await expect(chart.locator('desc').count()).resolves.toBe(1);
    await expect(minority.getByRole('row', { name: /At the start/ }).innerText()).resolves.toMatch(/At the start\t€200/);
    // Readable at 320 px: nothing wider than the screen but the tables' own scrolling boxes.
    const overflow = await minority.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(320);
    for (const locale of ['en-GB', 'fr-FR']) {
      const { page } = await resident({ locale, javaScript: true });
      for (const path of [`/budgets/${budget.id}`, `/budgets/${budget.id}/results`]) {
        await page.goto(`${world.api.url}${path}`);
        expect({ path, locale, violations: await axeViolations(page) }).toEqual({ path, locale, violations: [] });
      }
    }
  }, 180_000);

  it('has no WCAG 2.1 AA violation on the budget pages in each state and both languages', async () => {
    const { budget, projects } = await votingBudget(world.api, official, [300, 200], {
      ballot: { kind: 'cumulative', maxPoints: 5, maxPointsPerProject: 3 },
    });
    const before = await world.api.http
      .post('/api/v1/budgets')
      .set('Authorization', official.auth)
      .send({ title: 'Before the vote', description: 'Ideas wanted.', currency: 'EUR', totalAmount: 800, ballot: { kind: 'approval' } })
      .expect(201);
    await world.api.http
      .post(`/api/v1/budgets/${before.body.id as string}/phase`)
      .set('Authorization', official.auth)
      .send({ phase: 'proposing' })
      .expect(200);
    for (const locale of ['en-GB', 'fr-FR']) {
      const { page } = await resident({ locale, javaScript: true });
      const visit = async (path: string) => {
        await page.goto(`${world.api.url}${path}`);
        expect({ path, locale, violations: await axeViolations(page) }).toEqual({ path, locale, violations: [] });
      };
      await visit('/budgets');
      await visit(`/budgets/${before.body.id as string}`);
      await visit(`/budgets/${before.body.id as string}/suggest`);
      await visit(`/budgets/${budget.id}`);
      await visit(`/budgets/${budget.id}/projects/${projects[0].id}`);
      await visit(`/budgets/${budget.id}/ballot`);
      // The ballot sent back with a problem beside a project.
      await page.locator(`#points-${projects[0].id}`).fill('4');
      await page.locator('form.polity-ballot button[type=submit]').click();
      expect(await axeViolations(page)).toEqual([]);
      await page.locator(`#points-${projects[0].id}`).fill('2');
      await page.locator('form.polity-ballot button[type=submit]').click();
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#cast-ballot').click();
      await page.waitForURL(/receipt/);
      expect(await axeViolations(page)).toEqual([]);
    }
  });
});
