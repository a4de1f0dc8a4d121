// The processes a chaos run starts and breaks: its own Redis server (so emptying it touches nothing
// else), its own database on the local PostgreSQL, two api and two worker processes.
const { spawn, execFileSync } = require('node:child_process');
const { Client } = require('pg');
const { LOAD_CLIENT_LIMITS } = require('../../bench/load-client-limits');
const { createWriteStream, mkdirSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function psql(url, sql) {
  return execFileSync('psql', [url, '-qAtX', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' }).trim();
}

async function waitFor(check, timeoutMs, what) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const answers = (url) =>
  fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    (response) => response.ok,
    () => false,
  );

class Stack {
  /**
   * @param {object} options
   * @param {string} options.database the database's name (created afresh)
   * @param {number} options.basePort api ports base, base+1; workers base+2, base+3; Redis base+4; SMTP base+5
   * @param {string} options.workDir logs and dropped mail
   * @param {'restart'|'refuse'} options.postgresFault a real restart of the cluster, or (beside other
   *   tests sharing it) cutting this database's connections and refusing new ones for a while
   */
  constructor({ database, basePort, workDir, postgresFault }) {
    this.adminUrl = process.env.CHAOS_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    this.database = database;
    this.databaseUrl = this.adminUrl.replace(/\/[^/]*$/, `/${database}`);
    this.apiPorts = [basePort, basePort + 1];
    this.workerPorts = [basePort + 2, basePort + 3];
    this.redisPort = basePort + 4;
    this.smtpPort = basePort + 5;
    this.workDir = workDir;
    this.mailDir = join(workDir, 'mail');
    this.postgresFault = postgresFault;
    this.processes = new Map();
    this.redis = undefined;
    mkdirSync(this.mailDir, { recursive: true });
  }

  get apiUrls() {
    return this.apiPorts.map((port) => `http://127.0.0.1:${port}`);
  }

  env(port, role) {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_SIZE: '10',
      REDIS_URL: `redis://127.0.0.1:${this.redisPort}/0`,
      REDIS_PREFIX: 'chaos',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://localhost:3000',
      [role === 'api' ? 'API_PORT' : 'WORKER_PORT']: String(port),
      ...LOAD_CLIENT_LIMITS,
      // The load's tokens are issued once, at the start; they must outlast a 20-minute soak.
      JWT_ACCESS_TTL_SECONDS: '3600',
      // A killed worker's jobs are taken over after 5 s; a job Redis lost is queued again after 3 s.
      JOB_LOCK_MS: '5000',
      JOB_RECOVERY_AFTER_MS: '3000',
      SMTP_URL: `smtp://127.0.0.1:${this.smtpPort}`,
      MAIL_DROP_DIR: this.mailDir,
    };
  }

  async startRedis() {
    const redis = spawn(
      'redis-server',
      ['--port', String(this.redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    this.redis = redis;
    await waitFor(
      async () =>
        execFileSync('redis-cli', ['-p', String(this.redisPort), 'ping'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }).trim() === 'PONG',
      10_000,
      'redis',
    );
  }

  /** Redis dies (kill -9) and comes back empty, as it does on these machines, which keep nothing on disk. */
  async killRedis() {
    const redis = this.redis;
    redis.kill('SIGKILL');
    await new Promise((resolve) => (redis.exitCode !== null || redis.signalCode ? resolve() : redis.once('exit', resolve)));
  }

  createDatabase() {
    psql(this.adminUrl, `DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
    psql(this.adminUrl, `CREATE DATABASE ${this.database}`);
  }

  sql(statement) {
    return psql(this.databaseUrl, statement);
  }

  /** Starts api or worker number `index` (0 or 1); resolves when it answers /health/ready. */
  async start(role, index) {
    const port = (role === 'api' ? this.apiPorts : this.workerPorts)[index];
    const log = createWriteStream(join(this.workDir, `${role}-${index}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [join(root, 'dist', 'apps', role, 'src', 'main.js')], {
      cwd: root,
      env: this.env(port, role),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.processes.set(`${role}-${index}`, child);
    await waitFor(() => answers(`http://127.0.0.1:${port}/health/ready`), 90_000, `${role} ${index}`);
    return child;
  }

  /** Sends `signal`; resolves when the process has ended, with how long that took. */
  async stop(role, index, signal) {
    const child = this.processes.get(`${role}-${index}`);
    const started = Date.now();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await new Promise((resolve) => child.once('exit', resolve));
    }
    return { ms: Date.now() - started, code: child.exitCode, signal: child.signalCode };
  }

  /** PostgreSQL goes away for `downMs` and comes back; resolves with the time it accepted connections again. */
  async postgresOutage(downMs) {
    const version = readdirSync('/etc/postgresql')[0];
    if (this.postgresFault === 'restart')
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'stop', '-m', 'fast']);
    else {
      // What the processes see of a restart: every connection cut, new ones refused, then accepted again.
      psql(this.adminUrl, `ALTER DATABASE ${this.database} ALLOW_CONNECTIONS false`);
      psql(this.adminUrl, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '${this.database}'`);
    }
    await sleep(downMs);
    let back;
    if (this.postgresFault === 'restart') {
      // pg_ctlcluster returns a while after the server accepts connections: the first accepted one marks the end.
      const starting = spawn('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
      while (back === undefined) {
        const client = new Client({ connectionString: this.adminUrl, connectionTimeoutMillis: 1000 });
        client.on('error', () => undefined);
        if (
          await client.connect().then(
            () => true,
            () => false,
          )
        )
          back = Date.now();
        else await sleep(20);
        await client.end().catch(() => undefined);
      }
      if (starting.exitCode === null) await new Promise((resolve) => starting.once('exit', resolve));
    } else {
      psql(this.adminUrl, `ALTER DATABASE ${this.database} ALLOW_CONNECTIONS true`);
      back = Date.now();
    }
    await waitFor(async () => psql(this.databaseUrl, 'SELECT 1') === '1', 60_000, 'postgres');
    return back;
  }

  async stopAll() {
    await Promise.all([...this.processes.keys()].map((key) => this.stop(...key.split('-').map((v, i) => (i ? Number(v) : v)), 'SIGKILL')));
    if (this.redis && this.redis.exitCode === null) this.redis.kill('SIGKILL');
  }
}

module.exports = { Stack, psql, sleep, waitFor, root };
