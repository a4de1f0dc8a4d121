// Run beside the soak's processes: the same fixed piece of work every second, and the CPU time it
// took, written every SOAK_PROBE_MS to SOAK_MACHINE_FILE. A shared virtual machine's cores slow down
// and speed up for reasons of their own (its neighbours); when they do, every process on it, the
// load generator and Redis included, spends more CPU on the same work and waits longer for a core,
// and the soak must not read that as Polity growing. This is the ceiling measured in the same run.
const { appendFileSync } = require('node:fs');
const { createHash } = require('node:crypto');

const file = process.env.SOAK_MACHINE_FILE;
const block = Buffer.alloc(64 * 1024, 7);
const document = { items: Array.from({ length: 200 }, (_, index) => ({ id: index, title: `item ${index}`, tags: ['a', 'b'] })) };

/** Hashing and JSON, as a request handler spends its CPU: the microseconds of CPU it took. */
function fixedWork() {
  const before = process.cpuUsage();
  for (let round = 0; round < 40; round++) {
    createHash('sha256').update(block).digest();
    JSON.parse(JSON.stringify(document));
  }
  const spent = process.cpuUsage(before);
  return spent.user + spent.system;
}

const timings = [];
setInterval(() => timings.push(fixedWork()), 1000);
setInterval(
  () => {
    const sorted = timings.splice(0).sort((a, b) => a - b);
    if (sorted.length === 0) return;
    appendFileSync(file, JSON.stringify({ at: Date.now(), fixedWorkMs: sorted[Math.floor(sorted.length / 2)] / 1000 }) + '\n');
  },
  Number(process.env.SOAK_PROBE_MS ?? 10_000),
);
