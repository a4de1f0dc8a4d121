import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectEventually, freePort } from '@polity/testing';
import { testDatabaseUrl, testRedisPrefix, testRedisUrl } from '../test-environment';
import { instrument, matches, parseExpected, readmeBlocks } from './readme-examples';

const root = join(__dirname, '..', '..');

/** Every request the examples made, in order, with what it answered. */
interface Exchange {
  file: string;
  section: string;
  command: string;
  status: number;
  body: string;
}

// Defines `curl` as a function that keeps each exchange (headers, body, arguments) in a folder, so
// the examples run exactly as written, `$(…)`, pipes to jq and all.
const PRELUDE = `
__SECTION=''
__section() { __SECTION="$1"; }
curl() {
  local f; f="$__DIR/$(date +%s%N)-$RANDOM"
  printf '%s\\n' "$__SECTION" > "$f.s"; printf '%s ' "$@" > "$f.a"
  command curl -D "$f.h" "$@" | tee "$f.b"
  return "\${PIPESTATUS[0]}"
}
__expect() { local last; last=$(ls "$__DIR"/*.h 2>/dev/null | sort | tail -n 1); echo "$1 \${last%.h}" >> "$__DIR/expectations"; }
`;

describe('the README, run as written', () => {
  let stack: ChildProcess;
  let port: number;
  let output = '';
  const env: NodeJS.ProcessEnv = {};
  const folders: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    Object.assign(env, {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: testDatabaseUrl,
      REDIS_URL: testRedisUrl,
      REDIS_PREFIX: `${testRedisPrefix}-readme`,
      API_PORT: String(port),
      WORKER_PORT: String(await freePort()),
      PUBLIC_URL: `http://localhost:${port}`,
      LOG_LEVEL: 'warn',
    });
    stack = spawn(process.execPath, [join(root, 'scripts', 'start.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expectEventually(() => expect(output).toContain('Ctrl+C stops both.'), 60_000, 250);
  }, 70_000);

  afterAll(async () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    if (stack.exitCode === null) {
      stack.kill('SIGTERM');
      await once(stack, 'exit');
    }
  });

  it('answers every example as the README says, section by section', () => {
    const blocks = readmeBlocks(join(root, 'README.md'));
    const headings = new Set(blocks.map((block) => block.heading));
    for (const section of [
      'A proposal, end to end',
      'A participatory budget, end to end',
      'A survey, end to end',
      'Moderation, for the civil servants who do it',
      'From a co-design thread to a council decision',
      'Notifications and account mail',
      'Open data',
    ]) {
      expect(headings).toContain(section);
    }
    const { script, expectations } = instrument(blocks);
    // Inside the checkout, as a reader's shell would be, so `npm run …` finds the project; ignored by git.
    const folder = mkdtempSync(join(root, 'test', '.readme-run-'));
    folders.push(folder);
    writeFileSync(join(folder, 'examples.sh'), `${PRELUDE}\n${script.replaceAll('http://localhost:3000', `http://localhost:${port}`)}\n`);
    const run = spawnSync('bash', [join(folder, 'examples.sh')], {
      cwd: folder,
      env: { ...env, __DIR: folder },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe('');

    const exchanges: Exchange[] = readdirSync(folder)
      .filter((name) => name.endsWith('.h'))
      .sort()
      .map((name) => {
        const file = join(folder, name.slice(0, -2));
        return {
          file,
          section: readFileSync(`${file}.s`, 'utf8').trim(),
          command: readFileSync(`${file}.a`, 'utf8').trim(),
          status: Number(/^HTTP\/[\d.]+ (\d{3})/.exec(readFileSync(`${file}.h`, 'utf8'))?.[1] ?? 0),
          body: readFileSync(`${file}.b`, 'utf8'),
        };
      });
    expect(exchanges.length).toBeGreaterThan(60);
    const recorded = readFileSync(join(folder, 'expectations'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const [index, file] = line.split(' ');
        return { expectation: expectations[Number(index)], file };
      });
    expect(recorded).toHaveLength(expectations.length);

    const problems: string[] = [];
    const expectedStatus = new Map(recorded.map(({ expectation, file }) => [file, expectation.status]));
    for (const exchange of exchanges) {
      const wanted = expectedStatus.get(exchange.file);
      const ok = wanted ? exchange.status === wanted : exchange.status >= 200 && exchange.status < 400;
      if (!ok) problems.push(`[${exchange.section}] curl ${exchange.command}\n  → ${exchange.status} ${exchange.body.slice(0, 300)}`);
    }
    for (const { expectation, file } of recorded) {
      const exchange = exchanges.find((candidate) => candidate.file === file);
      if (!exchange) {
        problems.push(`[${expectation.heading}] no request before "# → ${expectation.body}"`);
        continue;
      }
      const body = exchange.body.trim();
      const fits = /^[[{]/.test(expectation.body)
        ? (() => {
            try {
              return matches(parseExpected(expectation.body), JSON.parse(body));
            } catch {
              return false;
            }
          })()
        : body.includes(expectation.body);
      if (!fits)
        problems.push(`[${expectation.heading}] curl ${exchange.command}\n  expected ${expectation.body}\n  got ${body.slice(0, 400)}`);
    }
    expect(problems).toEqual([]);
  }, 260_000);
});
