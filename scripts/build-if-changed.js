#!/usr/bin/env node
// Builds dist/ when a TypeScript source is newer than the last build (or there is none), so commands
// that run the built code (`npm start`, `npm run create-admin`, `npm run mail:last`) never run stale code.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { buildClient } = require('./build-client');

const root = join(__dirname, '..');
const entry = (app) => join(root, 'dist', 'apps', app, 'src', 'main.js');

function newestSource(directory) {
  let newest = 0;
  for (const item of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(item.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!['api', 'worker', 'cli'].every((app) => existsSync(entry(app)))) return true;
  if (!existsSync(join(root, 'dist-client', 'live.js'))) return true;
  const built = Math.min(...['api', 'worker', 'cli'].map((app) => statSync(entry(app)).mtimeMs));
  return Math.max(newestSource(join(root, 'apps')), newestSource(join(root, 'libs'))) > built;
}

function buildIfChanged() {
  if (!needsBuild()) return;
  process.stderr.write('Building…\n');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  buildClient();
}

module.exports = { buildIfChanged, entry, root };
if (require.main === module) buildIfChanged();
