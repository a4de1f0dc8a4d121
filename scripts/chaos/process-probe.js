// Preloaded into the api and worker processes of `npm run soak` (NODE_OPTIONS=--require): every
// SOAK_PROBE_MS it appends one line to SOAK_PROBE_FILE with what only the process itself can see.
const { appendFileSync } = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const file = process.env.SOAK_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(
    () => {
      const line = {
        at: Date.now(),
        pid: process.pid,
        role: process.env.SOAK_ROLE,
        rssMb: process.memoryUsage.rss() / 1048576,
        heapMb: process.memoryUsage().heapUsed / 1048576,
        loopDelayP99Ms: delay.percentile(99) / 1e6,
        handles: process.getActiveResourcesInfo().length,
      };
      delay.reset();
      appendFileSync(file, JSON.stringify(line) + '\n');
    },
    Number(process.env.SOAK_PROBE_MS ?? 10_000),
  ).unref();
}
