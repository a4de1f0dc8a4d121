// The load generator, in its own process (forked by run.js): residents supporting and withdrawing,
// casting and changing ballots, commenting and answering the survey; a clerk recording decisions with
// Idempotency-Keys and retries; Socket.IO watchers on both api instances; probes of /health/ready and
// of a public read. Every request's outcome goes to a journal (one JSON line each) that the checks read.
const { randomUUID } = require('node:crypto');
const { appendFileSync } = require('node:fs');
const { io } = require('socket.io-client');

const REQUEST_TIMEOUT_MS = 10_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = (list) => list[Math.floor(Math.random() * list.length)];

let config;
let running = true;
const lines = [];

function journal(entry) {
  lines.push(JSON.stringify({ at: Date.now(), ...entry }));
  if (lines.length >= 50) flush();
}
function flush() {
  if (lines.length > 0) appendFileSync(config.journal, lines.splice(0).join('\n') + '\n');
}

/** One request; never throws: the outcome says what happened, as a client would have seen it. */
async function send(base, method, path, { auth, body, headers = {} } = {}) {
  const started = Date.now();
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(auth ? { authorization: auth } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return {
      status: response.status,
      ms: Date.now() - started,
      problem: (response.headers.get('content-type') ?? '').startsWith('application/problem+json'),
      code: json?.code,
      json,
    };
  } catch (error) {
    const timeout = error.name === 'TimeoutError';
    return { status: timeout ? 'timeout' : 'dropped', ms: Date.now() - started, reason: String(error.cause?.code ?? error.message) };
  }
}

const api = () => pick(config.apis);
const record = (entry, result) =>
  journal({ ...entry, status: result.status, ms: result.ms, problem: result.problem, code: result.code, reason: result.reason });

async function resident(person, index) {
  const { proposals, budget, survey } = config;
  while (running) {
    const { support, ballot, comment } = config.mix;
    const roll = Math.random();
    if (roll < support) {
      const proposal = pick(proposals);
      const op = Math.random() < 0.65 ? 'support' : 'withdraw';
      const result = await send(api(), op === 'support' ? 'PUT' : 'DELETE', `/api/v1/proposals/${proposal}/support`, {
        auth: person.auth,
        body: op === 'support' ? {} : undefined,
      });
      record({ actor: index, op, target: proposal }, result);
    } else if (roll < support + ballot) {
      const projectIds = budget.projects
        .filter(() => Math.random() < 0.4)
        .slice(0, 4)
        .sort();
      if (projectIds.length === 0) projectIds.push(budget.projects[0]);
      const result = await send(api(), 'PUT', `/api/v1/budgets/${budget.id}/ballot`, { auth: person.auth, body: { projectIds } });
      record({ actor: index, op: 'ballot', target: budget.id, value: projectIds }, result);
    } else if (roll < support + ballot + comment) {
      const proposal = pick(proposals);
      const token = randomUUID();
      const result = await send(api(), 'POST', `/api/v1/proposals/${proposal}/comments`, {
        auth: person.auth,
        body: { body: `A calm remark about the plan (${token}).`, alignment: 'neutral' },
      });
      record({ actor: index, op: 'comment', target: proposal, value: token, id: result.json?.id }, result);
    } else {
      const answers = { mode: pick(['bus', 'bike', 'car']), happy: 1 + Math.floor(Math.random() * 5) };
      const result = await send(api(), 'PUT', `/api/v1/surveys/${survey}/response`, { auth: person.auth, body: { answers } });
      record({ actor: index, op: 'response', target: survey, value: answers }, result);
    }
    await sleep(config.thinkMs[0] + Math.random() * (config.thinkMs[1] - config.thinkMs[0]));
  }
}

/** The clerk records one decision per agenda item, retrying each with its Idempotency-Key until it is acknowledged. */
async function clerk() {
  const { meeting, clerk: person } = config;
  for (const [index, item] of meeting.items.entries()) {
    if (!running) break;
    const key = `chaos-${item}`;
    for (let attempt = 1; ; attempt++) {
      const opened = await send(api(), 'POST', `/api/v1/meetings/${meeting.id}/agenda/${item}/open`, { auth: person.auth });
      record({ actor: 'clerk', op: 'open', target: item, attempt }, opened);
      if ((typeof opened.status === 'number' && opened.status < 500) || !running) break;
      await sleep(500);
    }
    for (let attempt = 1; ; attempt++) {
      const result = await send(api(), 'POST', `/api/v1/meetings/${meeting.id}/agenda/${item}/decisions`, {
        auth: person.auth,
        headers: { 'idempotency-key': key },
        body: { outcome: 'approved', text: `Decision on item ${index + 1}.`, votes: { for: 20, against: 10, abstain: 1 } },
      });
      record({ actor: 'clerk', op: 'decision', target: item, value: key, attempt, id: result.json?.id }, result);
      if (typeof result.status === 'number' && result.status < 500) break;
      // A double click as well as a retry: the same key again at once, then after a pause.
      await sleep(attempt === 1 ? 0 : 700);
    }
    await sleep(config.decisionPauseMs);
  }
}

/** Readiness of every process, four times a second: what a load balancer sees. */
async function readinessProbes() {
  while (running) {
    await Promise.all([
      ...config.apis.map(async (base, index) =>
        record({ actor: 'probe', op: 'ready', target: `api-${index}` }, await send(base, 'GET', '/health/ready')),
      ),
      ...config.workers.map(async (base, index) =>
        record({ actor: 'probe', op: 'ready', target: `worker-${index}` }, await send(base, 'GET', '/health/ready')),
      ),
    ]);
    await sleep(250);
  }
}

/** A public read on every api, four times a second: what a visitor sees. */
async function readProbes() {
  while (running) {
    await Promise.all(
      config.apis.map(async (base, index) =>
        record({ actor: 'probe', op: 'read', target: `api-${index}` }, await send(base, 'GET', '/api/v1/proposals?limit=5')),
      ),
    );
    await sleep(250);
  }
}

/**
 * A watcher does what the site's live client does: it keeps the last `seq` of each room, takes a
 * message in order as is, and refetches over REST on a gap, or when a (re)subscription's ack shows
 * a number other than its own.
 */
function watcher(base, name) {
  const state = { name, base, counts: {}, comments: {}, decisions: new Set(), refetches: 0, reconnects: 0, seqs: {} };
  const rooms = [...config.proposals.map((id) => `proposals:${id}`), `meetings:${config.meeting.id}`];
  const socket = io(base, { transports: ['websocket'], reconnectionDelay: 300, reconnectionDelayMax: 2000 });
  const refetching = new Set();
  const refetch = async (room) => {
    if (refetching.has(room)) return refetching.add(`${room}:again`);
    refetching.add(room);
    state.refetches++;
    const [kind, id] = room.split(':');
    for (let attempt = 0; attempt < 40; attempt++) {
      refetching.delete(`${room}:again`);
      const result = await send(base, 'GET', kind === 'proposals' ? `/api/v1/proposals/${id}` : `/api/v1/meetings/${id}`);
      if (result.status === 200) {
        if (kind === 'proposals') {
          state.counts[id] = result.json.supportCount;
          state.comments[id] = result.json.commentCount;
        } else for (const item of result.json.agenda) for (const decision of item.decisions) state.decisions.add(decision.id);
        // A gap seen while this read was on its way may be newer than what it read: read once more.
        if (!refetching.has(`${room}:again`)) break;
      } else await sleep(500);
    }
    refetching.delete(room);
  };
  const subscribe = async (room) => {
    for (let attempt = 0; attempt < 40 && socket.connected; attempt++) {
      const ack = await socket
        .timeout(5000)
        .emitWithAck('subscribe', { room })
        .catch(() => null);
      if (ack?.ok) {
        if (ack.seq !== state.seqs[room]) {
          state.seqs[room] = ack.seq;
          await refetch(room);
        }
        return;
      }
      await sleep(500);
    }
  };
  socket.on('connect', () => {
    state.reconnects++;
    rooms.forEach((room) => void subscribe(room));
  });
  socket.on('connect_error', () => setTimeout(() => socket.connected || socket.active || socket.connect(), 1000));
  socket.onAny((event, message) => {
    if (!message || !rooms.includes(message.room)) return;
    const known = state.seqs[message.room] ?? 0;
    if (message.seq <= known) return;
    state.seqs[message.room] = message.seq;
    if (message.seq > known + 1) return void refetch(message.room);
    if (event === 'proposal.support_count') state.counts[message.data.id] = message.data.supportCount;
    else if (event === 'proposal.comment_count') state.comments[message.data.id] = message.data.commentCount;
    else if (event === 'decision.recorded') state.decisions.add(message.data.id);
  });
  return { state, socket, rooms };
}

process.on('message', async (message) => {
  if (message.type === 'start') {
    config = message.config;
    const watchers = config.apis.flatMap((base, index) => [watcher(base, `api-${index}-a`), watcher(base, `api-${index}-b`)]);
    process.watchers = watchers;
    const work = [...config.residents.map((person, index) => resident(person, index)), clerk(), readinessProbes(), readProbes()];
    process.send({ type: 'started' });
    await Promise.all(work);
    flush();
    process.send({ type: 'stopped' });
  } else if (message.type === 'stop') {
    running = false;
  } else if (message.type === 'report') {
    flush();
    process.send({
      type: 'report',
      watchers: process.watchers.map(({ state, socket }) => ({
        name: state.name,
        connected: socket.connected,
        counts: state.counts,
        comments: state.comments,
        decisions: [...state.decisions],
        refetches: state.refetches,
        reconnects: state.reconnects,
      })),
    });
  } else if (message.type === 'exit') {
    process.watchers?.forEach(({ socket }) => socket.close());
    process.exit(0);
  }
});
