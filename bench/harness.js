// Shared by the benchmarks: a fresh database, the built api and worker as child processes,
// real access tokens for many citizens, and percentiles. Run through `npm run bench:<name>`.
require('reflect-metadata');
const { spawn, execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const { LOAD_CLIENT_LIMITS } = require('./load-client-limits');

const root = join(__dirname, '..');
const dist = (path) => join(root, 'dist', path);
const { loadConfig, AccessTokenService } = require(dist('libs/platform/src'));

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/polity_bench';
const env = {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  DATABASE_URL,
  DATABASE_POOL_SIZE: '20',
  REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14',
  REDIS_PREFIX: `polity-bench-${Date.now()}`,
  API_PORT: '3310',
  WORKER_PORT: '3311',
  HOST: '127.0.0.1',
  ...LOAD_CLIENT_LIMITS,
};
const apiUrl = `http://127.0.0.1:${env.API_PORT}`;

function psql(url, sql) {
  return execFileSync('psql', [url, '-qAtX', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' }).trim();
}

async function waitReady(port) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`nothing ready on ${port}`);
}

/**
 * A fresh bench database, migrated by the api at start; api and worker as separate processes.
 * With `{ worker: false }` only the api starts, and `startWorker()` brings the worker up later.
 */
async function startPolity({ worker = true } = {}) {
  psql(ADMIN_URL, 'DROP DATABASE IF EXISTS polity_bench');
  const children = [];
  // A benchmark that fails must not leave its api and worker running behind it.
  process.once('exit', () => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
  const run = (app) => {
    // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the api and the worker.
    const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
    const child = spawn(process.execPath, [...nodeArgs, dist(`apps/${app}/src/main.js`)], {
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    children.push(child);
  };
  run('api');
  await waitReady(env.API_PORT);
  const startWorker = async () => {
    run('worker');
    await waitReady(env.WORKER_PORT);
  };
  if (worker) await startWorker();
  // Signing needs only the key; whether a token's session stands is the api's question, so every
  // token below names a session row of its own, as signing in would have made.
  const tokens = new AccessTokenService(loadConfig(env).auth, null);
  const session = (userIds) =>
    psql(
      DATABASE_URL,
      `INSERT INTO auth_session (id, user_id) SELECT id::uuid, id::uuid FROM unnest(ARRAY['${userIds.join("','")}']) AS id`,
    );
  return {
    sql: (statement) => psql(DATABASE_URL, statement),
    startWorker,
    /** Inserts citizens directly (hashing passwords would dominate) and issues each a real access token. */
    citizens(count) {
      const ids = Array.from({ length: count }, () => randomUUID());
      psql(
        DATABASE_URL,
        `INSERT INTO user_account (id, email, display_name, password_hash, roles)
         SELECT id::uuid, 'bench-' || id || '@example.test', 'Bench citizen', NULL, '{citizen}' FROM unnest(ARRAY['${ids.join("','")}']) AS id`,
      );
      session(ids);
      return ids.map((userId) => ({ userId, auth: `Bearer ${tokens.issue({ userId, sessionId: userId })}` }));
    },
    /** One staff member with these roles (`official`, `council`…), inserted directly, with a real access token. */
    member(roles) {
      const userId = randomUUID();
      psql(
        DATABASE_URL,
        `INSERT INTO user_account (id, email, display_name, password_hash, roles)
         VALUES ('${userId}', 'bench-${roles[0]}-${userId}@example.test', 'Bench ${roles[0]}', NULL, '{${roles.join(',')}}')`,
      );
      session([userId]);
      return { userId, auth: `Bearer ${tokens.issue({ userId, sessionId: userId })}` };
    },
    official() {
      return this.member(['official']);
    },
    /** The api's process id (first child), for memory readings. */
    apiPid: () => children[0].pid,
    /** The worker's process id, once started. */
    workerPid: () => children[1]?.pid,
    async stop() {
      for (const child of children) child.kill('SIGTERM');
      await Promise.all(
        children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))),
      );
    },
  };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const median = (values) => percentile(values, 50);

/** Runs `task(i)` for i in [0, total) with at most `concurrency` in flight; returns each latency in ms. */
async function runConcurrently(total, concurrency, task) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

const { readFileSync, readdirSync } = require('node:fs');
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** A process's name and CPU ticks from /proc: its own, and its reaped children's (`children`). */
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      name,
      ppid: Number(fields[1]),
      own: Number(fields[11]) + Number(fields[12]),
      children: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return undefined; // it ended
  }
}

/** CPU ticks so far of every process named `name`, including children that have ended (their parent's children's time). */
function ticksOf(name) {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry);
    if (stat?.name !== name) continue;
    ticks += stat.own + (procStat(stat.ppid)?.name === name ? 0 : stat.children);
  }
  return ticks;
}

/** The machine's idle ticks so far, over all cores (/proc/stat). */
const idleTicks = () => Number(readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/)[4]);

/**
 * Where the machine's CPU went while `work` ran, in ms per unit of work, for each named process
 * (`processes`: name → pid), PostgreSQL's processes together, Redis, this process with the children
 * it waited for (the load: autocannon here, or pgbench), and the cores' idle time. The profile that
 * says what bounds a path.
 */
async function cpuPerUnit(processes, units, work) {
  const read = () => ({
    ...Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, procStat(pid)?.own ?? 0])),
    postgres: ticksOf('postgres'),
    redis: ticksOf('redis-server'),
    load: (({ own, children }) => own + children)(procStat(process.pid)),
    idle: idleTicks(),
  });
  const before = read();
  const result = await work();
  const after = read();
  const perUnit = Object.fromEntries(
    Object.keys(after).map((name) => [
      name,
      ((after[name] - before[name]) * TICK_MS) / (typeof units === 'function' ? units(result) : units),
    ]),
  );
  return { result, perUnit };
}

/** "api 1.9 · postgres 1.6 · load 0.3 ms" */
const describeCpu = (perUnit) =>
  `${Object.entries(perUnit)
    .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
    .join(' · ')} ms CPU each`;

/**
 * One line of the table `npm run bench` prints: what was measured, Polity's figure, the ceiling's
 * in the same run, their ratio and the target it is held to (`holds` says whether it does).
 * Written as a JSON line to BENCH_RESULTS when the runner set it; a bench run alone just prints.
 */
function record(line) {
  if (!process.env.BENCH_RESULTS) return;
  require('node:fs').appendFileSync(
    process.env.BENCH_RESULTS,
    `${JSON.stringify({ bench: require('node:path').basename(require.main.filename), ...line })}\n`,
  );
}

/** Runs a benchmark's main and exits when it is done, whatever handles a client library left open. */
function runBench(main) {
  main()
    .then(() => process.exit(process.exitCode ?? 0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}

module.exports = {
  env,
  apiUrl,
  startPolity,
  percentile,
  median,
  runConcurrently,
  psql,
  record,
  runBench,
  cpuPerUnit,
  describeCpu,
  DATABASE_URL,
};
