// npm run bench:supports — supports over HTTP (real tokens, distinct citizens) spread over many
// proposals and on one hot proposal, beside pgbench running the same SQL transaction.
const { execFileSync } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { apiUrl, startPolity, record, DATABASE_URL, runBench, cpuPerUnit, describeCpu } = require('./harness');
const { startStackFloor } = require('./stack-floor');

const CONCURRENCY = 32;
const CITIZENS = 2000;
const PROPOSALS = 50;

/**
 * `total` supports, the i-th by `pick(i)` = [citizen, proposal id], driven by autocannon with
 * CONCURRENCY connections from this process; fails on any answer but 200. `url` and `path` point it
 * at the stack floor instead of the api.
 */
async function supports(total, pick, { url = apiUrl, path = (proposalId) => `/api/v1/proposals/${proposalId}/support` } = {}) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONCURRENCY,
    amount: total,
    requests: [
      {
        method: 'PUT',
        body: '{}',
        setupRequest: (request) => {
          const [citizen, proposalId] = pick(next++);
          return {
            ...request,
            path: path(proposalId),
            headers: { ...request.headers, authorization: citizen.auth, 'content-type': 'application/json' },
          };
        },
      },
    ],
  });
  const refused = result.non2xx + result.errors + result.timeouts;
  if (refused > 0 || result.requests.total !== total)
    throw new Error(`${refused} of ${result.requests.total} supports failed (non-2xx ${result.non2xx}, errors ${result.errors})`);
  return { perSecond: total / ((result.finish - result.start) / 1000), p50: result.latency.p50, p99: result.latency.p99 };
}

// The statements one support runs inside its transaction, as the api sends them (proposal-supports
// service, follows, and the unit of work's outbox write), with the same parameters' shapes; `pid` is
// the SQL naming the proposal's id.
const supportStatements = (pid) => [
  `SELECT pg_advisory_xact_lock_shared(hashtextextended('proposal:' || ${pid}::text, 0))`,
  `WITH target AS (SELECT p.id, p.status, p.moderation_state FROM proposal p WHERE p.id = ${pid}),
     supportable AS (SELECT id FROM target WHERE moderation_state = 'visible' AND status = ANY('{published,evaluating}'::text[])),
     inserted AS (INSERT INTO proposal_support (proposal_id, user_id) SELECT id, gen_random_uuid() FROM supportable ON CONFLICT DO NOTHING RETURNING proposal_id),
     counted AS (INSERT INTO proposal_support_tally (proposal_id, shard, supports) SELECT proposal_id, floor(random() * 16)::int, 1 FROM inserted ON CONFLICT (proposal_id, shard) DO UPDATE SET supports = proposal_support_tally.supports + EXCLUDED.supports RETURNING 1)
SELECT t.status, t.moderation_state, (SELECT count(*) FROM counted)::int, (SELECT coalesce(sum(supports), 0) FROM proposal_support_tally WHERE proposal_id = t.id)::int FROM target t`,
  `INSERT INTO follow (kind, resource_id, user_id) VALUES ('proposals', ${pid}, gen_random_uuid()) ON CONFLICT DO NOTHING`,
  `WITH written AS (INSERT INTO outbox_event (event_id, type, payload, occurred_at) SELECT gen_random_uuid(), 'proposal.support_changed', '{}'::jsonb, now() RETURNING 1) SELECT pg_notify('polity_outbox', count(*)::text) FROM written`,
];
const supportSql = (proposal) => `
\\set p ${proposal === 'spread' ? 'random(0, 49)' : '0'}
BEGIN;
${supportStatements('(SELECT id FROM bench_proposal WHERE idx = :p)').join(';\n')};
COMMIT;
`;

async function pgbench(script, seconds) {
  const file = join(tmpdir(), `polity-bench-${process.pid}.sql`);
  writeFileSync(file, script);
  const out = execFileSync('pgbench', ['-n', '-c', String(CONCURRENCY), '-j', '2', '-T', String(seconds), '-r', '-f', file, DATABASE_URL], {
    encoding: 'utf8',
  });
  const tps = Number(/tps = ([\d.]+)/.exec(out)[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(out)[1]);
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(out)[1]);
  return { tps, latency, transactions };
}

async function main() {
  const polity = await startPolity();
  const [author] = polity.citizens(1);
  const create = async (title) => {
    const response = await fetch(`${apiUrl}/api/v1/proposals`, {
      method: 'POST',
      headers: { authorization: author.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title, body: 'Benchmark proposal' }),
    });
    return (await response.json()).id;
  };
  const spread = [];
  for (let i = 0; i < PROPOSALS; i++) spread.push(await create(`Spread ${i}`));
  const hot = await create('The hot one');
  const citizens = polity.citizens(CITIZENS);

  // Warm-up, then the measured runs; every citizen supports two of the spread proposals, then the hot one.
  await supports(200, (i) => [citizens[i], spread[(i + 25) % PROPOSALS]]);
  const processes = { api: polity.apiPid(), worker: polity.workerPid() };
  const spreadRun = await cpuPerUnit(processes, 2 * CITIZENS - 200, () =>
    supports(2 * CITIZENS - 200, (i) => {
      const n = i + 200;
      return [citizens[n % CITIZENS], spread[(n + Math.floor(n / CITIZENS) * 25) % PROPOSALS]];
    }),
  );
  const hotRun = await cpuPerUnit(processes, CITIZENS, () => supports(CITIZENS, (i) => [citizens[i], hot]));

  const mismatched = polity.sql(`
    SELECT count(*) FROM proposal p
    WHERE (SELECT count(*) FROM proposal_support s WHERE s.proposal_id = p.id)
       <> coalesce((SELECT sum(supports) FROM proposal_support_tally t WHERE t.proposal_id = p.id), 0)`);
  const hotRows = polity.sql(`SELECT count(*) FROM proposal_support WHERE proposal_id = '${hot}'`);
  // The sort column follows the tally through the coalesced job.
  let lagging = '1';
  for (let i = 0; i < 40 && lagging !== '0'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    lagging = polity.sql(
      `SELECT count(*) FROM proposal p WHERE support_count <> (SELECT count(*) FROM proposal_support s WHERE s.proposal_id = p.id)`,
    );
  }
  await polity.stop();

  // The same transaction through NestJS and TypeORM alone, driven the same way (see stack-floor.js).
  const floor = await startStackFloor(
    [{ method: 'PUT', path: 'support/:id', transaction: true, statements: supportStatements('$1::uuid') }],
    {
      databaseUrl: DATABASE_URL,
    },
  );
  const toFloor = { url: floor.url, path: (proposalId) => `/support/${proposalId}` };
  await supports(200, (i) => [citizens[i], spread[i % PROPOSALS]], toFloor);
  const floorSpread = await cpuPerUnit({ floor: floor.pid }, 2 * CITIZENS - 200, () =>
    supports(2 * CITIZENS - 200, (i) => [citizens[i % CITIZENS], spread[i % PROPOSALS]], toFloor),
  );
  const floorHot = await cpuPerUnit({ floor: floor.pid }, CITIZENS, () => supports(CITIZENS, (i) => [citizens[i], hot], toFloor));
  await floor.stop();

  polity.sql(
    `CREATE TABLE bench_proposal AS SELECT (row_number() OVER (ORDER BY id)) - 1 AS idx, id FROM proposal WHERE title LIKE 'Spread%'`,
  );
  const ceilingSpread = await cpuPerUnit(
    {},
    (run) => run.transactions,
    () => pgbench(supportSql('spread'), 10),
  );
  polity.sql(`DROP TABLE bench_proposal; CREATE TABLE bench_proposal AS SELECT 0 AS idx, id FROM proposal WHERE id = '${hot}'`);
  const ceilingHot = await cpuPerUnit(
    {},
    (run) => run.transactions,
    () => pgbench(supportSql('hot'), 10),
  );

  const report = (name, { result: run, perUnit }, { result: ceiling, perUnit: ceilingPerUnit }, { result: bare, perUnit: barePerUnit }) => {
    const { perSecond } = run;
    const ratio = perSecond / ceiling.tps;
    record({
      path: `supports over HTTP, ${name}`,
      polity: `${perSecond.toFixed(0)}/s`,
      ceiling: `pgbench ${ceiling.tps.toFixed(0)} tps`,
      ratio: ratio.toFixed(2),
      target: '≥ 0.5',
      holds: ratio >= 0.5,
    });
    record({
      path: `supports, ${name}: NestJS + TypeORM alone, same SQL`,
      polity: `${bare.perSecond.toFixed(0)}/s`,
      ceiling: `pgbench ${ceiling.tps.toFixed(0)} tps`,
      ratio: (bare.perSecond / ceiling.tps).toFixed(2),
      target: 'the stack’s floor',
      holds: null,
    });
    console.log(
      `${name.padEnd(24)} ${perSecond.toFixed(0).padStart(6)} supports/s  p50 ${run.p50.toFixed(1)} ms  p99 ${run.p99.toFixed(1)} ms` +
        `   | pgbench same SQL ${ceiling.tps.toFixed(0)} tps, ${ceiling.latency.toFixed(1)} ms avg   | ratio ${ratio.toFixed(2)}\n` +
        `${''.padEnd(24)} NestJS + TypeORM alone ${bare.perSecond.toFixed(0)}/s (p50 ${bare.p50.toFixed(1)} ms): ` +
        `${(bare.perSecond / ceiling.tps).toFixed(2)} of pgbench; Polity is ${(perSecond / bare.perSecond).toFixed(2)} of it\n` +
        `${''.padEnd(24)} polity: ${describeCpu(perUnit)}\n${''.padEnd(24)} stack alone: ${describeCpu(barePerUnit)}\n` +
        `${''.padEnd(24)} pgbench: ${describeCpu(ceilingPerUnit)}`,
    );
  };
  console.log(
    `\nbench:supports — ${CONCURRENCY} concurrent clients, ${CITIZENS} citizens, HTTP through the api vs pgbench (same transaction)`,
  );
  report(`${PROPOSALS} proposals`, spreadRun, ceilingSpread, floorSpread);
  report('one hot proposal', hotRun, ceilingHot, floorHot);
  console.log(
    `hot proposal rows: ${hotRows} (expected ${CITIZENS}); proposals whose tally ≠ rows: ${mismatched}; sort columns still lagging: ${lagging}`,
  );
  if (mismatched !== '0' || hotRows !== String(CITIZENS) || lagging !== '0') process.exitCode = 1;
}

runBench(main);
