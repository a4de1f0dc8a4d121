// npm run bench:snapshot — an open-data snapshot of a database with 1,000,000 supports (1,000
// proposals × 1,000 residents) and 100,000 comments: build time (PostgreSQL's clock, request to
// published) and the worker's peak RSS, beside `COPY (…) TO STDOUT` of the same rows (the proposals,
// daily supports and comments queries) in the same run. Medians of 3.
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { apiUrl, startPolity, median, record, DATABASE_URL, runBench } = require('./harness');

const PEOPLE = 1000;
const PROPOSALS = 1000;
const COMMENTS = 100_000;
const RUNS = 3;

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

function seed(sql) {
  sql(`INSERT INTO user_account (id, email, display_name, roles)
       SELECT gen_random_uuid(), 'bench-' || n || '@example.test', 'Bench ' || n, '{citizen}' FROM generate_series(1, ${PEOPLE}) n`);
  sql(`INSERT INTO proposal (title, body, author_id, created_at)
       SELECT 'Proposal ' || n, 'Text of proposal ' || n, (SELECT id FROM user_account ORDER BY id LIMIT 1), now() - n * interval '1 minute'
       FROM generate_series(1, ${PROPOSALS}) n`);
  sql(`INSERT INTO proposal_support (proposal_id, user_id, created_at)
       SELECT p.id, u.id, now() - (random() * 60) * interval '1 day' FROM proposal p CROSS JOIN user_account u`);
  sql(`INSERT INTO comment (id, root_id, depth, kind, resource_id, author_id, body, created_at)
       SELECT c.id, c.id, 0, 'proposals', c.proposal_id, c.author_id, 'Comment ' || c.n || ', with "quotes", commas and a line' || chr(10) || 'break', now() - c.n * interval '1 second'
       FROM (SELECT gen_random_uuid() AS id, n,
                    (SELECT id FROM proposal ORDER BY id OFFSET (n % ${PROPOSALS}) LIMIT 1) AS proposal_id,
                    (SELECT id FROM user_account ORDER BY id OFFSET (n % ${PEOPLE}) LIMIT 1) AS author_id
             FROM generate_series(1, ${COMMENTS}) n) c`);
  sql('ANALYZE');
}

/** The ceiling: PostgreSQL writing the same rows as CSV, to nowhere. */
function copyAll() {
  const queries = [
    `SELECT p.id, p.title, p.body, array_to_string(p.tags, ';'), p.district, p.status, p.author_id,
            (SELECT count(*)::int FROM proposal_support s WHERE s.proposal_id = p.id), p.answer_text, p.answered_at, p.created_at
     FROM proposal p WHERE p.moderation_state = 'visible' ORDER BY p.created_at, p.id`,
    `SELECT s.proposal_id, ((s.created_at AT TIME ZONE 'UTC')::date)::text, count(*)::int
     FROM proposal_support s JOIN proposal p ON p.id = s.proposal_id AND p.moderation_state = 'visible' GROUP BY 1, 2 ORDER BY 1, 2`,
    `SELECT id, kind, resource_id, parent_id, author_id, body, alignment, upvotes, downvotes, created_at
     FROM comment WHERE moderation_state = 'visible' AND deleted_at IS NULL ORDER BY created_at, id`,
  ];
  const t0 = performance.now();
  for (const query of queries)
    execFileSync('psql', [DATABASE_URL, '-qAtX', '-c', `COPY (${query}) TO STDOUT WITH CSV HEADER`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  return (performance.now() - t0) / 1000;
}

async function main() {
  const polity = await startPolity();
  seed(polity.sql);
  const admin = polity.member(['admin']);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const pid = polity.workerPid();
  const builds = [];
  const copies = [];
  let peakKb = 0;
  const baselineKb = rssKb(pid);
  for (let run = 0; run < RUNS; run++) {
    copies.push(copyAll());
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssKb(pid))), 20);
    const snapshot = await fetch(`${apiUrl}/api/v1/admin/open-data/snapshots`, {
      method: 'POST',
      headers: { authorization: admin.auth },
    }).then((response) => response.json());
    for (;;) {
      const status = polity.sql(`SELECT status FROM open_data_snapshot WHERE id = '${snapshot.id}'`);
      if (status === 'published') break;
      if (status === 'failed') throw new Error(polity.sql(`SELECT failure FROM open_data_snapshot WHERE id = '${snapshot.id}'`));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    clearInterval(sampler);
    builds.push(
      Number(polity.sql(`SELECT extract(epoch FROM finished_at - created_at) FROM open_data_snapshot WHERE id = '${snapshot.id}'`)),
    );
  }
  const sizes = polity.sql(
    `SELECT string_agg(f->>'name' || ' ' || round((f->>'bytes')::numeric / 1048576, 1) || ' MiB', ', ') FROM open_data_snapshot, jsonb_array_elements(files) f
     WHERE status = 'published' AND (f->>'bytes')::bigint > 1048576 AND finished_at = (SELECT max(finished_at) FROM open_data_snapshot)`,
  );
  await polity.stop();
  console.log(`\nbench:snapshot — ${PROPOSALS * PEOPLE} supports, ${COMMENTS} comments, ${PROPOSALS} proposals; medians of ${RUNS}`);
  console.log(`Polity snapshot (every table, .pb files, datapackage.json, zip): ${median(builds).toFixed(2)} s`);
  console.log(`ceiling, COPY … TO STDOUT of the proposals, daily supports and comments queries: ${median(copies).toFixed(2)} s`);
  console.log(`ratio ${(median(builds) / median(copies)).toFixed(2)}×`);
  console.log(
    `worker RSS: ${(baselineKb / 1024).toFixed(0)} MiB before, peak ${(peakKb / 1024).toFixed(0)} MiB while building (+${((peakKb - baselineKb) / 1024).toFixed(0)} MiB)`,
  );
  console.log(`large files: ${sizes}`);
  const share = median(copies) / median(builds);
  const growthMb = (peakKb - baselineKb) / 1024;
  record({
    path: 'open-data snapshot',
    polity: `${median(builds).toFixed(2)} s, +${growthMb.toFixed(0)} MB RSS`,
    ceiling: `COPY ${median(copies).toFixed(2)} s`,
    ratio: share.toFixed(2),
    target: '≥ 0.7, ≤ +100 MB',
    holds: share >= 0.7 && growthMb <= 100,
  });
}

runBench(main);
