// npm run bench:screening — how fast one worker screens contributions, and how long a contribution
// waits for its verdict, beside a bare BullMQ worker running no-op jobs with the same concurrency
// on the same Redis in the same run.
//
// 1. Backlog: 3,000 comments are posted with the worker stopped, then the worker starts; throughput
//    is verdicts per second between the first and the last verdict (outbox relay included).
// 2. Latency: 1,000 comments at a steady 50 a second with the worker running; from the comment's
//    commit to its stored verdict, both stamped by PostgreSQL.
// 3. Ceiling: 3,000 no-op jobs queued, then a bare BullMQ worker (concurrency 5) drains them.
const { Queue, Worker } = require('bullmq');
const IORedis = require('ioredis');
const { env, apiUrl, startPolity, percentile, median, record, runConcurrently, runBench, cpuPerUnit, describeCpu } = require('./harness');

const BACKLOG = 3000;
const STEADY = 1000;
const STEADY_RATE = 50;
const CONCURRENCY = 5;

const post = (citizen, proposalId, body) =>
  fetch(`${apiUrl}/api/v1/proposals/${proposalId}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: citizen.auth },
    body: JSON.stringify({ body }),
  }).then((response) => {
    if (response.status !== 201) throw new Error(`comment refused: ${response.status}`);
  });

/** Mostly ordinary text; one in ten trips the word list, one in twenty shouts. */
const textFor = (i) =>
  i % 10 === 0
    ? `Get F.R.E.E m0ney now, offer number ${i}`
    : i % 20 === 5
      ? `THE BUS SHELTER ON STATION ROAD IS BROKEN AGAIN, REPORT ${i}`
      : `I would like more trees on my street; suggestion number ${i} from a neighbour.`;

async function waitForVerdicts(polity, expected, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = Number(
      polity.sql(`SELECT count(*) FROM moderation_screening s JOIN moderation_item i ON i.id = s.item_id WHERE i.kind = 'comments'`),
    );
    if (count >= expected) return;
    if (Date.now() > deadline) throw new Error(`only ${count} of ${expected} verdicts`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function bareBullmq() {
  const connection = new IORedis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = `${env.REDIS_PREFIX}:bare`;
  const queue = new Queue('noop', { connection, prefix });
  await queue.addBulk(Array.from({ length: BACKLOG }, (_, i) => ({ name: 'noop', data: { i }, opts: { removeOnComplete: true } })));
  let done = 0;
  let first = 0;
  let last = 0;
  const finished = new Promise((resolve) => {
    const worker = new Worker(
      'noop',
      async () => {
        if (first === 0) first = performance.now();
      },
      { connection: new IORedis(env.REDIS_URL, { maxRetriesPerRequest: null }), prefix, concurrency: CONCURRENCY },
    );
    worker.on('completed', () => {
      done += 1;
      last = performance.now();
      if (done === BACKLOG) void worker.close().then(resolve);
    });
  });
  await finished;
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return BACKLOG / ((last - first) / 1000);
}

async function main() {
  const polity = await startPolity({ worker: false });
  try {
    const citizens = polity.citizens(100);
    const created = await fetch(`${apiUrl}/api/v1/proposals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: citizens[0].auth },
      body: JSON.stringify({ title: 'Trees on every street', body: 'Shade, birds and cooler summers.' }),
    });
    const { id: proposalId } = await created.json();

    await runConcurrently(BACKLOG, 16, (i) => post(citizens[i % citizens.length], proposalId, textFor(i)));
    await polity.startWorker();
    // CPU counted from the first verdict (the worker's start-up is not screening).
    await waitForVerdicts(polity, 1, 60_000);
    const screenedBefore = Number(polity.sql(`SELECT count(*) FROM moderation_screening`));
    const { perUnit: backlogCpu } = await cpuPerUnit({ api: polity.apiPid(), worker: polity.workerPid() }, BACKLOG - screenedBefore, () =>
      waitForVerdicts(polity, BACKLOG, 300_000),
    );
    const [span] = polity
      .sql(
        `SELECT extract(epoch FROM max(s.created_at) - min(s.created_at)) FROM moderation_screening s JOIN moderation_item i ON i.id = s.item_id WHERE i.kind = 'comments'`,
      )
      .split('\n');
    const screenedPerSecond = BACKLOG / Number(span);
    const held = Number(polity.sql(`SELECT count(*) FROM comment WHERE moderation_state = 'held'`));

    const before = BACKLOG;
    const gap = 1000 / STEADY_RATE;
    const start = performance.now();
    await runConcurrently(STEADY, 8, async (i) => {
      const due = start + i * gap;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await post(citizens[i % citizens.length], proposalId, `${textFor(i)} (steady ${i})`);
    });
    await waitForVerdicts(polity, before + STEADY, 120_000);
    const latencies = polity
      .sql(
        `SELECT extract(epoch FROM s.created_at - c.created_at) * 1000 FROM comment c
           JOIN moderation_item i ON i.kind = 'comments' AND i.content_id = c.id
           JOIN moderation_screening s ON s.item_id = i.id
          WHERE c.body LIKE '%(steady %'`,
      )
      .split('\n')
      .map(Number);

    const noopPerSecond = await bareBullmq();
    console.log(`screening backlog: ${BACKLOG} comments, ${held} held (word list and shouting with rate)`);
    console.log(`  Polity worker:        ${screenedPerSecond.toFixed(0)} contributions screened/s`);
    console.log(`                        (from the first verdict to the last: ${describeCpu(backlogCpu)})`);
    console.log(`  bare BullMQ no-op:    ${noopPerSecond.toFixed(0)} jobs/s (concurrency ${CONCURRENCY})`);
    console.log(`  ratio:                ${(screenedPerSecond / noopPerSecond).toFixed(2)} of the no-op ceiling`);
    record({
      path: 'screening a comment backlog',
      polity: `${screenedPerSecond.toFixed(0)}/s`,
      ceiling: `BullMQ no-op ${noopPerSecond.toFixed(0)}/s`,
      ratio: (screenedPerSecond / noopPerSecond).toFixed(2),
      target: '≥ 2,000/s',
      holds: screenedPerSecond >= 2000,
    });
    console.log(
      `submission to verdict at ${STEADY_RATE}/s (${latencies.length} comments): p50 ${median(latencies).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
    );
  } finally {
    await polity.stop();
  }
}

runBench(main);
