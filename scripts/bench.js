#!/usr/bin/env node
// `npm run bench`: every benchmark in turn (each on its own fresh database), then one table of what
// each measured beside its ceiling from the same run, the target and whether it holds. Each
// benchmark runs three times (`--runs=N` for another count) and the table shows the run with the
// median ratio, beside every run's ratio. Not in `npm test`.
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { buildIfChanged, root } = require('./build-if-changed');

const BENCHES = [
  'supports',
  'proposal-reads',
  'live-tally',
  'fanout',
  'screening',
  'snapshot',
  'surveys',
  'decision-fanout',
  'budget-outcome',
  'pages',
];
const runsArgument = process.argv.find((arg) => arg.startsWith('--runs='));
const runs = runsArgument ? Number(runsArgument.slice('--runs='.length)) : 3;
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const results = join(tmpdir(), `polity-bench-${process.pid}.jsonl`);

buildIfChanged();
const failed = [];
for (const name of BENCHES.filter((bench) => only.length === 0 || only.includes(bench))) {
  for (let run = 1; run <= runs; run++) runBench(name, run);
}

function runBench(name, runNumber) {
  console.log(`\n=== bench:${name} (run ${runNumber} of ${runs})`);
  const run = spawnSync(process.execPath, [join(root, 'bench', `${name}.bench.js`)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_RESULTS: results, BENCH_SKIP_TEXTBOOK: process.env.BENCH_SKIP_TEXTBOOK ?? '1' },
  });
  if (run.status !== 0) failed.push(`${name} (run ${runNumber})`);
}

const measured = existsSync(results)
  ? readFileSync(results, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
  : [];
rmSync(results, { force: true });

/** A ratio as a number, whichever way it is written ("0.42", "×2.1"). */
const ratioOf = (row) => Number(String(row.ratio).replace(/[^\d.]/g, ''));
const byPath = new Map();
for (const row of measured) byPath.set(`${row.bench} ${row.path}`, [...(byPath.get(`${row.bench} ${row.path}`) ?? []), row]);
const rows = [...byPath.values()].map((all) => {
  const sorted = [...all].sort((a, b) => ratioOf(a) - ratioOf(b));
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], runs: all.map((row) => row.ratio).join(', ') };
});
const columns = [
  ['path', 'path'],
  ['Polity', 'polity'],
  ['ceiling (same run)', 'ceiling'],
  ['ratio', 'ratio'],
  ['target', 'target'],
  ['holds', 'holds'],
  ['every run’s ratio', 'runs'],
];
// `holds: null` marks a line that informs (the fixed stack's own floor) rather than meets a target.
const cell = (row, key) => (key === 'holds' ? (row.holds === null ? '—' : row.holds ? 'yes' : 'NO') : String(row[key] ?? ''));
const widths = columns.map(([title, key]) => Math.max(title.length, ...rows.map((row) => cell(row, key).length)));
const line = (values) => `| ${values.map((value, index) => value.padEnd(widths[index])).join(' | ')} |`;
console.log(`\n${line(columns.map(([title]) => title))}`);
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(columns.map(([, key]) => cell(row, key))));
if (failed.length > 0) {
  console.log(`\nFailed to run: ${failed.join(', ')}`);
  process.exitCode = 1;
}
