import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expectEventually } from '@polity/testing';
import { testDatabaseUrl, testRedisPrefix, testRedisUrl } from '../test-environment';

const root = join(__dirname, '..', '..');
const apiMain = join(root, 'dist', 'apps', 'api', 'src', 'main.js');

/** The environment of a child process: nothing inherited that could point it at a real database. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', ...extra };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
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

  describe('npm start', () => {
    let starter: ChildProcess;
    let apiPort: number;
    let workerPort: number;

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
        }),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
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
