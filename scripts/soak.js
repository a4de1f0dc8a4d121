#!/usr/bin/env node
// `npm run soak`: steady mixed load (the chaos run's residents, clerk, watchers and probes, without
// faults) on two api and two worker processes for 20 minutes (--minutes n). Every 10 s it samples
// each process's RSS, event-loop delay (p99) and active handles, PostgreSQL's connections and Redis's
// memory, prints the table and a PNG plot, and checks that none grew more than 5% over the last 15
// minutes (the first 5 are warm-up). Exit code 0 when none did.
const { fork, execFile, execFileSync } = require('node:child_process');
const { mkdirSync, readFileSync, rmSync, existsSync, writeFileSync } = require('node:fs');
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
  process.once('exit', () => void stack.stopAll());
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
  // slows, which measures the configuration rather than Polity: the soak then vacuums its own
  // database each minute, as autovacuum would.
  const vacuumEachMinute = stack.sql('SHOW autovacuum') !== 'on';
  if (vacuumEachMinute) console.log('soak: this PostgreSQL runs without autovacuum; the soak vacuums its database every minute instead');
  let vacuuming = false;
  const vacuum = () => {
    if (vacuuming) return;
    vacuuming = true;
    execFile('psql', [stack.databaseUrl, '-qAtX', '-c', 'VACUUM (ANALYZE)'], (error) => {
      vacuuming = false;
      if (error) console.error(`soak: VACUUM failed: ${error.message}`);
    });
  };

  const samples = [];
  const started = Date.now();
  const redisMemory = () =>
    Number(
      /used_memory:(\d+)/.exec(execFileSync('redis-cli', ['-p', String(stack.redisPort), 'info', 'memory'], { encoding: 'utf8' }))[1],
    ) / 1048576;
  while (Date.now() - started < minutes * 60_000) {
    await sleep(SAMPLE_MS);
    if (vacuumEachMinute && samples.length % 6 === 5) vacuum();
    const lines = existsSync(probeFile)
      ? readFileSync(probeFile, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line))
      : [];
    const latest = new Map();
    for (const line of lines) latest.set(line.role, line);
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
    };
    samples.push(sample);
    console.log(
      `${sample.minute.toFixed(1).padStart(5)} min  rss ${sample.rssMb.toFixed(0).padStart(5)} MB  loop p99 ${sample.loopDelayP99Ms.toFixed(1).padStart(6)} ms  handles ${String(sample.handles).padStart(4)}  pg ${String(sample.postgresConnections).padStart(3)}  redis ${sample.redisMb.toFixed(1).padStart(6)} MB`,
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
  const metrics = [
    ['rssMb', 'RSS of the 4 processes (MB)'],
    ['loopDelayP99Ms', 'event-loop delay p99, worst process (ms)'],
    ['handles', 'active handles, 4 processes'],
    ['postgresConnections', 'PostgreSQL connections'],
    ['redisMb', 'Redis memory (MB)'],
  ];
  console.log(`\n${'measure'.padEnd(42)}  after warm-up   at the end   growth  result`);
  let failed = 0;
  for (const [key, label] of metrics) {
    const line = trend(key);
    const before = line(warm);
    const after = line(minutes);
    const growth = before > 0 ? (after - before) / before : 0;
    // Delay is not a quantity that accumulates; it must not creep up either, but 5% of 2 ms is noise.
    const ok = key === 'loopDelayP99Ms' ? after <= Math.max(before * (1 + MAX_GROWTH), before + 5) : growth <= MAX_GROWTH;
    failed += ok ? 0 : 1;
    console.log(
      `${label.padEnd(42)}  ${before.toFixed(1).padStart(13)}  ${after.toFixed(1).padStart(11)}  ${(growth * 100).toFixed(1).padStart(5)}%  ${ok ? 'ok' : 'FAIL'}`,
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

/** One small chart per measure, drawn as SVG and photographed by the machine's Chromium. */
async function plot(samples, metrics, path) {
  const width = 560;
  const height = 150;
  const charts = metrics.map(([key, label], index) => {
    const values = samples.map((s) => s[key]);
    const max = Math.max(...values, 1) * 1.1;
    const last = samples.at(-1)?.minute ?? 1;
    const points = samples.map((s) => `${40 + (s.minute / last) * (width - 60)},${20 + (1 - s[key] / max) * (height - 45)}`).join(' ');
    return `<svg x="0" y="${index * height}" width="${width}" height="${height}">
      <text x="40" y="14" font-size="12" font-family="sans-serif">${label}</text>
      <line x1="40" y1="${height - 25}" x2="${width - 20}" y2="${height - 25}" stroke="#888"/>
      <text x="40" y="${height - 8}" font-size="10" font-family="sans-serif">0 min</text>
      <text x="${width - 60}" y="${height - 8}" font-size="10" font-family="sans-serif">${last.toFixed(0)} min</text>
      <text x="2" y="24" font-size="10" font-family="sans-serif">${max.toFixed(0)}</text>
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
