// What the load works on: residents (inserted directly, with real access tokens), an official and a
// clerk, proposals the residents follow, a budget in its voting phase, an open survey, and a council
// meeting under way whose agenda items link the proposals.
require('reflect-metadata');
const { randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { root } = require('./stack');

const { loadConfig, AccessTokenService } = require(join(root, 'dist', 'libs', 'platform', 'src'));

async function call(base, method, path, auth, body) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** People inserted directly (hashing passwords would dominate), each with a session row and a real token. */
function people(stack, count, roles) {
  const tokens = new AccessTokenService(loadConfig(stack.env(0, 'api')).auth, null);
  const ids = Array.from({ length: count }, () => randomUUID());
  const list = `ARRAY['${ids.join("','")}']::uuid[]`;
  stack.sql(
    `INSERT INTO user_account (id, email, display_name, password_hash, roles, email_confirmed_at)
     SELECT id, 'chaos-' || id || '@example.test', 'Chaos ${roles[0]} ' || left(id::text, 4), NULL, '{${roles.join(',')}}', now() FROM unnest(${list}) AS id`,
  );
  stack.sql(`INSERT INTO auth_session (id, user_id) SELECT id, id FROM unnest(${list}) AS id`);
  return ids.map((userId) => ({ userId, auth: `Bearer ${tokens.issue({ userId, sessionId: userId })}` }));
}

async function setUp(stack, { residents: residentCount, proposals: proposalCount, items: itemCount, immediateMailEvery = 2 }) {
  const api = stack.apiUrls[0];
  const residents = people(stack, residentCount, ['citizen']);
  const [official] = people(stack, 1, ['official']);
  const [clerk] = people(stack, 1, ['council']);
  const soon = (days) => new Date(Date.now() + days * 86400e3).toISOString();

  const proposals = [];
  for (let i = 0; i < proposalCount; i++) {
    const author = residents[i % residents.length];
    const created = await call(api, 'POST', '/proposals', author.auth, {
      title: `Chaos proposal ${i + 1}`,
      body: 'Under load, with faults.',
    });
    proposals.push(created.id);
  }
  // Each resident follows two proposals; some (every second, by default) want comment notifications by mail at once.
  const follows = residents.flatMap((resident, i) =>
    [proposals[i % proposalCount], proposals[(i + 1) % proposalCount]].map((id) => [resident.userId, id]),
  );
  stack.sql(
    `INSERT INTO follow (kind, resource_id, user_id) VALUES ${[...new Set(follows.map((f) => f.join()))]
      .map((pair) => pair.split(','))
      .map(([userId, id]) => `('proposals', '${id}', '${userId}')`)
      .join(',')} ON CONFLICT DO NOTHING`,
  );
  stack.sql(
    `INSERT INTO notification_preference (user_id, kind, email) VALUES ${residents
      .filter((_, i) => i % immediateMailEvery === 0)
      .map((resident) => `('${resident.userId}', 'comment_on_followed', 'immediate')`)
      .join(',')}`,
  );

  const budget = await call(api, 'POST', '/budgets', official.auth, {
    title: 'Chaos budget',
    description: 'Voted on while processes die.',
    currency: 'EUR',
    totalAmount: 100000,
    ballot: { kind: 'approval', maxProjects: 4, maxCost: 'budget' },
    schedule: { votingStartsAt: soon(30), votingEndsAt: soon(60) },
  });
  await call(api, 'POST', `/budgets/${budget.id}/phase`, official.auth, { phase: 'proposing' });
  const projects = [];
  for (let i = 0; i < 6; i++) {
    const project = await call(api, 'POST', `/budgets/${budget.id}/projects`, official.auth, {
      title: `Chaos project ${i + 1}`,
      description: 'A project.',
      cost: 10000,
    });
    await call(api, 'POST', `/budget-projects/${project.id}/review`, official.auth, { feasibility: 'feasible' });
    projects.push(project.id);
  }
  await call(api, 'POST', `/budgets/${budget.id}/phase`, official.auth, { phase: 'voting' });

  const survey = await call(api, 'POST', '/surveys', official.auth, {
    title: 'Chaos survey',
    description: 'Answered while processes die.',
    closesAt: soon(30),
    audience: 'signed_in',
    anonymous: false,
    responseMode: 'editable',
    resultsVisibility: 'live',
    questions: [
      {
        key: 'mode',
        type: 'single_choice',
        title: 'How do you get around?',
        required: true,
        options: ['bus', 'bike', 'car'].map((key) => ({ key, label: key })),
      },
      { key: 'happy', type: 'scale', title: 'How happy are you?', scalePoints: 5 },
    ],
  });
  await call(api, 'POST', `/surveys/${survey.id}/publish`, official.auth);

  const meeting = await call(api, 'POST', '/meetings', clerk.auth, {
    body: 'City council',
    title: 'Chaos session',
    place: 'Town hall',
    scheduledAt: soon(1),
  });
  const items = [];
  for (let i = 0; i < itemCount; i++) {
    const item = await call(api, 'POST', `/meetings/${meeting.id}/agenda`, clerk.auth, {
      title: `Chaos item ${i + 1}`,
      links: [{ kind: 'proposals', id: proposals[i % proposalCount] }],
    });
    items.push(item.id);
  }
  await call(api, 'POST', `/meetings/${meeting.id}/start`, clerk.auth);
  return {
    residents,
    official,
    clerk,
    proposals,
    budget: { id: budget.id, projects },
    survey: survey.id,
    meeting: { id: meeting.id, items },
  };
}

module.exports = { setUp };
