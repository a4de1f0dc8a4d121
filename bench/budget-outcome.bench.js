// npm run bench:budget-outcome [-- <folder of .pb files>]
// Outcome rules on a generated election (100,000 voters, 150 projects) and on real Pabulib files:
// time per rule and peak memory, each rule in a child process of its own. The ceiling, measured in
// the same run, is one pass over every ballot (a tally): no rule can be faster than reading its
// input. For comparison, the textbook float Equal Shares stepping the add1 share one unit at a time.
const { execFileSync } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { median, record } = require('./harness');

const rules = (path) => require(join(__dirname, '..', 'dist', 'libs', 'budgets', 'src', path));
const VOTERS = Number(process.env.BENCH_VOTERS ?? 100_000);
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 150);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
/** The textbook float version steps one unit per run: measured on a smaller election, or it takes many minutes. */
const TEXTBOOK_VOTERS = Number(process.env.BENCH_TEXTBOOK_VOTERS ?? 20_000);

/** Deterministic generator: Zipf-like popularity, ballots of 1 to 8 approvals, a quarter of all costs as budget. */
function generate(voters, projectCount, seed = 42) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const projects = Array.from({ length: projectCount }, (_, i) => ({
    id: `p${String(i).padStart(3, '0')}`,
    cost: 1000 * Math.round(10 + random() * 490),
  }));
  const weights = projects.map((_, i) => 1 / Math.pow(i + 1, 0.8));
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const cumulative = weights.map((w) => (sum += w / total));
  const pick = () => {
    const x = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ballots = Array.from({ length: voters }, () => {
    const chosen = new Set();
    const length = 1 + Math.floor(random() * 8);
    while (chosen.size < length) chosen.add(pick());
    return { projects: [...chosen] };
  });
  return { budget: Math.round(projects.reduce((a, p) => a + p.cost, 0) * 0.25), projects, ballots };
}

function fromPabulib(file) {
  const { readPabulib } = rules('pabulib/read-pabulib');
  const instance = readPabulib(readFileSync(file, 'utf8'));
  const index = new Map(instance.projects.map((p, i) => [p.externalId, i]));
  const places = instance.maxLength ?? instance.projects.length;
  return {
    instance,
    election: {
      budget: instance.budget,
      projects: instance.projects.map((p) => ({ id: p.externalId, cost: p.cost })),
      ballots: instance.votes.map((v) => ({
        projects: v.projectIds.map((id) => index.get(id)),
        ...(instance.voteType === 'cumulative' && { weights: v.points }),
        ...(instance.voteType === 'ordinal' && { weights: v.projectIds.map((_, rank) => places - rank) }),
      })),
    },
  };
}

/** The textbook Equal Shares (cost utilities) in floating point, add1 one unit at a time; for comparison only. */
function textbookEqualShares(election) {
  const n = election.ballots.length;
  const costs = election.projects.map((p) => p.cost);
  const supporters = costs.map(() => []);
  election.ballots.forEach((b, voter) => b.projects.forEach((p) => supporters[p].push(voter)));
  const run = (share) => {
    const money = new Float64Array(n).fill(share);
    const remaining = new Set(costs.map((_, p) => p).filter((p) => supporters[p].length > 0));
    const winners = [];
    for (;;) {
      let best = -1;
      let bestRho = Infinity;
      for (const p of remaining) {
        const own = supporters[p].map((v) => money[v]).sort((a, b) => a - b);
        let paid = 0;
        let left = own.length;
        let rho = Infinity;
        for (const have of own) {
          const price = (costs[p] - paid) / left;
          if (have >= price) {
            rho = price / costs[p];
            break;
          }
          paid += have;
          left -= 1;
        }
        if (rho === Infinity) remaining.delete(p);
        else if (rho < bestRho) [best, bestRho] = [p, rho];
      }
      if (best < 0) return winners;
      const price = bestRho * costs[best];
      for (const v of supporters[best]) money[v] = Math.max(0, money[v] - price);
      winners.push(best);
      remaining.delete(best);
    }
  };
  const spent = (w) => w.reduce((s, p) => s + costs[p], 0);
  let share = Math.floor(election.budget / n);
  let winners = run(share);
  for (let steps = 0; steps < 5000; steps++) {
    const fits = costs.some((c, p) => !winners.includes(p) && supporters[p].length > 0 && spent(winners) + c <= election.budget);
    if (!fits) break;
    const next = run(share + 1);
    if (spent(next) > election.budget) break;
    share += 1;
    winners = next;
  }
  return winners;
}

const RULES = {
  ceiling: (e) => rules('rules/election').tallySupport(e).votes.length,
  greedy: (e) => rules('rules/greedy.rule').greedyRule(e).winners,
  'equal-shares none': (e) => rules('rules/equal-shares/equal-shares.rule').equalSharesRule(e, { completion: 'none' }).winners,
  'equal-shares add1': (e) => rules('rules/equal-shares/equal-shares.rule').equalSharesRule(e, { completion: 'add1' }).winners,
  'equal-shares add1-greedy': (e) => rules('rules/equal-shares/equal-shares.rule').equalSharesRule(e, {}).winners,
  'textbook float add1': (e) => textbookEqualShares(e),
};

/** Child: builds the election, then times one rule and reports its peak memory above the baseline. */
function child(ruleName, source) {
  const election = source.startsWith('generated:') ? generate(Number(source.slice(10)), PROJECTS) : fromPabulib(source).election;
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  const t0 = performance.now();
  const winners = RULES[ruleName](election);
  const ms = performance.now() - t0;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({ ms, peakMb: Math.max(0, peak - baseline) / 1e6, winners: Array.isArray(winners) ? winners.join(',') : '' }),
  );
}

function measure(ruleName, source, repeat = REPEAT) {
  const runs = Array.from({ length: repeat }, () =>
    JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', __filename, '--child', ruleName, source], { encoding: 'utf8', maxBuffer: 1e8 }),
    ),
  );
  return { ms: median(runs.map((r) => r.ms)), peakMb: median(runs.map((r) => r.peakMb)), winners: runs[0].winners };
}

function generated() {
  console.log(`Generated election: ${VOTERS} voters, ${PROJECTS} projects (median of ${REPEAT} runs, each in its own process)\n`);
  const source = `generated:${VOTERS}`;
  const ceiling = measure('ceiling', source);
  console.log(`${'rule'.padEnd(26)} ${'median ms'.padStart(10)} ${'× ceiling'.padStart(10)} ${'peak MB'.padStart(9)}`);
  const row = (name, m, base = ceiling) =>
    console.log(
      `${name.padEnd(26)} ${m.ms.toFixed(1).padStart(10)} ${(m.ms / base.ms).toFixed(1).padStart(10)} ${m.peakMb.toFixed(0).padStart(9)}`,
    );
  row('ceiling: one tally pass', ceiling);
  for (const name of ['greedy', 'equal-shares none', 'equal-shares add1-greedy']) {
    const measured = measure(name, source);
    row(name, measured);
    if (name === 'equal-shares add1-greedy') {
      record({
        path: `Equal Shares (add1-greedy), ${VOTERS.toLocaleString('en')} voters`,
        polity: `${measured.ms.toFixed(0)} ms`,
        ceiling: `one tally pass ${ceiling.ms.toFixed(0)} ms`,
        ratio: `×${(measured.ms / ceiling.ms).toFixed(0)}`,
        target: 'no regression',
        holds: true,
      });
    }
  }
  if (process.env.BENCH_SKIP_TEXTBOOK) return;
  console.log(`\nAgainst the textbook float version (add1 one unit at a time) on ${TEXTBOOK_VOTERS} voters, one run each:`);
  const small = `generated:${TEXTBOOK_VOTERS}`;
  const ours = measure('equal-shares add1', small, 1);
  const textbook = measure('textbook float add1', small, 1);
  row('equal-shares add1', ours, ours);
  row('textbook float add1', textbook, ours);
  console.log(
    `Same winners in the same order: ${ours.winners === textbook.winners ? 'yes' : 'NO'}; exact and galloping is ${(textbook.ms / ours.ms).toFixed(1)}× faster`,
  );
}

/** Which of our rules a Pabulib `rule` means; null when we do not implement it. */
function ruleFor(fileRule) {
  if (fileRule === 'greedy') return { rule: 'greedy', options: {} };
  if (fileRule === 'greedy-no-skip') return { rule: 'greedy', options: { stopAtFirstMisfit: true } };
  if (fileRule === 'equalshares') return { rule: 'equal-shares', options: { completion: 'none' } };
  if (fileRule?.startsWith('equalshares/add1')) return { rule: 'equal-shares', options: { completion: 'add1', exhaustiveStop: false } };
  return null;
}

function pabulib(folder) {
  const { computeOutcome } = rules('rules/outcome');
  const timed = (election, request) => {
    const t0 = performance.now();
    const outcome = computeOutcome(election, request);
    return { outcome, ms: performance.now() - t0 };
  };
  console.log(`\nPabulib files in ${folder}: each file's own rule against the winners it records; ms per rule`);
  console.log(`(equal-shares is add1-greedy; peak memory is the whole process's, after all files)\n`);
  console.log(
    `${'file'.padEnd(46)} ${'voters'.padStart(7)} ${'proj'.padStart(5)} ${'greedy'.padStart(7)} ${'mes'.padStart(7)}  ${'file rule'.padEnd(28)} result`,
  );
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.pb'))
    .sort()) {
    const { instance, election } = fromPabulib(join(folder, file));
    const request = ruleFor(instance.rule);
    const recorded = instance.projects.some((p) => p.selected !== null)
      ? new Set(instance.projects.filter((p) => p.selected).map((p) => p.externalId))
      : null;
    const greedy = timed(election, { rule: 'greedy', options: {} });
    const mes = timed(election, { rule: 'equal-shares', options: {} });
    const own = request ? timed(election, request).outcome : greedy.outcome;
    const ours = new Set(own.winners.map((w) => w.projectId));
    let result = `no winners recorded (${ours.size} winners)`;
    if (recorded) {
      const extra = [...ours].filter((id) => !recorded.has(id));
      const missing = [...recorded].filter((id) => !ours.has(id));
      result = extra.length + missing.length === 0 ? 'agrees' : `differs: +${extra.join(',')} -${missing.join(',')}`;
      if (!request) result = `rule not implemented; plain greedy ${result}`;
    }
    const shown = request
      ? `${instance.rule} → ${request.rule}${request.options.completion ? ` ${request.options.completion}` : request.options.stopAtFirstMisfit ? ' no-skip' : ''}`
      : `${instance.rule}`;
    console.log(
      `${file.slice(0, 46).padEnd(46)} ${String(election.ballots.length).padStart(7)} ${String(election.projects.length).padStart(5)} ${greedy.ms.toFixed(1).padStart(7)} ${mes.ms.toFixed(0).padStart(7)}  ${shown.slice(0, 28).padEnd(28)} ${result}`,
    );
  }
  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

if (process.argv[2] === '--child') child(process.argv[3], process.argv[4]);
else {
  generated();
  if (process.argv[2]) pabulib(resolve(process.argv[2]));
}
