#!/usr/bin/env node
// `npm run soak`: steady mixed load (the chaos run's residents, clerk, watchers and probes, without
// faults) on two api and two worker processes for 20 minutes (--minutes n). Every 10 s it samples
// each process's RSS, event-loop delay (p99) and active handles, PostgreSQL's connections and Redis's
// memory, and the CPU time a fixed piece of work takes on this machine (the ceiling: how fast the
// shared cores are at that moment); prints the table and a PNG plot, and checks that none grew more
// than 5% over the last 15 minutes (the first 5 are warm-up), the delay measured against the
// machine's speed. Exit code 0 when none did.
const { fork, execFile, execFileSync } = require('node:child_process');
const { mkdirSync, rmSync, existsSync, writeFileSync, statSync, openSync, readSync, closeSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const { Stack, sleep, root } = require('./chaos/stack');
const { setUp } = require('./chaos/fixtures');
const { startMailSink } = require('./chaos/mail-sink');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const minutes = Number(option('minutes', '20'));
const SAMPLE_MS = 10_000;
const WARM_UP_SHARE = 0.25;
const MAX_GROWTH = 0.05;
const plotPath = option('plot', join(root, 'docs', 'soak.png'));

async function main() {
  const workDir = join(tmpdir(), `polity-soak-${process.pid}`);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const probeFile = join(workDir, 'processes.jsonl');
  const machineFile = join(workDir, 'machine.jsonl');
  const stack = new Stack({
    database: option('database', 'polity_soak'),
    basePort: Number(option('base-port', '3500')),
    workDir,
    postgresFault: 'refuse',
  });
  const baseEnv = stack.env.bind(stack);
  stack.env = (port, kind) => ({
    ...baseEnv(port, kind),
    NODE_OPTIONS: `--require ${join(__dirname, 'chaos', 'process-probe.js')}`,
    SOAK_PROBE_FILE: probeFile,
    SOAK_PROBE_MS: String(SAMPLE_MS),
    SOAK_ROLE: `${kind}-${port}`,
  });
  const machineProbe = fork(join(__dirname, 'chaos', 'machine-probe.js'), [], {
    env: { ...process.env, SOAK_MACHINE_FILE: machineFile, SOAK_PROBE_MS: String(SAMPLE_MS) },
  });
  process.once('exit', () => {
    machineProbe.kill();
    void stack.stopAll();
  });
  const mailSink = await startMailSink(stack.smtpPort);
  stack.createDatabase();
  await stack.startRedis();
  await stack.start('api', 0);
  await Promise.all([stack.start('api', 1), stack.start('worker', 0), stack.start('worker', 1)]);
  const fixtures = await setUp(stack, { residents: 24, proposals: 5, items: 400, immediateMailEvery: 4 });
  const load = fork(join(__dirname, 'chaos', 'load.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  load.send({
    type: 'start',
    config: {
      journal: join(workDir, 'journal.jsonl'),
      apis: stack.apiUrls,
      workers: stack.workerPorts.map((port) => `http://127.0.0.1:${port}`),
      ...fixtures,
      decisionPauseMs: 3000,
      // A load the stack sustains: a soak looks for what grows under a steady state, not for a backlog.
      mix: { support: 0.45, ballot: 0.2, comment: 0.05 },
      thinkMs: [400, 1200],
    },
  });
  console.log(`soak: ${minutes} min of steady load on 2 api and 2 worker processes; a sample every ${SAMPLE_MS / 1000} s`);

  // This machine's PostgreSQL runs without autovacuum (its CI configuration). Without it the load's
  // dead rows pile up in the busiest tables (a proposal's counts, the job records) and every read
  // slows, which measures the configuration rather than Polity: the soak then does autovacuum's job
  // on its own database, with autovacuum's default thresholds (a table is vacuumed once a fifth of
  // its rows, plus 50, are dead, and analysed once a tenth, plus 50, changed).
  const autovacuum = stack.sql('SHOW autovacuum') === 'on';
  if (!autovacuum)
    console.log("soak: this PostgreSQL runs without autovacuum; the soak vacuums its database by autovacuum's rules instead");
  let vacuuming = false;
  const vacuum = () => {
    if (vacuuming) return;
    vacuuming = true;
    const due = stack
      .sql(
        `SELECT CASE WHEN n_dead_tup > 50 + 0.2 * n_live_tup THEN 'VACUUM (ANALYZE) ' ELSE 'ANALYZE ' END || quote_ident(relname)
           FROM pg_stat_user_tables
          WHERE n_dead_tup > 50 + 0.2 * n_live_tup OR n_mod_since_analyze > 50 + 0.1 * n_live_tup`,
      )
      .split('\n')
      .filter(Boolean);
    if (due.length === 0) return void (vacuuming = false);
    execFile('psql', [stack.databaseUrl, '-qAtX', ...due.flatMap((statement) => ['-c', statement])], (error) => {
      vacuuming = false;
      if (error) console.error(`soak: VACUUM failed: ${error.message}`);
    });
  };

  const samples = [];
  const latest = new Map();
  const processLines = newLines(probeFile);
  const machineLines = newLines(machineFile);
  let machineMs = NaN;
  const started = Date.now();
  const redisMemory = () =>
    Number(
      /used_memory:(\d+)/.exec(execFileSync('redis-cli', ['-p', String(stack.redisPort), 'info', 'memory'], { encoding: 'utf8' }))[1],
    ) / 1048576;
  while (Date.now() - started < minutes * 60_000) {
    await sleep(SAMPLE_MS);
    if (!autovacuum) vacuum();
    for (const line of processLines()) latest.set(line.role, line);
    const processes = [...latest.values()];
    const sample = {
      minute: (Date.now() - started) / 60_000,
      rssMb: processes.reduce((sum, p) => sum + p.rssMb, 0),
      loopDelayP99Ms: Math.max(0, ...processes.map((p) => p.loopDelayP99Ms)),
      handles: processes.reduce((sum, p) => sum + p.handles, 0),
      // Polity's own connections (its pools name themselves), not this sampler's psql or the vacuum's.
      postgresConnections: Number(
        stack.sql(`SELECT count(*) FROM pg_stat_activity WHERE datname = '${stack.database}' AND application_name = 'polity'`),
      ),
      redisMb: redisMemory(),
      machineMs: (machineMs = machineLines().at(-1)?.fixedWorkMs ?? machineMs),
    };
    // The delay in units of the machine's speed: it may rise with the shared cores' slowness, not on its own.
    sample.loopDelayAtMachineSpeed = sample.loopDelayP99Ms / sample.machineMs;
    samples.push(sample);
    console.log(
      `${sample.minute.toFixed(1).padStart(5)} min  rss ${sample.rssMb.toFixed(0).padStart(5)} MB  loop p99 ${sample.loopDelayP99Ms.toFixed(1).padStart(6)} ms  handles ${String(sample.handles).padStart(4)}  pg ${String(sample.postgresConnections).padStart(3)}  redis ${sample.redisMb.toFixed(1).padStart(6)} MB  machine ${sample.machineMs.toFixed(1).padStart(5)} ms`,
    );
  }
  load.send({ type: 'stop' });
  await new Promise((resolve) => load.on('message', (message) => message.type === 'stopped' && resolve()));
  load.send({ type: 'exit' });

  // Growth: the least-squares line through every sample after warm-up, read at both ends. A tail
  // figure sampled every 10 s (a p99, a pool's size) moves by a fifth from one sample to the next, so
  // comparing a minute's median at each end mostly compares noise; the line over 90 samples is the drift.
  const warm = minutes * WARM_UP_SHARE;
  const trend = (key) => {
    const points = samples.filter((s) => s.minute >= warm);
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const meanMinute = mean(points.map((s) => s.minute));
    const meanValue = mean(points.map((s) => s[key]));
    const spread = points.reduce((sum, s) => sum + (s.minute - meanMinute) ** 2, 0);
    const slope = spread > 0 ? points.reduce((sum, s) => sum + (s.minute - meanMinute) * (s[key] - meanValue), 0) / spread : 0;
    return (minute) => meanValue + slope * (minute - meanMinute);
  };
  // [key, label, judged]: the raw delay and the machine's speed are shown; their ratio is judged.
  const metrics = [
    ['rssMb', 'RSS of the 4 processes (MB)', true],
    ['loopDelayP99Ms', 'event-loop delay p99, worst process (ms)', false],
    ['machineMs', 'the machine: CPU ms of a fixed piece of work', false],
    ['loopDelayAtMachineSpeed', "event-loop delay p99 / the machine's ms", true],
    ['handles', 'active handles, 4 processes', true],
    ['postgresConnections', 'PostgreSQL connections', true],
    ['redisMb', 'Redis memory (MB)', true],
  ];
  console.log(`\n${'measure'.padEnd(46)}  after warm-up   at the end   growth  result`);
  let failed = 0;
  for (const [key, label, judged] of metrics) {
    const line = trend(key);
    const before = line(warm);
    const after = line(minutes);
    const growth = before > 0 ? (after - before) / before : 0;
    const ok = growth <= MAX_GROWTH;
    failed += ok || !judged ? 0 : 1;
    const digits = before < 10 ? 2 : 1;
    console.log(
      `${label.padEnd(46)}  ${before.toFixed(digits).padStart(13)}  ${after.toFixed(digits).padStart(11)}  ${(growth * 100).toFixed(1).padStart(5)}%  ${judged ? (ok ? 'ok' : 'FAIL') : 'shown'}`,
    );
  }
  await plot(samples, metrics, plotPath);
  console.log(`\nplot: ${plotPath}`);
  writeFileSync(join(workDir, 'samples.json'), JSON.stringify(samples));
  await stack.stopAll();
  await mailSink.close();
  console.log(`${mailSink.mails.length} mails received; work files in ${workDir}`);
  process.exit(failed === 0 ? 0 : 1);
}

/** A reader of the JSON lines appended to `file` since its last call (the probes only ever append). */
function newLines(file) {
  let offset = 0;
  return () => {
    if (!existsSync(file)) return [];
    const size = statSync(file).size;
    if (size <= offset) return [];
    const chunk = Buffer.alloc(size - offset);
    const descriptor = openSync(file, 'r');
    try {
      readSync(descriptor, chunk, 0, chunk.length, offset);
    } finally {
      closeSync(descriptor);
    }
    const text = chunk.toString('utf8');
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    offset += Buffer.byteLength(complete);
    return complete
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  };
}

/** One small chart per measure, drawn as SVG and photographed by the machine's Chromium. */
async function plot(samples, metrics, path) {
  const width = 560;
  const height = 150;
  const charts = metrics.map(([key, label], index) => {
    const drawn = samples.filter((s) => Number.isFinite(s[key]));
    const values = drawn.map((s) => s[key]);
    const max = Math.max(...values, 1) * 1.1;
    const last = samples.at(-1)?.minute ?? 1;
    const points = drawn.map((s) => `${40 + (s.minute / last) * (width - 60)},${20 + (1 - s[key] / max) * (height - 45)}`).join(' ');
    return `<svg x="0" y="${index * height}" width="${width}" height="${height}">
      <text x="40" y="14" font-size="12" font-family="sans-serif">${label}</text>
      <line x1="40" y1="${height - 25}" x2="${width - 20}" y2="${height - 25}" stroke="#888"/>
      <text x="40" y="${height - 8}" font-size="10" font-family="sans-serif">0 min</text>
      <text x="${width - 60}" y="${height - 8}" font-size="10" font-family="sans-serif">${last.toFixed(0)} min</text>
      <text x="2" y="24" font-size="10" font-family="sans-serif">${max.toFixed(max < 10 ? 2 : 0)}</text>
      <polyline fill="none" stroke="#1f5fbf" stroke-width="2" points="${points}"/>
    </svg>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height * metrics.length}" style="background:#fff">${charts.join('')}</svg>`;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: require(join(root, 'libs', 'testing', 'src', 'chromium-args.json')),
  });
  try {
    const page = await browser.newPage({ viewport: { width, height: height * metrics.length } });
    await page.setContent(`<body style="margin:0">${svg}</body>`);
    await page.screenshot({ path });
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error('soak failed:', error);
  process.exit(2);
});
