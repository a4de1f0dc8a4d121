import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseUrl } from '../test-environment';

const root = join(__dirname, '..', '..');

interface ChaosResult {
  table: { check: string; count: string; bad: number }[];
  windows: { name: string; from: number; to: number }[];
}

/**
 * `npm run chaos --short`: two api and two worker processes under load, each fault once (kill -9 of
 * an api and of a worker, Redis emptied, PostgreSQL's connections cut and refused, SIGTERM to each),
 * then every check of the full run. PostgreSQL is not restarted here: other test files share it.
 */
describe('faults: the short chaos run', () => {
  it('loses nothing acknowledged, does nothing twice, and every watcher catches up', async () => {
    const result = join(tmpdir(), `polity-chaos-short-${process.pid}.json`);
    const database = `${new URL(testDatabaseUrl).pathname.slice(1)}_chaos`;
    const basePort = 20_000 + Math.floor(Math.random() * 30_000);
    const run = spawn(
      process.execPath,
      [
        join(root, 'scripts', 'chaos', 'run.js'),
        '--short',
        '--postgres',
        'refuse',
        '--database',
        database,
        '--base-port',
        String(basePort),
      ],
      { cwd: root, env: { ...process.env, CHAOS_RESULT: result }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => run.once('exit', resolve));
    if (code !== 0) throw new Error(`chaos --short ended with ${code}:\n${output}`);
    const { table, windows } = JSON.parse(readFileSync(result, 'utf8')) as ChaosResult;
    expect(windows.map((w) => w.name)).toEqual(['kill-api', 'kill-worker', 'redis', 'postgres', 'sigterm-api', 'sigterm-worker']);
    expect(table.filter((row) => row.bad !== 0)).toEqual([]);
    expect(table.length).toBeGreaterThanOrEqual(18);
  }, 300_000);
});
