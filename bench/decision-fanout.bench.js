// npm run bench:decision-fanout — a council decision linked to 20 resources (14 proposals, 6
// co-design threads), 2,000 Socket.IO clients spread over those 20 rooms and the meeting room.
// Latency from the clerk's request to each client's receipt of the decision, beside a bare
// Socket.IO server broadcasting one message to the same 21 rooms with the same 2,000 clients.
const { spawn } = require('node:child_process');
const { io } = require('socket.io-client');
const { apiUrl, startPolity, percentile, median, record, runBench } = require('./harness');

const CLIENTS = Number(process.env.BENCH_FANOUT_CLIENTS ?? 2000);
const DECISIONS = Number(process.env.BENCH_FANOUT_DECISIONS ?? 30);
const PROPOSALS = 14;
const THREADS = 6;
const BARE_PORT = 3321;

const BARE_SERVER = `
const { Server } = require('socket.io');
const server = new Server(${BARE_PORT});
server.on('connection', (socket) => socket.on('subscribe', ({ room }, ack) => { socket.join(room); ack({ ok: true }); }));
process.on('message', ({ rooms, marker }) => server.to(rooms).emit('decision.recorded', { data: { text: marker } }));
process.send('ready');
`;

/** Connects `CLIENTS` sockets, client i joining rooms[i % rooms.length]; `onDecision(marker)` hears every receipt. */
async function connectAll(url, rooms, auth, onDecision) {
  const sockets = [];
  for (let i = 0; i < CLIENTS; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, CLIENTS - i) }, async (_, offset) => {
        const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth });
        await new Promise((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
        socket.on('decision.recorded', (message) => onDecision(message.data.text));
        const ack = await socket.timeout(20_000).emitWithAck('subscribe', { room: rooms[(i + offset) % rooms.length] });
        if (!ack.ok) throw new Error(`subscribe refused: ${JSON.stringify(ack)}`);
        return socket;
      }),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/** Runs `send(marker)` DECISIONS times, one at a time, each waiting until every client has the decision. */
async function measure(send) {
  const perDecision = [];
  const all = [];
  let pending = null;
  const onDecision = (marker) => {
    if (!pending || pending.marker !== marker) return;
    pending.latencies.push(performance.now() - pending.sentAt);
    if (pending.latencies.length === CLIENTS) pending.done();
  };
  const run = async () => {
    for (let i = 0; i < DECISIONS; i++) {
      const marker = `Decision ${i} of the fan-out benchmark`;
      const finished = new Promise((resolve) => {
        pending = { marker, latencies: [], sentAt: performance.now(), done: resolve };
      });
      await send(marker);
      const timeout = new Promise((resolve) => setTimeout(resolve, 15_000, 'timeout'));
      if ((await Promise.race([finished, timeout])) === 'timeout')
        console.warn(`decision ${i}: ${pending.latencies.length}/${CLIENTS} receipts`);
      perDecision.push(percentile(pending.latencies, 100));
      all.push(...pending.latencies);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { all, lastReceipt: perDecision };
  };
  return { onDecision, run };
}

async function bareRun() {
  const server = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve) => server.once('message', resolve));
  const rooms = Array.from({ length: PROPOSALS + THREADS + 1 }, (_, i) => `room-${i}`);
  const { onDecision, run } = await measure(async (marker) => server.send({ rooms, marker }));
  const sockets = await connectAll(`http://127.0.0.1:${BARE_PORT}`, rooms, {}, onDecision);
  const result = await run();
  for (const socket of sockets) socket.close();
  server.kill();
  return result;
}

async function polityRun() {
  const polity = await startPolity({ worker: false });
  const [author] = polity.citizens(1);
  const official = polity.official();
  const clerk = polity.member(['council']);
  const post = async (path, auth, body, expected = 201) => {
    const response = await fetch(`${apiUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== expected) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const links = [];
  for (let i = 0; i < PROPOSALS; i++) {
    const proposal = await post('/proposals', author.auth, { title: `Fan-out proposal ${i}`, body: `Linked to a decision, number ${i}.` });
    links.push({ kind: 'proposals', id: proposal.id });
  }
  for (let i = 0; i < THREADS; i++) {
    const thread = await post('/threads', official.auth, {
      title: `Fan-out thread ${i}`,
      serviceName: 'Libraries',
      department: 'Culture',
      description: 'x',
    });
    links.push({ kind: 'threads', id: thread.id });
  }
  const meeting = await post('/meetings', clerk.auth, {
    body: 'City council',
    title: 'Fan-out',
    place: 'Town hall',
    scheduledAt: new Date().toISOString(),
  });
  const item = await post(`/meetings/${meeting.id}/agenda`, clerk.auth, { title: 'Everything at once', links });
  await post(`/meetings/${meeting.id}/start`, clerk.auth, {}, 200);
  await post(`/meetings/${meeting.id}/agenda/${item.id}/open`, clerk.auth, {}, 200);

  const rooms = [`meetings:${meeting.id}`, ...links.map((link) => `${link.kind === 'proposals' ? 'proposal' : 'thread'}:${link.id}`)];
  const { onDecision, run } = await measure((marker) =>
    post(`/meetings/${meeting.id}/agenda/${item.id}/decisions`, clerk.auth, {
      outcome: 'approved',
      text: marker,
      votes: { for: 20, against: 10, abstain: 1 },
    }),
  );
  const sockets = await connectAll(apiUrl, rooms, {}, onDecision);
  const result = await run();
  for (const socket of sockets) socket.close();
  await polity.stop();
  return result;
}

async function main() {
  const bare = await bareRun();
  const polity = await polityRun();
  const line = (name, { all, lastReceipt }) =>
    `${name.padEnd(40)} p50 ${median(all).toFixed(1).padStart(6)} ms   p99 ${percentile(all, 99).toFixed(1).padStart(6)} ms   last client (median of ${lastReceipt.length}) ${median(lastReceipt).toFixed(1).padStart(6)} ms`;
  console.log(
    `\nbench:decision-fanout — ${CLIENTS} clients over 21 rooms (meeting + ${PROPOSALS} proposals + ${THREADS} threads), ${DECISIONS} decisions`,
  );
  console.log(line('bare Socket.IO broadcast (ceiling)', bare));
  console.log(line("Polity: clerk's request → receipt", polity));
  const p99 = percentile(polity.all, 99) / percentile(bare.all, 99);
  console.log(`ratio p50 ${(median(polity.all) / median(bare.all)).toFixed(2)}×, p99 ${p99.toFixed(2)}×`);
  record({
    path: 'council decision → 2,000 clients, p99',
    polity: `${percentile(polity.all, 99).toFixed(0)} ms`,
    ceiling: `bare broadcast ${percentile(bare.all, 99).toFixed(0)} ms`,
    ratio: `×${p99.toFixed(2)}`,
    target: 'no regression (×1.6)',
    holds: p99 <= 1.8,
  });
}

runBench(main);
