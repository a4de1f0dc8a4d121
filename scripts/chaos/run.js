#!/usr/bin/env node
// `npm run chaos`: two api and two worker processes on their own database and Redis, a load
// generator, and on a schedule the faults a live evening can bring: kill -9 of an api and of a
// worker, Redis restarted empty, PostgreSQL restarted, SIGTERM to each kind. Then it checks that
// nothing acknowledged was lost, nothing was done twice and every screen caught up, and prints the
// table. Exit code 0 when every check holds.
//
//   --short            the version `npm test` runs: fewer residents, faults closer together
//   --database <name>  (default polity_chaos)   --base-port <n> (default 3400)
//   --postgres refuse  cut this database's connections instead of restarting the cluster
const { fork, execFileSync } = require('node:child_process');
const { mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const { Stack, sleep, root } = require('./stack');
const { setUp } = require('./fixtures');
const checks = require('./checks');
const { startMailSink } = require('./mail-sink');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const short = args.includes('--short');
const plan = short
  ? { residents: 10, proposals: 3, items: 6, step: 5000, outage: 3000, tail: 4000, decisionPauseMs: 1500 }
  : { residents: 24, proposals: 5, items: 20, step: 14000, outage: 6000, tail: 12000, decisionPauseMs: 3000 };

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`;
const say = (line) => console.log(`[${elapsed()}] ${line}`);

async function main() {
  const workDir = join(tmpdir(), `polity-chaos-${process.pid}`);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const stack = new Stack({
    database: option('database', 'polity_chaos'),
    basePort: Number(option('base-port', '3400')),
    workDir,
    postgresFault: option('postgres', 'restart'),
  });
  const { JOB_QUEUES } = require(join(root, 'dist', 'libs', 'contracts', 'src'));
  const queues = [...new Set(Object.values(JOB_QUEUES))];
  process.once('exit', () => void stack.stopAll());

  const mailSink = await startMailSink(stack.smtpPort);
  say(`logs in ${workDir}`);
  stack.createDatabase();
  await stack.startRedis();
  await stack.start('api', 0);
  await Promise.all([stack.start('api', 1), stack.start('worker', 0), stack.start('worker', 1)]);
  say('2 api and 2 worker processes ready');
  const fixtures = await setUp(stack, plan);
  say(
    `${fixtures.residents.length} residents, ${fixtures.proposals.length} proposals, a budget, a survey, a meeting of ${fixtures.meeting.items.length} items`,
  );

  const journal = join(workDir, 'journal.jsonl');
  const load = fork(join(__dirname, 'load.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const fromLoad = (type) => new Promise((resolve) => load.on('message', (message) => message.type === type && resolve(message)));
  const stopped = fromLoad('stopped');
  load.send({
    type: 'start',
    config: {
      journal,
      apis: stack.apiUrls,
      workers: stack.workerPorts.map((port) => `http://127.0.0.1:${port}`),
      residents: fixtures.residents,
      clerk: fixtures.clerk,
      proposals: fixtures.proposals,
      budget: fixtures.budget,
      survey: fixtures.survey,
      meeting: fixtures.meeting,
      decisionPauseMs: plan.decisionPauseMs,
      // Shares of support/withdraw, ballots and comments (the rest: survey answers), and each resident's pause between actions.
      mix: { support: 0.4, ballot: 0.2, comment: 0.2 },
      thinkMs: [150, 600],
    },
  });
  await fromLoad('started');
  say('load running');

  const windows = [];
  const fault = async (name, description, action) => {
    await sleep(plan.step);
    const from = Date.now();
    say(`FAULT ${description}`);
    // An action may say when the dependency was back, if the waiting after it took a while.
    const { note, back } = await action();
    windows.push({ name, from, to: back ?? Date.now() });
    say(`      ${note}`);
  };
  const activeJobs = () =>
    queues.reduce(
      (sum, queue) =>
        sum +
        Number(execFileSync('redis-cli', ['-p', String(stack.redisPort), 'LLEN', `chaos:bull:${queue}:active`], { encoding: 'utf8' })),
      0,
    );

  await fault('kill-api', 'kill -9 api 0, then start it again', async () => {
    await stack.stop('api', 0, 'SIGKILL');
    await sleep(1000);
    const t = Date.now();
    await stack.start('api', 0);
    return { note: `api 0 ready again ${Date.now() - t} ms after its start` };
  });
  await fault('kill-worker', 'kill -9 worker 0 in the middle of jobs, then start it again', async () => {
    let active = 0;
    for (let i = 0; i < 50 && active === 0; i++) {
      active = activeJobs();
      if (active === 0) await sleep(50);
    }
    await stack.stop('worker', 0, 'SIGKILL');
    await sleep(1000);
    await stack.start('worker', 0);
    return { note: `killed with ${active} job(s) active; worker 0 ready again` };
  });
  await fault('redis', 'Redis killed and restarted with its memory empty', async () => {
    await stack.killRedis();
    await sleep(plan.outage);
    await stack.startRedis();
    return { note: `Redis back after ${plan.outage} ms, empty` };
  });
  await fault(
    'postgres',
    `PostgreSQL ${stack.postgresFault === 'restart' ? 'stopped and started again' : 'cuts every connection and refuses new ones'}`,
    async () => {
      const from = Date.now();
      const back = await stack.postgresOutage(plan.outage);
      return { note: `PostgreSQL accepting connections again after ${back - from} ms`, back };
    },
  );
  await fault('sigterm-api', 'SIGTERM to api 1 (graceful), then start it again', async () => {
    const { ms, code, signal } = await stack.stop('api', 1, 'SIGTERM');
    await stack.start('api', 1);
    return { note: `api 1 ended (${code ?? signal}) ${ms} ms after SIGTERM; ready again` };
  });
  await fault('sigterm-worker', 'SIGTERM to worker 1 (graceful), then start it again', async () => {
    const { ms, code, signal } = await stack.stop('worker', 1, 'SIGTERM');
    await stack.start('worker', 1);
    return { note: `worker 1 ended (${code ?? signal}) ${ms} ms after SIGTERM; ready again` };
  });
  await sleep(plan.tail);
  load.send({ type: 'stop' });
  await stopped;
  say('load stopped; waiting for the queues to drain');

  const drained = Date.now() + 120_000;
  let pending = '';
  while (Date.now() < drained) {
    pending = stack.sql(
      `SELECT (SELECT count(*) FROM queued_job) || ' recorded jobs, ' || (SELECT count(*) FROM outbox_event WHERE relayed_at IS NULL) || ' unrelayed events'`,
    );
    if (pending.startsWith('0 recorded jobs, 0 ')) break;
    await sleep(500);
  }
  say(`drained (${pending}); letting the watchers settle`);

  // Coalesced pushes (support counts at most 4 a second) land shortly after the last job.
  let report;
  let rows;
  for (let attempt = 0; attempt < 10; attempt++) {
    await sleep(1500);
    const reported = fromLoad('report');
    load.send({ type: 'report' });
    report = await reported;
    rows = checks.watcherChecks(stack, fixtures, report);
    if (rows[0].bad === 0) break;
  }
  const entries = require('node:fs')
    .readFileSync(journal, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const queueResult = checks.queueChecks(stack, stack.redisPort, queues);
  const table = [
    ...checks.writesChecks(stack, entries, fixtures),
    ...checks.stateChecks(stack, fixtures),
    ...checks.mailChecks(stack, mailSink.mails, windows),
    ...rows,
    ...queueResult.rows,
    ...checks.outageChecks(entries, windows),
  ];
  load.send({ type: 'exit' });

  const width = Math.max(...table.map((row) => row.check.length));
  console.log('');
  console.log(`${'check'.padEnd(width)}  result  counts`);
  for (const row of table)
    console.log(`${row.check.padEnd(width)}  ${row.bad === 0 ? 'ok    ' : `FAIL ${row.bad}`.padEnd(6)}  ${row.count}`);
  for (const reason of queueResult.reasons) console.log(`  failed job ${reason}`);
  const statuses = {};
  for (const entry of entries) statuses[entry.status] = (statuses[entry.status] ?? 0) + 1;
  console.log(
    `\nrequests and probes by answer: ${Object.entries(statuses)
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ')}`,
  );
  const failed = table.filter((row) => row.bad !== 0);
  console.log(
    failed.length === 0
      ? `\nchaos: every check holds (${elapsed().trim()})`
      : `\nchaos: ${failed.length} check(s) failed (${elapsed().trim()})`,
  );
  const result = JSON.stringify({ table, windows, journalStartedAt: entries[0]?.at }, null, 2);
  require('node:fs').writeFileSync(join(workDir, 'result.json'), result);
  if (process.env.CHAOS_RESULT) require('node:fs').writeFileSync(process.env.CHAOS_RESULT, result);
  await stack.stopAll();
  await mailSink.close();
  // A failed run keeps its logs, journal and result for a look.
  if (failed.length === 0 && !args.includes('--keep')) rmSync(workDir, { recursive: true, force: true });
  else say(`kept ${workDir}`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error('chaos run failed:', error);
  process.exit(2);
});
