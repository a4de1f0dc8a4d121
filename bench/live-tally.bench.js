// npm run bench:live-tally — 1,000 Socket.IO clients watch one proposal. First supports arrive at a
// steady 2 a second: latency from a support's commit (its HTTP answer) to each client's receipt of a
// count that includes it, beside a bare Socket.IO server broadcasting to 1,000 clients at the same
// rate. Then a burst, as fast as the api takes supports: how many counts a client receives in any
// second (at most 4 is the promise), and that the last one is exact.
const { spawn } = require('node:child_process');
const { io } = require('socket.io-client');
const { apiUrl, startPolity, percentile, record, runConcurrently, runBench } = require('./harness');

const CLIENTS = 1000;
const RATE_PER_SECOND = 2;
const SUPPORTS = 40;
const BURST = 600;
const BURST_CONCURRENCY = 32;
const BARE_PORT = 3320;

const BARE_SERVER = `
const { Server } = require('socket.io');
const server = new Server(${BARE_PORT});
server.on('connection', (socket) => socket.join('room'));
process.on('message', (message) => { if (message === 'tick') server.to('room').emit('tick', { sentAt: Date.now() }); });
process.send('ready');
`;

async function connectAll(url, onSocket) {
  const sockets = [];
  for (let i = 0; i < CLIENTS; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, CLIENTS - i) }, async () => {
        const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
        await new Promise((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
        await onSocket(socket);
        return socket;
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

const steady = async (count, task) => {
  const interval = 1000 / RATE_PER_SECOND;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await task(i);
  }
};

async function polityRun() {
  const polity = await startPolity();
  const [author, ...citizens] = polity.citizens(SUPPORTS + BURST + 1);
  const created = await fetch(`${apiUrl}/api/v1/proposals`, {
    method: 'POST',
    headers: { authorization: author.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Watched by a thousand', body: 'Live tally benchmark' }),
  }).then((response) => response.json());
  const room = `proposals:${created.id}`;
  const committedAt = new Map();
  const latencies = [];
  const pushes = [];
  let watcher;
  const sockets = await connectAll(apiUrl, async (socket) => {
    let seen = 0;
    // One client's receipts are enough to count pushes per second: every client gets the same.
    const counted = watcher === undefined;
    watcher ??= socket;
    socket.on('proposal.support_count', (message) => {
      if (counted) pushes.push({ at: Date.now(), count: message.data.supportCount });
      const now = Date.now();
      for (let count = seen + 1; count <= message.data.supportCount; count++) {
        const at = committedAt.get(count);
        if (at !== undefined) latencies.push(now - at);
      }
      seen = Math.max(seen, message.data.supportCount);
    });
    await socket.timeout(10_000).emitWithAck('subscribe', { room });
  });
  await steady(SUPPORTS, async (i) => {
    const response = await fetch(`${apiUrl}/api/v1/proposals/${created.id}/support`, {
      method: 'PUT',
      headers: { authorization: citizens[i].auth, 'content-type': 'application/json' },
      body: '{}',
    });
    const { supportCount } = await response.json();
    committedAt.set(supportCount, Date.now());
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const sparsePushes = pushes.length;
  const support = (i) =>
    fetch(`${apiUrl}/api/v1/proposals/${created.id}/support`, {
      method: 'PUT',
      headers: { authorization: citizens[SUPPORTS + i].auth, 'content-type': 'application/json' },
      body: '{}',
    }).then((response) => response.arrayBuffer());
  const burst = await runConcurrently(BURST, BURST_CONCURRENCY, support);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const burstPushes = pushes.slice(sparsePushes);
  // The most counts one client received within any one second of the burst.
  let busiestSecond = 0;
  for (const [index, push] of burstPushes.entries()) {
    busiestSecond = Math.max(busiestSecond, burstPushes.slice(index).filter((later) => later.at - push.at < 1000).length);
  }
  const rows = Number(polity.sql(`SELECT count(*) FROM proposal_support WHERE proposal_id = '${created.id}'`));
  for (const socket of sockets) socket.close();
  await polity.stop();
  return {
    latencies,
    burst: { rate: BURST / burst.seconds, busiestSecond, last: burstPushes.at(-1)?.count, rows, pushes: burstPushes.length },
  };
}

async function bareRun() {
  const server = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve) => server.once('message', resolve));
  const latencies = [];
  const sockets = await connectAll(`http://127.0.0.1:${BARE_PORT}`, async (socket) => {
    socket.on('tick', (message) => latencies.push(Date.now() - message.sentAt));
  });
  await steady(SUPPORTS, async () => {
    server.send('tick');
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  for (const socket of sockets) socket.close();
  server.kill();
  return latencies;
}

async function main() {
  const bare = await bareRun();
  const { latencies: polity, burst } = await polityRun();
  const line = (name, values) =>
    `${name.padEnd(34)} p50 ${percentile(values, 50).toFixed(0).padStart(4)} ms   p99 ${percentile(values, 99).toFixed(0).padStart(4)} ms   (${values.length} receipts)`;
  console.log(`\nbench:live-tally — ${CLIENTS} clients, ${RATE_PER_SECOND} supports/s, ${SUPPORTS} supports`);
  console.log(line('bare Socket.IO broadcast (ceiling)', bare));
  console.log(line('Polity: commit → count received', polity));
  const p99 = percentile(polity, 99) / Math.max(1, percentile(bare, 99));
  console.log(
    `ratio p50 ${(percentile(polity, 50) / Math.max(1, percentile(bare, 50))).toFixed(1)}×, p99 ${p99.toFixed(1)}× (counts are throttled: at once when quiet, else 300 ms after the last)`,
  );
  console.log(
    `burst: ${BURST} supports at ${burst.rate.toFixed(0)}/s → ${burst.pushes} counts to a client, at most ${burst.busiestSecond} in any second; ` +
      `last count ${burst.last}, rows ${burst.rows}`,
  );
  if (burst.last !== burst.rows) process.exitCode = 1;
  record({
    path: 'live counts a second under a burst, most',
    polity: `${burst.busiestSecond} (at ${burst.rate.toFixed(0)} supports/s)`,
    ceiling: '—',
    ratio: String(burst.busiestSecond),
    target: '≤ 4/s, last exact',
    holds: burst.busiestSecond <= 4 && burst.last === burst.rows,
  });
  record({
    path: 'commit → live support count, p99',
    polity: `${percentile(polity, 99).toFixed(0)} ms`,
    ceiling: `bare broadcast ${percentile(bare, 99).toFixed(0)} ms`,
    ratio: `×${p99.toFixed(1)}`,
    target: '≤ ×2',
    holds: p99 <= 2,
  });
}

runBench(main);
