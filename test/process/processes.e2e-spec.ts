import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { expectEventually, freePort } from '@polity/testing';
import { testDatabaseUrl, testRedisPrefix, testRedisUrl } from '../test-environment';

const root = join(__dirname, '..', '..');
const apiMain = join(root, 'dist', 'apps', 'api', 'src', 'main.js');

/** The environment of a child process: nothing inherited that could point it at a real database. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', ...extra };
}

describe('processes (the built apps, as npm start runs them)', () => {
  it('stops at start with one line naming a malformed variable', () => {
    const result = spawnSync(process.execPath, [apiMain], { env: childEnv({ API_PORT: 'eighty' }), encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid environment variable API_PORT/);
  });

  it('refuses the development secrets in production', () => {
    const result = spawnSync(process.execPath, [apiMain], { env: childEnv({ NODE_ENV: 'production' }), encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Invalid environment variable JWT_ACCESS_SECRET: production/),
    ]);
  });

  it('says what is wrong with a value', () => {
    const result = spawnSync(process.execPath, [apiMain], { env: childEnv({ API_PORT: 'abc' }), encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr.trim()).toBe('Invalid environment variable API_PORT: API_PORT must be an integer number (got "abc")');
  });

  it('logs JSON lines in production, sends HSTS there, and serves the site at / with the api docs beside it', async () => {
    const port = await freePort();
    const api = spawn(process.execPath, [apiMain], {
      cwd: root,
      env: childEnv({
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        DATABASE_URL: testDatabaseUrl,
        REDIS_URL: testRedisUrl,
        REDIS_PREFIX: `${testRedisPrefix}-production`,
        API_PORT: String(port),
        JWT_ACCESS_SECRET: 'p'.repeat(40),
        CENSUS_HASH_KEY: 'q'.repeat(40),
        UNSUBSCRIBE_SECRET: 'r'.repeat(40),
        PSEUDONYM_SECRET: 's'.repeat(40),
        SMTP_URL: 'smtp://127.0.0.1:9',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    api.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expectEventually(() => expect(output).toContain('Polity api listening'), 60_000, 100);
      const root = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
      expect([root.status, root.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      expect(await root.text()).toContain('href="/api/docs"');
      expect(root.headers.get('strict-transport-security')).toMatch(/max-age=/);
      const lines = output.trim().split('\n');
      for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
      // The built api (the swagger plugin reads each operation's doc comment at build time).
      const docs = (await (await fetch(`http://127.0.0.1:${port}/api/docs-json`)).json()) as {
        paths: Record<string, Record<string, { summary?: string; responses: Record<string, { content?: Record<string, unknown> }> }>>;
      };
      const operations = Object.entries(docs.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, ...operation })),
      );
      expect(operations.length).toBeGreaterThan(150);
      expect(operations.filter((operation) => !operation.summary).map((operation) => operation.name)).toEqual([]);
      expect(operations.filter((operation) => (operation.summary ?? '').length > 160).map((operation) => operation.name)).toEqual([]);
      expect(operations.filter((operation) => !operation.responses['4XX']?.content?.['application/problem+json'])).toEqual([]);
      const listening = lines
        .map((line) => JSON.parse(line) as { msg: string; level: number })
        .find((line) => line.msg.includes('listening'));
      expect(listening).toMatchObject({ level: 30, msg: expect.stringContaining(`http://localhost:${port}`) });
    } finally {
      api.kill('SIGKILL');
    }
  }, 70_000);

  describe('npm start', () => {
    let starter: ChildProcess;
    let apiPort: number;
    let workerPort: number;
    let output = '';

    beforeAll(async () => {
      apiPort = await freePort();
      workerPort = await freePort();
      starter = spawn(process.execPath, [join(root, 'scripts', 'start.js')], {
        cwd: root,
        env: childEnv({
          DATABASE_URL: testDatabaseUrl,
          REDIS_URL: testRedisUrl,
          REDIS_PREFIX: `${testRedisPrefix}-start`,
          API_PORT: String(apiPort),
          WORKER_PORT: String(workerPort),
          LOG_LEVEL: 'info',
          MAIL_DROP_DIR: '',
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      starter.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    });
    afterAll(() => {
      if (starter.exitCode === null) starter.kill('SIGKILL');
    });

    it('serves /health/ready on the api and the worker', async () => {
      for (const port of [apiPort, workerPort]) {
        await expectEventually(
          async () => {
            const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
            expect(response.status).toBe(200);
          },
          60_000,
          250,
        );
      }
    }, 70_000);

    it('ends its start-up with readable lines saying where everything runs', async () => {
      await expectEventually(() => expect(output).toContain('Ctrl+C stops both.'), 60_000, 250);
      const database = new URL(testDatabaseUrl).pathname.slice(1);
      const lines = output.trimEnd().split('\n');
      expect(lines.slice(-7)).toEqual([
        'Polity is running (development).',
        '  Site:      http://localhost:3000/',
        `  API:       http://localhost:${apiPort}/api/v1`,
        `  API docs:  http://localhost:${apiPort}/api/docs`,
        expect.stringMatching(new RegExp(`^  Mail:      written as \\.eml files to .*polity-mail-${database} \\(npm run mail:last`)),
        `  Worker:    http://localhost:${workerPort}/health/ready`,
        'Ctrl+C stops both.',
      ]);
      // Development logs: one readable line per event, no JSON, no line per route.
      const logLines = lines.filter((line) => /^\[\d\d:\d\d:\d\d\]/.test(line));
      expect(logLines).toContainEqual(expect.stringContaining('INFO: [Bootstrap] Polity api listening'));
      expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
      expect(lines.length).toBeLessThan(30);
      const root = await fetch(`http://127.0.0.1:${apiPort}/`, { redirect: 'manual' });
      expect(root.status).toBe(200);
      expect(root.headers.get('strict-transport-security')).toBeNull();
      expect(root.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    }, 70_000);

    it('stops the api and the worker on SIGTERM', async () => {
      const exited = once(starter, 'exit');
      starter.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      for (const port of [apiPort, workerPort]) {
        await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
      }
    }, 30_000);
  });
});
