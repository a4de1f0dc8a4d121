// After the load and the faults: what the database, the queues, the mail and the watchers say,
// against what every client was told. Each check is a row: counts, and whether it holds.
const { execFileSync } = require('node:child_process');

const acked = (status) => typeof status === 'number' && status >= 200 && status < 300;
/** Refused connections never reached the server; 5xx answers are promises that nothing was written. */
const notApplied = (entry) => (typeof entry.status === 'number' && entry.status >= 500) || entry.reason === 'ECONNREFUSED';
const unknown = (entry) => !acked(entry.status) && !notApplied(entry) && (entry.status === 'dropped' || entry.status === 'timeout');

function json(stack, sql) {
  const text = stack.sql(`SELECT coalesce(json_agg(row_to_json(q)), '[]') FROM (${sql}) q`);
  return JSON.parse(text);
}

/**
 * The state each (actor, target) was left in by the last acknowledged write, or 'unknown' when a
 * write whose fate the client could not know came after it. Writes of one actor are sequential.
 */
function expectedStates(entries, apply) {
  const states = new Map();
  for (const entry of entries) {
    const key = `${entry.actor}|${entry.target}`;
    if (acked(entry.status)) states.set(key, apply(entry));
    else if (unknown(entry)) states.set(key, 'unknown');
  }
  return states;
}

function writesChecks(stack, entries, fixtures) {
  const rows = [];
  const residentIds = fixtures.residents.map((r) => r.userId);
  const userOf = (actor) => residentIds[actor];

  // Supports: the last acknowledged support or withdrawal of each resident and proposal is what the database holds.
  const supportOps = entries.filter((e) => e.op === 'support' || e.op === 'withdraw');
  const supportStates = expectedStates(supportOps, (e) => e.op === 'support');
  const supported = new Set(
    json(stack, `SELECT user_id AS "u", proposal_id AS "p" FROM proposal_support`).map((row) => `${row.u}|${row.p}`),
  );
  let supportMismatch = 0;
  let supportUnknown = 0;
  for (const [key, state] of supportStates) {
    const [actor, proposal] = key.split('|');
    if (state === 'unknown') supportUnknown++;
    else if (state !== supported.has(`${userOf(Number(actor))}|${proposal}`)) supportMismatch++;
  }
  rows.push({
    check: 'supports: each acknowledged write is what the database holds',
    count: `${supportOps.filter((e) => acked(e.status)).length} acked, ${supportStates.size} pairs, ${supportUnknown} unknown`,
    bad: supportMismatch,
  });

  // Ballots: the last acknowledged ballot of each resident is the stored one.
  const ballotOps = entries.filter((e) => e.op === 'ballot');
  const lastBallot = expectedStates(ballotOps, (e) => e.value.join(','));
  const stored = new Map(
    json(
      stack,
      `SELECT b.voter_id AS "u", string_agg(c.project_id::text, ',' ORDER BY c.project_id::text) AS "projects"
         FROM budget_ballot b JOIN budget_ballot_choice c ON c.ballot_id = b.id WHERE NOT b.paper GROUP BY b.voter_id`,
    ).map((row) => [row.u, row.projects]),
  );
  let ballotMismatch = 0;
  let ballotUnknown = 0;
  for (const [key, state] of lastBallot) {
    const actor = Number(key.split('|')[0]);
    if (state === 'unknown') ballotUnknown++;
    else if (stored.get(userOf(actor)) !== state) ballotMismatch++;
  }
  const ballotRows = Number(stack.sql('SELECT count(*) FROM budget_ballot'));
  // Half-written: a ballot without its choices.
  const emptyBallots = Number(
    stack.sql('SELECT count(*) FROM budget_ballot b WHERE NOT EXISTS (SELECT 1 FROM budget_ballot_choice c WHERE c.ballot_id = b.id)'),
  );
  const ballotVoters = Number(stack.sql('SELECT count(DISTINCT voter_id) FROM budget_ballot'));
  rows.push({
    check: 'ballots: the last acknowledged ballot is stored, one per resident',
    count: `${ballotOps.filter((e) => acked(e.status)).length} acked, ${ballotRows} ballots, ${ballotUnknown} unknown`,
    bad: ballotMismatch + (ballotRows - ballotVoters) + emptyBallots,
  });

  // Comments: acknowledged → exactly one row; 5xx or refused → none; dropped → at most one.
  const commentOps = entries.filter((e) => e.op === 'comment');
  const bodies = new Map();
  for (const row of json(
    stack,
    `SELECT substring(body from '\\(([0-9a-f-]{36})\\)') AS "token", count(*)::int AS "n" FROM comment GROUP BY 1`,
  ))
    bodies.set(row.token, row.n);
  let commentBad = 0;
  let commentUnknown = 0;
  let committedDespite503 = 0;
  for (const entry of commentOps) {
    const n = bodies.get(entry.value) ?? 0;
    if (acked(entry.status)) commentBad += n === 1 ? 0 : 1;
    else if (entry.reason === 'ECONNREFUSED') commentBad += n === 0 ? 0 : 1;
    else if (notApplied(entry)) {
      // PostgreSQL stopping as the COMMIT went through: whole, and answered 503. Never more than once.
      if (n === 1) committedDespite503++;
      commentBad += n <= 1 ? 0 : 1;
    } else if (unknown(entry)) {
      commentUnknown++;
      commentBad += n <= 1 ? 0 : 1;
    } else commentBad += n === 0 ? 0 : 1;
  }
  rows.push({
    check: 'comments: acked once, refused never, 5xx or dropped at most once',
    count: `${commentOps.filter((e) => acked(e.status)).length} acked, ${commentOps.filter(notApplied).length} refused or 5xx (${committedDespite503} committed as the database stopped), ${commentUnknown} dropped`,
    bad: commentBad,
  });

  // Survey responses: one per resident, holding the last acknowledged answers.
  const responseOps = entries.filter((e) => e.op === 'response');
  const lastAnswers = expectedStates(responseOps, (e) => `${e.value.mode}/${e.value.happy}`);
  const storedAnswers = new Map(
    json(stack, `SELECT respondent_id AS "u", answers FROM survey_response`).map((row) => [
      row.u,
      `${row.answers.mode?.choices?.[0] ?? row.answers.mode}/${row.answers.happy}`,
    ]),
  );
  let responseBad = 0;
  let responseUnknown = 0;
  for (const [key, state] of lastAnswers) {
    if (state === 'unknown') responseUnknown++;
    else if (storedAnswers.get(userOf(Number(key.split('|')[0]))) !== state) responseBad++;
  }
  const responseRows = Number(stack.sql('SELECT count(*) FROM survey_response'));
  const respondents = Number(stack.sql('SELECT count(DISTINCT respondent_id) FROM survey_response'));
  rows.push({
    check: 'survey responses: the last acknowledged answers, one response each',
    count: `${responseOps.filter((e) => acked(e.status)).length} acked, ${responseRows} responses, ${responseUnknown} unknown`,
    bad: responseBad + (responseRows - respondents),
  });

  // Decisions: every item decided exactly once, every acknowledged retry naming that one decision.
  const decisionOps = entries.filter((e) => e.op === 'decision');
  const decided = json(
    stack,
    `SELECT agenda_item_id AS "item", count(*)::int AS "n", min(id::text) AS "id" FROM council_decision GROUP BY 1`,
  );
  const byItem = new Map(decided.map((row) => [row.item, row]));
  let decisionBad = 0;
  const ackedItems = new Set();
  for (const entry of decisionOps.filter((e) => acked(e.status))) {
    ackedItems.add(entry.target);
    const row = byItem.get(entry.target);
    if (!row || row.n !== 1 || row.id !== entry.id) decisionBad++;
  }
  decisionBad += decided.filter((row) => row.n > 1).length;
  rows.push({
    check: 'decisions: each item once, every retry answered with the same decision',
    count: `${decisionOps.length} requests, ${ackedItems.size} items acked, ${decided.length} decided`,
    bad: decisionBad,
  });
  return rows;
}

function stateChecks(stack, fixtures) {
  const rows = [];
  const scalar = (sql) => Number(stack.sql(sql));
  rows.push({
    check: 'support tallies and sort column equal the supports',
    count: `${scalar('SELECT count(*) FROM proposal_support')} supports, ${fixtures.proposals.length} proposals`,
    bad: scalar(`SELECT count(*) FROM proposal p
      WHERE p.support_count <> (SELECT count(*) FROM proposal_support s WHERE s.proposal_id = p.id)
         OR (SELECT count(*) FROM proposal_support s WHERE s.proposal_id = p.id) <> (SELECT coalesce(sum(supports), 0) FROM proposal_support_tally t WHERE t.proposal_id = p.id)`),
  });
  rows.push({
    check: 'budget tallies equal the ballots',
    count: `${scalar('SELECT count(*) FROM budget_ballot_choice')} choices`,
    bad: scalar(`SELECT count(*) FROM budget_project p
      WHERE (SELECT count(*) FROM budget_ballot_choice c WHERE c.project_id = p.id) <> (SELECT coalesce(sum(votes), 0) FROM budget_tally t WHERE t.project_id = p.id)`),
  });
  rows.push({
    check: 'comment counts (sort column) equal the live comments',
    count: `${scalar(`SELECT count(*) FROM comment WHERE deleted_at IS NULL AND moderation_state = 'visible'`)} live comments`,
    bad: scalar(`SELECT count(*) FROM proposal p
      WHERE p.comment_count <> (SELECT count(*) FROM comment c WHERE c.kind = 'proposals' AND c.resource_id = p.id AND c.deleted_at IS NULL AND c.moderation_state = 'visible')`),
  });
  rows.push({
    check: 'every comment has its screening verdict, once',
    count: `${scalar('SELECT count(*) FROM comment')} comments, ${scalar('SELECT count(*) FROM moderation_screening')} verdicts`,
    bad: scalar(`SELECT count(*) FROM comment c
      WHERE (SELECT count(*) FROM moderation_screening s JOIN moderation_item i ON i.id = s.item_id WHERE i.content_id = c.id) <> 1`),
  });
  // Who followed a resource a second before a comment or decision was made must hear of it once; who
  // follows later may or may not (the fan-out reads the followers when it runs, and a follow's time is
  // when its transaction began, which may commit after the fan-out read); nobody else hears.
  const told = (kind, subject, subjectsSql) =>
    json(
      stack,
      `WITH subjects AS (${subjectsSql}),
       pairs AS (
         SELECT f.user_id, s.id, f.created_at < s.at - interval '1 second' AS due FROM subjects s
           JOIN follow f ON f.kind = 'proposals' AND f.resource_id = s.resource_id AND f.user_id IS DISTINCT FROM s.author_id),
       told AS (
         SELECT n.user_id, (o.payload->'payload'->>'${subject}')::uuid AS id, count(*)::int AS n FROM notification n
           JOIN outbox_event o ON o.event_id = n.event_id WHERE n.kind = '${kind}' GROUP BY 1, 2)
       SELECT (SELECT count(*)::int FROM pairs p LEFT JOIN told t USING (user_id, id) WHERE p.due AND t.n IS NULL) AS "missing",
              (SELECT count(*)::int FROM told WHERE n > 1) AS "twice",
              (SELECT count(*)::int FROM told t LEFT JOIN pairs p USING (user_id, id) WHERE p.user_id IS NULL) AS "stray",
              (SELECT coalesce(sum(n), 0)::int FROM told) AS "total",
              (SELECT count(*)::int FROM pairs WHERE due) AS "due"`,
    )[0];
  const comments = told(
    'comment_on_followed',
    'commentId',
    `SELECT id, resource_id, author_id, created_at AS at FROM comment WHERE kind = 'proposals' AND moderation_state = 'visible' AND deleted_at IS NULL`,
  );
  rows.push({
    check: 'each follower told of each comment exactly once',
    count: `${comments.total} notifications, ${comments.due} due`,
    bad: comments.missing + comments.twice + comments.stray,
  });
  const decisions = told(
    'council_decision',
    'decisionId',
    `SELECT d.id, l.resource_id, NULL::uuid AS author_id, d.decided_at AS at FROM council_decision d
       JOIN council_agenda_link l ON l.agenda_item_id = d.agenda_item_id AND l.kind = 'proposals'`,
  );
  rows.push({
    check: 'each follower told of each council decision exactly once',
    count: `${decisions.total} notifications, ${decisions.due} due`,
    bad: decisions.missing + decisions.twice + decisions.stray,
  });
  return rows;
}

/**
 * Immediate mail: each due message sent, and once. A message sent twice is accepted only when its
 * first copy was written just before a worker was killed or PostgreSQL went away (sent, then the
 * record of it could not be written): at least once, counted apart.
 */
function mailChecks(stack, mails, windows) {
  const immediate = json(
    stack,
    `SELECT n.id, n.emailed_at IS NOT NULL AS "emailed" FROM notification n
       LEFT JOIN notification_preference p ON p.user_id = n.user_id AND p.kind = n.kind
      WHERE coalesce(p.email, CASE n.kind WHEN 'council_decision' THEN 'immediate' WHEN 'comment_reply' THEN 'immediate' ELSE 'daily' END) = 'immediate'`,
  );
  const sent = new Map();
  for (const { notificationId, at } of mails) if (notificationId) sent.set(notificationId, [...(sent.get(notificationId) ?? []), at]);
  const crashes = windows.filter((w) => ['kill-worker', 'postgres'].includes(w.name));
  const explained = (times) => crashes.some((w) => Math.min(...times) >= w.from - 15_000 && Math.min(...times) <= w.to);
  const once = immediate.filter((n) => sent.get(n.id)?.length === 1).length;
  const again = immediate.filter((n) => (sent.get(n.id)?.length ?? 0) > 1);
  const missing = immediate.filter((n) => !sent.get(n.id) || !n.emailed).length;
  const unexplained = again.filter((n) => !explained(sent.get(n.id))).length;
  return [
    {
      check: 'each immediate mail sent once (at least once across a crash between send and record)',
      count: `${immediate.length} due, ${once} once, ${again.length} twice across a crash, ${missing} missing`,
      bad: missing + unexplained,
    },
  ];
}

function watcherChecks(stack, fixtures, report) {
  const supports = new Map(
    json(stack, `SELECT p.id, p.support_count AS "n", p.comment_count AS "c" FROM proposal p`).map((r) => [r.id, r]),
  );
  const decisions = new Set(json(stack, `SELECT id FROM council_decision`).map((r) => r.id));
  let bad = 0;
  const details = [];
  for (const watcher of report.watchers) {
    let wrong = 0;
    for (const id of fixtures.proposals) {
      if (watcher.counts[id] !== supports.get(id).n) wrong++;
      if (watcher.comments[id] !== supports.get(id).c) wrong++;
    }
    if (watcher.decisions.length !== decisions.size || watcher.decisions.some((id) => !decisions.has(id))) wrong++;
    if (wrong > 0) details.push(`${watcher.name}: ${wrong} stale`);
    bad += wrong > 0 ? 1 : 0;
  }
  const refetches = report.watchers.reduce((sum, w) => sum + w.refetches, 0);
  const reconnects = report.watchers.reduce((sum, w) => sum + w.reconnects - 1, 0);
  return [
    {
      check: "every watcher's last state equals the database",
      count: `${report.watchers.length} watchers, ${reconnects} reconnects, ${refetches} refetches${details.length ? `; ${details.join(', ')}` : ''}`,
      bad,
    },
  ];
}

function queueChecks(stack, redisPort, queues) {
  const redis = (...args) => execFileSync('redis-cli', ['-p', String(redisPort), ...args], { encoding: 'utf8' }).trim();
  let waiting = 0;
  let active = 0;
  let failed = 0;
  const reasons = [];
  for (const queue of queues) {
    const key = `chaos:bull:${queue}`;
    waiting += Number(redis('LLEN', `${key}:wait`));
    active += Number(redis('LLEN', `${key}:active`));
    const failedIds = redis('ZRANGE', `${key}:failed`, '0', '-1').split('\n').filter(Boolean);
    failed += failedIds.length;
    for (const id of failedIds) reasons.push(`${queue}/${id}: ${redis('HGET', `${key}:${id}`, 'failedReason')}`);
  }
  const recorded = Number(stack.sql('SELECT count(*) FROM queued_job'));
  const unrelayed = Number(stack.sql('SELECT count(*) FROM outbox_event WHERE relayed_at IS NULL'));
  return {
    rows: [
      {
        check: 'no job stuck: outbox relayed, every recorded job done',
        count: `${waiting} waiting, ${active} active, ${failed} failed, ${recorded} recorded, ${unrelayed} unrelayed`,
        bad: waiting + active + failed + recorded + unrelayed,
      },
    ],
    reasons,
  };
}

/** What clients saw while things broke: no 500, no hang, 503s as problem+json, reads while Redis was away, honest readiness. */
function outageChecks(entries, windows) {
  const rows = [];
  // Inside an outage: sent half a second after it began and answered half a second before it ended
  // (the orchestrator notes those moments from outside, a little late).
  const during = (entry, names) =>
    windows.some((w) => names.includes(w.name) && entry.at - entry.ms >= w.from + 500 && entry.at <= w.to - 500);
  const requests = entries.filter((e) => e.actor !== 'probe' || e.op === 'read');
  const fiveHundred = entries.filter((e) => e.status === 500 || (typeof e.status === 'number' && e.status >= 500 && e.status !== 503));
  rows.push({ check: 'no 500 answers', count: `${entries.length} requests and probes`, bad: fiveHundred.length });
  const hangs = entries.filter((e) => e.status === 'timeout');
  rows.push({ check: 'no request hung past the 10 s client timeout', count: `${requests.length} requests`, bad: hangs.length });
  const unavailable = entries.filter((e) => e.status === 503);
  rows.push({
    check: '503 answers are problem+json',
    count: `${unavailable.length} answers 503`,
    bad: unavailable.filter((e) => !e.problem).length,
  });
  const redisReads = entries.filter((e) => e.actor === 'probe' && e.op === 'read' && during(e, ['redis']) && e.status !== 'dropped');
  rows.push({
    check: 'public reads answer while only Redis is away',
    count: `${redisReads.length} reads during the Redis outage`,
    bad: redisReads.filter((e) => e.status !== 200).length + (windows.some((w) => w.name === 'redis') && redisReads.length === 0 ? 1 : 0),
  });
  const readiness = entries.filter((e) => e.actor === 'probe' && e.op === 'ready' && typeof e.status === 'number');
  const lying = readiness.filter((e) => {
    // An instance stopping says so, and means it.
    if (e.status === 503 && e.code === 'shutting_down') return false;
    if (during(e, ['redis', 'postgres'])) return e.status === 200;
    // Well clear of any outage (reconnecting takes up to a second, the check's timeout two), a live process says it is ready.
    const near = windows.some((w) => ['redis', 'postgres'].includes(w.name) && e.at >= w.from - 1000 && e.at - e.ms <= w.to + 4000);
    return !near && e.status !== 200;
  });
  rows.push({
    check: '/health/ready tells the truth (503 during outages, 200 otherwise)',
    count: `${readiness.length} probes, ${readiness.filter((e) => e.status === 503).length} answered 503`,
    bad: lying.length,
  });
  return rows;
}

module.exports = { writesChecks, stateChecks, mailChecks, watcherChecks, queueChecks, outageChecks, acked };
