#!/usr/bin/env node
// Bundles the browser's live client (libs/web/client) into dist-client/live.js, which the api serves at
// /assets/live.js. Beside dist/ rather than in it, since `nest build` empties dist/. Run by `npm run build`
// and, so a lone `npx jest` has it too, by the tests' global setup.
const { buildSync } = require('esbuild');
const { join } = require('node:path');

const root = join(__dirname, '..');

function buildClient() {
  buildSync({
    entryPoints: [join(root, 'libs', 'web', 'client', 'live.ts')],
    outfile: join(root, 'dist-client', 'live.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    // Browsers of the last few years, as public-service sites support them.
    target: ['chrome100', 'firefox100', 'safari15'],
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

module.exports = { buildClient };
if (require.main === module) buildClient();
