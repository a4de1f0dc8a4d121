// npm run bench:fanout — one event (an official answers a proposal) to its 10,000 followers: the
// worker's fan-out rate (notifications written and pushed per second, timed by PostgreSQL from the
// event to the last push) and latency to the in-app push on 1,000 connected followers. Ceilings from
// the same run: PostgreSQL inserting and marking the same 10,000 rows in one statement each, and a
// bare Socket.IO server emitting one message to each of 1,000 per-user rooms.
const { spawn } = require('node:child_process');
const { io } = require('socket.io-client');
const { apiUrl, startPolity, percentile, median, record, runBench } = require('./harness');

const FOLLOWERS = Number(process.env.BENCH_FANOUT_FOLLOWERS ?? 10_000);
const CONNECTED = Number(process.env.BENCH_FANOUT_CONNECTED ?? 1_000);
const BARE_PORT = 3322;

// The bare server sends each person a message of the same shape and size as Polity's push (the
// room's envelope around a notification's view), so the two differ only in who sends it.
const BARE_SERVER = `
const { Server } = require('socket.io');
const { randomUUID } = require('node:crypto');
const server = new Server(${BARE_PORT});
server.on('connection', (socket) => socket.join('user:' + socket.handshake.auth.userId));
process.on('message', ({ users }) => {
  const title = '“Followed by ten thousand”';
  const resource = { kind: 'proposals', id: randomUUID() };
  const sentAt = new Date().toISOString();
  for (const id of users) {
    const data = { id: randomUUID(), kind: 'proposal_answered', resource, title: title + ' was answered: accepted',
      body: "The council's answer to " + title + ' is in: it is now accepted.', createdAt: sentAt, readAt: null };
    server.to('user:' + id).emit('notification.created', { room: 'user:' + id, seq: 1, sentAt, data });
  }
});
process.send('ready');
`;

async function connectAll(url, auths, onNotification) {
  const sockets = [];
  for (let i = 0; i < auths.length; i += 100) {
    sockets.push(
      ...(await Promise.all(
        auths.slice(i, i + 100).map(async (auth) => {
          const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth });
          await new Promise((resolve, reject) => {
            socket.once('connect', resolve);
            socket.once('connect_error', reject);
          });
          socket.on('notification.created', onNotification);
          return socket;
        }),
      )),
    );
  }
  return sockets;
}

async function waitFor(check, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function bareRun(userIds) {
  const server = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // A run that fails must not leave the server holding its port for the next one.
  process.once('exit', () => server.exitCode === null && server.kill('SIGKILL'));
  await new Promise((resolve) => server.once('message', resolve));
  const latencies = [];
  let sentAt = 0;
  const sockets = await connectAll(
    `http://127.0.0.1:${BARE_PORT}`,
    userIds.map((userId) => ({ userId })),
    () => latencies.push(performance.now() - sentAt),
  );
  sentAt = performance.now();
  server.send({ users: userIds });
  await waitFor(() => latencies.length === userIds.length);
  for (const socket of sockets) socket.close();
  server.kill();
  return latencies;
}

async function polityRun() {
  const polity = await startPolity();
  // In batches: one psql command line holds only so many ids.
  const people = [];
  for (let made = 0; made < FOLLOWERS + 1; made += 1000) people.push(...polity.citizens(Math.min(1000, FOLLOWERS + 1 - made)));
  const [author, ...followers] = people;
  const official = polity.official();
  // psql ran synchronously for seconds: let the event loop see the keep-alive connections the api closed meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const proposal = await fetch(`${apiUrl}/api/v1/proposals`, {
    method: 'POST',
    headers: { authorization: author.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Followed by ten thousand', body: 'Fan-out benchmark' }),
  }).then((response) => response.json());
  // Followers choose a daily digest for answers, so the run measures the fan-out, not SMTP.
  polity.sql(
    `INSERT INTO follow (kind, resource_id, user_id) SELECT 'proposals', '${proposal.id}', id FROM user_account WHERE roles = '{citizen}' AND id <> '${author.userId}';
     INSERT INTO notification_preference (user_id, kind, email) SELECT user_id, 'proposal_answered', 'daily' FROM follow WHERE resource_id = '${proposal.id}'`,
  );
  const step = Math.floor(FOLLOWERS / CONNECTED);
  const watched = followers.filter((_, i) => i % step === 0).slice(0, CONNECTED);
  const latencies = [];
  let sentAt = 0;
  const sockets = await connectAll(
    apiUrl,
    watched.map((user) => ({ token: user.auth.slice('Bearer '.length) })),
    () => latencies.push(performance.now() - sentAt),
  );

  sentAt = performance.now();
  const answered = await fetch(`${apiUrl}/api/v1/proposals/${proposal.id}/answer`, {
    method: 'POST',
    headers: { authorization: official.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'accepted', answer: 'Yes.' }),
  });
  if (answered.status !== 200) throw new Error(`answer: ${answered.status} ${await answered.text()}`);
  // The clients first: psql runs synchronously and would hold their messages up while it does,
  // which the bare run (nothing polled) does not suffer.
  await waitFor(() => latencies.length >= watched.length, 30_000);
  await waitFor(
    () => Number(polity.sql(`SELECT count(*) FROM notification WHERE kind = 'proposal_answered' AND pushed_at IS NOT NULL`)) >= FOLLOWERS,
  );
  const seconds = Number(
    polity.sql(`SELECT extract(epoch FROM max(pushed_at) - min(created_at)) FROM notification WHERE kind = 'proposal_answered'`),
  );
  for (const socket of sockets) socket.close();

  // The ceiling: the same rows written and marked by PostgreSQL alone, one statement each.
  polity.sql(`DELETE FROM notification`);
  const t0 = performance.now();
  polity.sql(
    `INSERT INTO notification (user_id, event_id, kind, resource_kind, resource_id, resource_title, title, body)
     SELECT user_id, gen_random_uuid(), 'proposal_answered', 'proposals', resource_id, 'Followed by ten thousand', 'answered', 'answered'
     FROM follow WHERE resource_id = '${proposal.id}';
     UPDATE notification SET pushed_at = now()`,
  );
  const bareSqlSeconds = (performance.now() - t0) / 1000;
  await polity.stop();
  return { latencies, seconds, bareSqlSeconds, watchedIds: watched.map((user) => user.userId) };
}

async function main() {
  const polity = await polityRun();
  const bare = await bareRun(polity.watchedIds);
  const line = (name, values) =>
    `${name.padEnd(44)} p50 ${median(values).toFixed(0).padStart(5)} ms   p99 ${percentile(values, 99).toFixed(0).padStart(5)} ms`;
  console.log(`\nbench:fanout — one event to ${FOLLOWERS} followers, ${CONNECTED} of them connected`);
  console.log(
    `Polity fan-out: ${FOLLOWERS} notifications in ${polity.seconds.toFixed(2)} s = ${(FOLLOWERS / polity.seconds).toFixed(0)}/s (event → last push)`,
  );
  console.log(
    `ceiling, PostgreSQL insert + mark of the same rows: ${polity.bareSqlSeconds.toFixed(2)} s = ${(FOLLOWERS / polity.bareSqlSeconds).toFixed(0)}/s`,
  );
  console.log(`throughput ratio ${(polity.bareSqlSeconds / polity.seconds).toFixed(2)} of the ceiling`);
  console.log(line('Polity: answer request → in-app push', polity.latencies));
  console.log(line('bare Socket.IO: emit to 1,000 user rooms', bare));
  const p50 = median(polity.latencies) / median(bare);
  console.log(`latency ratio p50 ${p50.toFixed(1)}×, p99 ${(percentile(polity.latencies, 99) / percentile(bare, 99)).toFixed(1)}×`);
  record({
    path: 'answer → follower’s in-app push, p50',
    polity: `${median(polity.latencies).toFixed(0)} ms`,
    ceiling: `bare emit ${median(bare).toFixed(0)} ms`,
    ratio: `×${p50.toFixed(1)}`,
    target: '≤ ×3',
    holds: p50 <= 3,
  });
}

runBench(main);
