#!/usr/bin/env node
// `npm run fuzz`: the api's route fuzzer at full length (FUZZ_REQUESTS, default 12000) and the site's
// page fuzzer (WEB_FUZZ_RUNS per route and caller, default 150), with a fresh seed each run unless
// FUZZ_SEED is set; the seed is printed, so a failure can be replayed exactly.
const { spawnSync } = require('node:child_process');

const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const requests = process.env.FUZZ_REQUESTS ?? '12000';
const webRuns = process.env.WEB_FUZZ_RUNS ?? '150';
process.stdout.write(`route fuzzer: ${requests} requests, seed ${seed} (replay with FUZZ_SEED=${seed} npm run fuzz)\n`);
const run = spawnSync('npx', ['jest', '--runInBand', 'test/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_REQUESTS: requests, WEB_FUZZ_RUNS: webRuns },
});
process.exit(run.status ?? 1);
