// npm run bench:proposal-reads — a proposal's page (GET /api/v1/proposals/:id) and the list
// (GET /api/v1/proposals) over HTTP, driven by autocannon from this process (the api runs in its
// own), beside pgbench running the statements the api sends for each request.
const { execFileSync } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { apiUrl, startPolity, record, runConcurrently, DATABASE_URL, runBench, cpuPerUnit, describeCpu } = require('./harness');
const { startStackFloor } = require('./stack-floor');

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PROPOSALS = 1000;

const COLUMNS = `p.id, p.title, p.body, p.tags, p.district, p.latitude, p.longitude, p.author_id, p.status, p.moderation_state,
  p.withdrawn_reason, p.answer_text, p.answered_by_id, p.answered_at, p.support_count, p.comment_count, p.threshold_reached_at,
  p.created_at, p.updated_at`;
const TALLY = 'SELECT proposal_id, sum(supports) AS supports FROM proposal_support_tally WHERE proposal_id = ANY';
const AUTHORS = 'SELECT u.id, u.display_name, u.erased_at FROM user_account u WHERE u.id IN';

// What the api sends for one request (see proposals.service and proposal-presenter), with the same
// parameters' shapes; `id` is the SQL naming the proposal's id (pgbench: an indexed lookup, as in
// bench:supports; the stack floor: the path's parameter).
const statements = {
  page: (id) => [
    `SELECT ${COLUMNS} FROM proposal p WHERE p.id = ${id} LIMIT 1`,
    `${TALLY} (ARRAY[${id}]) GROUP BY proposal_id`,
    `${AUTHORS} ((SELECT author_id FROM proposal WHERE id = ${id}))`,
  ],
  list: () => [
    `SELECT ${COLUMNS}, to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS sort_key
  FROM proposal p WHERE p.status <> 'draft' AND p.moderation_state = 'visible' ORDER BY p.created_at DESC, p.id DESC LIMIT 21`,
    `${TALLY} ((SELECT array_agg(id) FROM (SELECT id FROM proposal ORDER BY created_at DESC, id DESC LIMIT 20) page)::uuid[]) GROUP BY proposal_id`,
    `${AUTHORS} ((SELECT author_id FROM proposal ORDER BY created_at DESC LIMIT 1))`,
  ],
};
const scripts = {
  page: `\\set i random(0, ${PROPOSALS - 1})\n${statements.page('(SELECT id FROM bench_proposal WHERE idx = :i)').join(';\n')};\n`,
  list: `${statements.list().join(';\n')};\n`,
};

function pgbench(script) {
  const file = join(tmpdir(), `polity-bench-reads-${process.pid}.sql`);
  writeFileSync(file, script);
  const out = execFileSync('pgbench', ['-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS), '-f', file, DATABASE_URL], {
    encoding: 'utf8',
  });
  return {
    tps: Number(/tps = ([\d.]+)/.exec(out)[1]),
    transactions: Number(/number of transactions actually processed: (\d+)/.exec(out)[1]),
  };
}

/** Requests per second autocannon gets from the api (or `url`); fails on any answer but 200. */
async function hammer(paths, url = apiUrl) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  const refused = result.non2xx + result.errors + result.timeouts;
  if (refused > 0)
    throw new Error(`${refused} requests failed (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
  return { perSecond: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

async function main() {
  const polity = await startPolity({ worker: false });
  try {
    const authors = polity.citizens(50);
    const ids = [];
    await runConcurrently(PROPOSALS, 16, async (i) => {
      const response = await fetch(`${apiUrl}/api/v1/proposals`, {
        method: 'POST',
        headers: { authorization: authors[i % authors.length].auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: `Proposal ${i}: a bench by the pond`,
          body: `Proposal ${i}.\n\nA **bench** by the pond, with [a map](https://example.org/${i}).`,
        }),
      });
      if (response.status !== 201) throw new Error(`proposal refused: ${response.status}`);
      ids.push((await response.json()).id);
    });
    // Supports as the tally shards hold them, so pages show counts (reads only: nothing is checked against rows).
    polity.sql(
      `INSERT INTO proposal_support_tally (proposal_id, shard, supports) SELECT id, s, (random() * 20)::int FROM proposal, generate_series(0, 3) s`,
    );
    polity.sql(`CREATE TABLE bench_proposal AS SELECT row_number() OVER (ORDER BY id) - 1 AS idx, id FROM proposal;
                CREATE UNIQUE INDEX ON bench_proposal (idx); ANALYZE`);

    const pages = ids.map((id) => `/api/v1/proposals/${id}`);
    // The same statements through NestJS and TypeORM alone (see stack-floor.js).
    const floor = await startStackFloor(
      [
        { method: 'GET', path: 'page/:id', statements: statements.page('$1::uuid') },
        { method: 'GET', path: 'list', statements: statements.list() },
      ],
      { databaseUrl: DATABASE_URL },
    );
    const results = [];
    for (const [name, paths, floorPaths, script] of [
      ['a proposal’s page, GET /proposals/:id', pages, ids.map((id) => `/page/${id}`), scripts.page],
      ['the proposal list, GET /proposals', ['/api/v1/proposals'], ['/list'], scripts.list],
    ]) {
      await hammer(paths.slice(0, 50)); // warm-up
      const polityRun = await cpuPerUnit(
        { api: polity.apiPid() },
        (run) => run.total,
        () => hammer(paths),
      );
      await hammer(floorPaths.slice(0, 50), floor.url);
      const floorRun = await cpuPerUnit(
        { floor: floor.pid },
        (run) => run.total,
        () => hammer(floorPaths, floor.url),
      );
      const ceiling = await cpuPerUnit(
        {},
        (run) => run.transactions,
        async () => pgbench(script),
      );
      results.push({
        name,
        floor: floorRun.result.perSecond,
        floorCpu: floorRun.perUnit,
        polityRun: polityRun.result,
        polityCpu: polityRun.perUnit,
        ceiling: ceiling.result.tps,
        ceilingCpu: ceiling.perUnit,
      });
    }
    await floor.stop();
    // Same answers as the database: the list's first page is the 20 newest.
    const listed = await (await fetch(`${apiUrl}/api/v1/proposals`)).json();
    const newest = polity.sql(`SELECT id FROM proposal ORDER BY created_at DESC, id DESC LIMIT 20`).split('\n');
    if (JSON.stringify(listed.items.map((item) => item.id)) !== JSON.stringify(newest)) throw new Error('the list is not the 20 newest');

    console.log(
      `\nbench:proposal-reads — ${PROPOSALS} proposals, ${CONNECTIONS} connections, ${SECONDS} s each (autocannon; pgbench -c ${CONNECTIONS})`,
    );
    for (const { name, polityRun, polityCpu, floor: bare, floorCpu, ceiling, ceilingCpu } of results) {
      const ratio = polityRun.perSecond / ceiling;
      console.log(
        `${name.padEnd(40)} Polity ${polityRun.perSecond.toFixed(0).padStart(6)}/s (p99 ${polityRun.p99} ms)   pgbench ${ceiling.toFixed(0).padStart(6)} tps   ratio ${ratio.toFixed(2)}\n` +
          `${''.padEnd(40)} NestJS + TypeORM alone ${bare.toFixed(0)}/s: ${(bare / ceiling).toFixed(2)} of pgbench; Polity is ${(polityRun.perSecond / bare).toFixed(2)} of it\n` +
          `${''.padEnd(40)} polity: ${describeCpu(polityCpu)}\n${''.padEnd(40)} stack alone: ${describeCpu(floorCpu)}\n` +
          `${''.padEnd(40)} pgbench: ${describeCpu(ceilingCpu)}`,
      );
      record({
        path: `${name}: NestJS + TypeORM alone, same SQL`,
        polity: `${bare.toFixed(0)}/s`,
        ceiling: `pgbench ${ceiling.toFixed(0)} tps`,
        ratio: (bare / ceiling).toFixed(2),
        target: 'the stack’s floor',
        holds: null,
      });
      record({
        path: name,
        polity: `${polityRun.perSecond.toFixed(0)}/s`,
        ceiling: `pgbench ${ceiling.toFixed(0)} tps`,
        ratio: ratio.toFixed(2),
        target: '≥ 0.5',
        holds: ratio >= 0.5,
      });
    }
  } finally {
    await polity.stop();
  }
}

runBench(main);
