#!/usr/bin/env node
// `npm start`: build if the sources changed, create and migrate the database, then run the api
// and the worker side by side until Ctrl+C (or SIGTERM), which both receive.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist', 'apps');
const entry = (app) => join(dist, app, 'src', 'main.js');

function newestSource(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!['api', 'worker', 'cli'].every((app) => existsSync(entry(app)))) return true;
  const built = statSync(entry('api')).mtimeMs;
  return Math.max(newestSource(join(root, 'apps')), newestSource(join(root, 'libs'))) > built;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (needsBuild()) {
  console.log('Building…');
  run(process.execPath, [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build']);
}
run(process.execPath, [entry('cli'), 'migrate']);

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
