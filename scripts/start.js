#!/usr/bin/env node
// `npm start`: build if the sources changed, create and migrate the database, then run the api
// and the worker side by side until Ctrl+C (or SIGTERM), which both receive. Once both answer their
// readiness check it says where everything is.
const { spawn, spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { buildIfChanged, entry, root } = require('./build-if-changed');

buildIfChanged();
const migration = spawnSync(process.execPath, [entry('cli'), 'migrate'], { cwd: root, stdio: 'inherit' });
if (migration.status !== 0) process.exit(migration.status ?? 1);

const children = ['api', 'worker'].map((app) => {
  const child = spawn(process.execPath, [entry(app)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${app} stopped (${signal ?? `exit ${code}`}); stopping the others.`);
    stop('SIGTERM', code ?? 1);
  });
  return child;
});

let stopping = false;
function stop(signal, exitCode = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
  Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve))))).then(() =>
    process.exit(exitCode),
  );
}
process.on('SIGINT', () => stop('SIGTERM'));
process.on('SIGTERM', () => stop('SIGTERM'));

async function ready(url) {
  for (let attempt = 0; attempt < 240 && !stopping; attempt++) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function sayWhereItRuns() {
  // The same configuration the processes read (.env, then the environment, then the defaults).
  const { loadConfig } = require(join(root, 'dist', 'libs', 'platform', 'src', 'config', 'load-config.js'));
  try {
    process.loadEnvFile();
  } catch {
    // No .env: defaults.
  }
  const { http, mail, runtime } = loadConfig(process.env);
  const local = (port) => `http://localhost:${port}`;
  const api = local(http.apiPort);
  const health = `${local(http.workerPort)}/health/ready`;
  const [apiReady, workerReady] = await Promise.all([ready(`${api}/health/ready`), ready(health)]);
  if (stopping) return;
  const mailLine = mail.smtpUrl
    ? `sent over SMTP to ${new URL(mail.smtpUrl).host}`
    : `written as .eml files to ${mail.dropFolder} (npm run mail:last prints the newest)`;
  const state = apiReady && workerReady ? 'is running' : 'started, but a readiness check is still failing (see the logs above)';
  process.stdout.write(
    [
      '',
      `Polity ${state} (${runtime.environment}).`,
      `  Site:      ${http.publicUrl}/`,
      `  API:       ${api}/api/v1`,
      `  API docs:  ${api}/api/docs`,
      `  Mail:      ${mailLine}`,
      `  Worker:    ${health}`,
      'Ctrl+C stops both.',
      '',
    ].join('\n'),
  );
}
sayWhereItRuns().catch((error) => console.error('Could not check readiness:', error));
