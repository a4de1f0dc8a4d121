// npm run bench:pages — the web site's pages beside the same data as JSON from /api/v1, in the same
// run: the home page (what is open now), a proposal's page with 200 comments, a budget's page in its
// vote (30 projects, their tally) and a council meeting's page (10 agenda items decided), each under 50
// concurrent clients (autocannon, from this process; the api runs in its own). Reports median and
// p99 latency, pages per second and bytes per page. A page's JSON is what a client fetches to draw
// it: for the home page the five lists of what is open (counted as one), for a proposal's page the
// proposal and its comments (two requests, counted as one), for a budget the budget, its projects and
// its tally (three), for a meeting the meeting with its agenda and decisions (one).
const autocannon = require('autocannon');
const { apiUrl, startPolity, record, runConcurrently, runBench } = require('./harness');

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PROPOSALS = 20;
const ROOTS = 50;
const REPLIES_PER_ROOT = 3;

/** Pages per second, latency and bytes for `paths` fetched in turn by each connection; any answer but 200 fails the run. */
async function hammer(paths, headers = {}) {
  const result = await autocannon({
    url: apiUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  const refused = result.non2xx + result.errors + result.timeouts;
  if (refused > 0)
    throw new Error(`${refused} requests failed (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
  return {
    pagesPerSecond: result.requests.average / paths.length,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerPage: (result.throughput.total / result.requests.total) * paths.length,
  };
}

async function post(citizen, path, body, method = 'POST') {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: citizen.auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${path} refused: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A budget in its vote: 30 feasible projects, and ballots from 40 citizens so its tally has figures. */
async function votingBudget(official, citizens) {
  const budget = await post(official, '/api/v1/budgets', {
    title: 'Greener streets',
    description: 'Residents decide how to spend 300,000 EUR.',
    currency: 'EUR',
    totalAmount: 300_000,
    ballot: { kind: 'approval', maxCost: 'budget' },
  });
  const projects = [];
  for (let i = 0; i < 30; i++) {
    projects.push(
      await post(official, `/api/v1/budgets/${budget.id}/projects`, {
        title: `Project ${i}: trees on street ${i}`,
        description: `Forty trees along street ${i}, with benches.`,
        cost: 10_000 + i * 1_000,
        feasibility: 'feasible',
      }),
    );
  }
  await fetch(`${apiUrl}/api/v1/budgets/${budget.id}/phase`, {
    method: 'POST',
    headers: { authorization: official.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ phase: 'voting' }),
  });
  await runConcurrently(40, 8, (i) =>
    post(citizens[i], `/api/v1/budgets/${budget.id}/ballot`, { projectIds: [projects[i % 30].id, projects[(i + 11) % 30].id] }, 'PUT'),
  );
  return budget;
}

/** A meeting under way with 10 agenda items, each decided with a roll call of 9 councillors. */
async function decidedMeeting(clerk) {
  const meeting = await post(clerk, '/api/v1/meetings', {
    body: 'City council',
    title: 'Monthly council meeting',
    place: 'Town hall',
    scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
    streamUrl: 'https://www.youtube.com/watch?v=abcdefghijk',
  });
  await post(clerk, `/api/v1/meetings/${meeting.id}/start`, {});
  for (let i = 0; i < 10; i++) {
    const item = await post(clerk, `/api/v1/meetings/${meeting.id}/agenda`, {
      title: `Item ${i}`,
      description: `What item ${i} is about.`,
    });
    await post(clerk, `/api/v1/meetings/${meeting.id}/agenda/${item.id}/open`, {});
    await post(clerk, `/api/v1/meetings/${meeting.id}/agenda/${item.id}/decisions`, {
      outcome: 'approved',
      text: `Item ${i} is approved.`,
      rollCall: Array.from({ length: 9 }, (_, n) => ({ name: `Councillor ${n}`, vote: n < 6 ? 'for' : 'against' })),
    });
  }
  return meeting;
}

async function main() {
  const polity = await startPolity({ worker: false });
  try {
    const citizens = polity.citizens(60);
    const proposals = [];
    for (let i = 0; i < PROPOSALS; i++) {
      proposals.push(
        await post(citizens[i], '/api/v1/proposals', {
          title: `Proposal ${i}: benches by the pond`,
          body: `Proposal ${i}.\n\nA **bench** by the pond, with [a map](https://example.org/${i}).`,
        }),
      );
    }
    const discussed = proposals[0].id;
    const roots = [];
    await runConcurrently(ROOTS, 8, async (i) => {
      roots.push(
        await post(citizens[i], `/api/v1/proposals/${discussed}/comments`, {
          body: `Comment ${i}: *yes*, by the pond.`,
          alignment: 'in_favour',
        }),
      );
    });
    await runConcurrently(ROOTS * REPLIES_PER_ROOT, 8, async (i) => {
      const parent = roots[i % ROOTS];
      await post(citizens[(i + 7) % citizens.length], `/api/v1/proposals/${discussed}/comments`, {
        body: `Reply ${i}: agreed.`,
        parentId: parent.id,
      });
    });
    // The count a job keeps (the worker is not running here), as it would read.
    polity.sql(`UPDATE proposal SET comment_count = ${ROOTS * (1 + REPLIES_PER_ROOT)} WHERE id = '${discussed}'`);

    // Same content both ways: the page shows every comment the JSON holds.
    const page = await (await fetch(`${apiUrl}/proposals/${discussed}`)).text();
    const comments = await (await fetch(`${apiUrl}/api/v1/proposals/${discussed}/comments?limit=${ROOTS}`)).json();
    const shown = comments.items.reduce((sum, root) => sum + 1 + root.replies.length, 0);
    if (shown !== ROOTS * (1 + REPLIES_PER_ROOT)) throw new Error(`the JSON holds ${shown} comments`);
    const inPage = (page.match(/class="polity-comment"/g) ?? []).length;
    if (inPage !== shown) throw new Error(`the page shows ${inPage} of ${shown} comments`);

    const budget = await votingBudget(polity.official(), citizens);
    const meeting = await decidedMeeting(polity.member(['council']));

    const html = { 'accept-language': 'en' };
    const cases = [
      // Every section of the home page: open proposals, budgets in their vote, surveys, open threads, next meetings.
      [
        'the home page',
        ['/'],
        [
          '/api/v1/proposals?status=published&limit=5',
          '/api/v1/budgets?phase=voting&limit=5',
          '/api/v1/surveys?limit=50',
          '/api/v1/threads?status=open&limit=5',
          '/api/v1/meetings?when=upcoming&limit=5',
        ],
      ],
      [
        `a proposal’s page, ${shown} comments`,
        [`/proposals/${discussed}`],
        [`/api/v1/proposals/${discussed}`, `/api/v1/proposals/${discussed}/comments?limit=${ROOTS}`],
      ],
      [
        'a budget’s page, 30 projects',
        [`/budgets/${budget.id}`],
        [`/api/v1/budgets/${budget.id}`, `/api/v1/budgets/${budget.id}/projects`, `/api/v1/budgets/${budget.id}/tally`],
      ],
      ['a meeting’s page, 10 decisions', [`/meetings/${meeting.id}`], [`/api/v1/meetings/${meeting.id}`]],
    ];
    console.log(`\nbench:pages — ${CONNECTIONS} connections, ${SECONDS} s each (autocannon)`);
    for (const [name, pagePaths, jsonPaths] of cases) {
      await hammer(pagePaths, html); // warm-up
      const site = await hammer(pagePaths, html);
      await hammer(jsonPaths);
      const json = await hammer(jsonPaths);
      const ratio = site.pagesPerSecond / json.pagesPerSecond;
      console.log(
        `${name.padEnd(32)} HTML ${site.pagesPerSecond.toFixed(0).padStart(5)} pages/s  p50 ${site.p50} ms  p99 ${site.p99} ms  ${(site.bytesPerPage / 1024).toFixed(1)} KiB/page\n` +
          `${''.padEnd(32)} JSON ${json.pagesPerSecond.toFixed(0).padStart(5)} pages/s  p50 ${json.p50} ms  p99 ${json.p99} ms  ${(json.bytesPerPage / 1024).toFixed(1)} KiB/page\n` +
          `${''.padEnd(32)} ratio ${ratio.toFixed(2)} of the JSON's rate`,
      );
      record({
        path: `web: ${name}`,
        polity: `${site.pagesPerSecond.toFixed(0)}/s, p50 ${site.p50} ms, ${(site.bytesPerPage / 1024).toFixed(0)} KiB`,
        ceiling: `JSON ${json.pagesPerSecond.toFixed(0)}/s, p50 ${json.p50} ms, ${(json.bytesPerPage / 1024).toFixed(0)} KiB`,
        ratio: ratio.toFixed(2),
        target: 'measured (issues 18, 19)',
        holds: null,
      });
    }
  } finally {
    await polity.stop();
  }
}

runBench(main);
