// npm run bench:surveys — 200,000 responses to a 20-question survey: the results computation
// (GET /results, whole and filtered) and the streamed CSV export (GET /responses.csv) with the api's
// peak RSS while it streams, beside PostgreSQL's own `COPY ... TO STDOUT` of the same rows and the
// results' aggregate run bare in psql, all measured in the same run.
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { apiUrl, startPolity, median, psql, record, DATABASE_URL, runBench } = require('./harness');
const { answerAtoms } = require(join(__dirname, '..', 'dist', 'libs', 'surveys', 'src', 'results', 'answer-atoms'));
const { CsvLayout } = require(join(__dirname, '..', 'dist', 'libs', 'surveys', 'src', 'export', 'csv-layout'));

const RESPONSES = Number(process.env.BENCH_SURVEY_RESPONSES ?? 200_000);
const RUNS = 3;

const options = (prefix, n) => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i + 1}`, label: `Option ${i + 1}` }));
const QUESTIONS = [
  ...Array.from({ length: 6 }, (_, i) => ({
    key: `single${i + 1}`,
    type: 'single_choice',
    title: `Single ${i + 1}`,
    options: options('o', 5),
    allowOther: i === 0,
  })),
  ...Array.from({ length: 3 }, (_, i) => ({
    key: `multi${i + 1}`,
    type: 'multiple_choice',
    title: `Multiple ${i + 1}`,
    options: options('o', 6),
    maxChoices: 3,
  })),
  ...Array.from({ length: 4 }, (_, i) => ({ key: `scale${i + 1}`, type: 'scale', title: `Scale ${i + 1}`, scalePoints: 7 })),
  ...Array.from({ length: 2 }, (_, i) => ({
    key: `number${i + 1}`,
    type: 'number',
    title: `Number ${i + 1}`,
    min: 0,
    max: 1000,
    integer: true,
  })),
  ...Array.from({ length: 2 }, (_, i) => ({
    key: `rank${i + 1}`,
    type: 'ranking',
    title: `Ranking ${i + 1}`,
    options: options('p', 5),
    rankCount: 3,
  })),
  { key: 'grid', type: 'matrix', title: 'Matrix', rows: options('r', 4), options: options('c', 3) },
  ...Array.from({ length: 2 }, (_, i) => ({ key: `text${i + 1}`, type: 'short_text', title: `Text ${i + 1}` })),
];

/** A deterministic pseudo-random generator, so every run seeds the same answers. */
function generator(seed) {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

function answersFor(pick) {
  const answers = {};
  for (const q of QUESTIONS) {
    if (pick(10) === 0) continue; // one answer in ten left out
    const keys = (q.options ?? []).map((o) => o.key);
    if (q.type === 'single_choice')
      answers[q.key] = q.allowOther && pick(20) === 0 ? { choices: [], other: 'Something else' } : { choices: [keys[pick(5)]] };
    else if (q.type === 'multiple_choice') answers[q.key] = { choices: keys.filter(() => pick(3) === 0).slice(0, 3) };
    else if (q.type === 'scale') answers[q.key] = 1 + pick(7);
    else if (q.type === 'number') answers[q.key] = pick(1000);
    else if (q.type === 'ranking') answers[q.key] = [...keys].sort(() => pick(3) - 1).slice(0, 3);
    else if (q.type === 'matrix') answers[q.key] = Object.fromEntries(q.rows.map((r) => [r.key, `c${1 + pick(3)}`]));
    else answers[q.key] = `answer number ${pick(100000)}`;
    if (q.type === 'multiple_choice' && answers[q.key].choices.length === 0) delete answers[q.key];
  }
  return answers;
}

async function call(method, path, auth, body) {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** COPY FROM STDIN in the text format; answers and atoms hold no tabs, newlines or backslashes. */
async function seed(surveyId, questions) {
  const copy = spawn(
    'psql',
    [DATABASE_URL, '-qX', '-v', 'ON_ERROR_STOP=1', '-c', 'COPY survey_response (survey_id, district, answers, atoms) FROM STDIN'],
    {
      stdio: ['pipe', 'inherit', 'inherit'],
    },
  );
  const pick = generator(42);
  const districts = ['north', 'south', 'east', 'west'];
  for (let i = 0; i < RESPONSES; i++) {
    const answers = answersFor(pick);
    const atoms = answerAtoms(questions, answers);
    const line = `${surveyId}\t${districts[i % 4]}\t${JSON.stringify(answers)}\t{${atoms.join(',')}}\n`;
    if (!copy.stdin.write(line)) await new Promise((resolve) => copy.stdin.once('drain', resolve));
  }
  copy.stdin.end();
  await new Promise((resolve, reject) => copy.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`COPY exited ${code}`)))));
  psql(DATABASE_URL, `UPDATE survey SET locked_at = now() WHERE id = '${surveyId}'; ANALYZE survey_response`);
}

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

async function timed(task) {
  const t0 = performance.now();
  const result = await task();
  return { ms: performance.now() - t0, result };
}

/** Streams the export, reading the api's RSS every 20 ms; returns bytes, lines and the peak. */
async function exportOnce(surveyId, auth, pid) {
  let peak = rssKb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 20);
  const response = await fetch(`${apiUrl}/api/v1/surveys/${surveyId}/responses.csv`, { headers: { authorization: auth } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    // indexOf, not a loop over bytes: the client shares the two cores with what it measures.
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  }
  clearInterval(sampler);
  return { bytes, lines, peakKb: peak };
}

/** Bytes psql receives from a `COPY … TO STDOUT`: the plain rows by default, or `sql`. */
function copyOnce(surveyId, sql = plainCopy(surveyId)) {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [DATABASE_URL, '-qX', '-c', sql], { stdio: ['ignore', 'pipe', 'inherit'] });
    let bytes = 0;
    child.stdout.on('data', (chunk) => (bytes += chunk.length));
    child.once('exit', (code) => (code === 0 ? resolve(bytes) : reject(new Error(`COPY exited ${code}`))));
  });
}

const plainCopy = (surveyId) =>
  `COPY (SELECT id, district, submitted_at, updated_at, answers FROM survey_response WHERE survey_id = '${surveyId}' ORDER BY submitted_at, id) TO STDOUT (FORMAT csv)`;

async function main() {
  const polity = await startPolity({ worker: false });
  try {
    const official = polity.official();
    const draft = await call('POST', '/api/v1/surveys', official.auth, {
      title: 'Benchmark survey',
      description: 'Twenty questions of every kind',
      resultsVisibility: 'live',
      questions: QUESTIONS,
    });
    const survey = await call('POST', `/api/v1/surveys/${draft.id}/publish`, official.auth);
    console.log(`seeding ${RESPONSES} responses to ${survey.questions.length} questions…`);
    await seed(survey.id, survey.questions);

    const results = [];
    const filtered = [];
    for (let i = 0; i < RUNS; i++) {
      results.push((await timed(() => call('GET', `/api/v1/surveys/${survey.id}/results`, official.auth))).ms);
      filtered.push(
        (await timed(() => call('GET', `/api/v1/surveys/${survey.id}/results?district=north&question=single2&answer=o1`, official.auth)))
          .ms,
      );
    }
    const aggregateSql = `SELECT atom, count(*) FROM survey_response r, unnest(r.atoms) AS atom WHERE r.survey_id = '${survey.id}' GROUP BY atom`;
    const bare = [];
    for (let i = 0; i < RUNS; i++) bare.push((await timed(async () => psql(DATABASE_URL, aggregateSql))).ms);

    const pid = polity.apiPid();
    const baselineKb = rssKb(pid);
    const exports = [];
    const copies = [];
    // The export's own statement run by psql: what PostgreSQL alone takes to compute the cells, so
    // the gap to the plain COPY splits into PostgreSQL's part and the api's (streaming, CRLF, HTTP).
    const layoutCopy = new CsvLayout(survey.questions, survey.anonymous).copyStatement(survey.id);
    const layoutCopies = [];
    for (let i = 0; i < RUNS; i++) {
      layoutCopies.push(await timed(() => copyOnce(survey.id, layoutCopy)));
      const run = await timed(() => exportOnce(survey.id, official.auth, pid));
      if (run.result.lines !== RESPONSES + 1) throw new Error(`export had ${run.result.lines} lines, expected ${RESPONSES + 1}`);
      exports.push(run);
      copies.push(await timed(() => copyOnce(survey.id)));
    }
    const exportMs = median(exports.map((r) => r.ms));
    const copyMs = median(copies.map((r) => r.ms));
    const layoutMs = median(layoutCopies.map((r) => r.ms));
    const peakKb = Math.max(...exports.map((r) => r.result.peakKb));
    const resultsMs = median(results);
    const bareMs = median(bare);

    console.log(`\nsurveys: ${RESPONSES} responses × ${QUESTIONS.length} questions (medians of ${RUNS})`);
    console.log(
      `  results, whole survey:     ${resultsMs.toFixed(0)} ms  (aggregate bare in psql ${bareMs.toFixed(0)} ms: ×${(resultsMs / bareMs).toFixed(2)})`,
    );
    console.log(`  results, district + answer: ${median(filtered).toFixed(0)} ms`);
    console.log(
      `  export CSV (api, streamed): ${exportMs.toFixed(0)} ms, ${(RESPONSES / (exportMs / 1000)).toFixed(0)} rows/s, ` +
        `${(exports[0].result.bytes / 1e6).toFixed(1)} MB`,
    );
    console.log(
      `  COPY … TO STDOUT (ceiling): ${copyMs.toFixed(0)} ms, ${(RESPONSES / (copyMs / 1000)).toFixed(0)} rows/s, ${(copies[0].result / 1e6).toFixed(1)} MB`,
    );
    console.log(
      `  COPY of the export's own statement in psql: ${layoutMs.toFixed(0)} ms (PostgreSQL computing the cells: ×${(layoutMs / copyMs).toFixed(2)} of the plain COPY; ` +
        `the api adds ×${(exportMs / layoutMs).toFixed(2)})`,
    );
    console.log(`  export / COPY: ×${(exportMs / copyMs).toFixed(2)}   results / COPY: ×${(resultsMs / copyMs).toFixed(2)}`);
    const growthMb = (peakKb - baselineKb) / 1024;
    record({
      path: 'survey CSV export',
      polity: `${exportMs.toFixed(0)} ms, +${growthMb.toFixed(0)} MB RSS`,
      ceiling: `COPY ${copyMs.toFixed(0)} ms`,
      ratio: (copyMs / exportMs).toFixed(2),
      target: '≥ 0.7, ≤ +100 MB',
      holds: copyMs / exportMs >= 0.7 && growthMb <= 100,
    });
    record({
      path: 'survey CSV export: the api beside psql running its statement',
      polity: `${exportMs.toFixed(0)} ms`,
      ceiling: `psql ${layoutMs.toFixed(0)} ms`,
      ratio: (layoutMs / exportMs).toFixed(2),
      target: 'the api’s share',
      holds: null,
    });
    record({
      path: 'survey results, whole survey',
      polity: `${resultsMs.toFixed(0)} ms`,
      ceiling: `bare aggregate ${bareMs.toFixed(0)} ms`,
      ratio: `×${(resultsMs / bareMs).toFixed(2)}`,
      target: 'no regression (×1.02)',
      holds: resultsMs / bareMs <= 1.1,
    });
    console.log(
      `  api RSS: ${(baselineKb / 1024).toFixed(0)} MB before, peak ${(peakKb / 1024).toFixed(0)} MB while exporting (+${((peakKb - baselineKb) / 1024).toFixed(0)} MB)`,
    );
  } finally {
    await polity.stop();
  }
}

runBench(main);
