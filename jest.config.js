// @ts-check
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * Nest 12 and several of its dependencies ship as ES modules only. Node runs them through
 * require(esm), but Jest's module loader does not (before Node 24), so Jest compiles those
 * packages to CommonJS with SWC like our own code. The list is read from node_modules so a new
 * ESM dependency needs no change here.
 */
function esmPackages() {
  const root = join(__dirname, 'node_modules');
  const names = [];
  for (const entry of readdirSync(root)) {
    const candidates = entry.startsWith('@') ? readdirSync(join(root, entry)).map((name) => `${entry}/${name}`) : [entry];
    for (const name of candidates) {
      try {
        if (JSON.parse(readFileSync(join(root, name, 'package.json'), 'utf8')).type === 'module') names.push(name);
      } catch {
        // not a package
      }
    }
  }
  return names.map((name) => name.replace(/[.+]/g, '\\$&'));
}

const swc = (syntax, tsx = false) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'typescript' ? { syntax: 'typescript', decorators: true, tsx } : { syntax: 'ecmascript' },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic', importSource: 'preact' } },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs', ignoreDynamic: false },
    sourceMaps: 'inline',
  },
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': swc('typescript'), '^.+\\.tsx$': swc('typescript', true), '^.+\\.m?js$': swc('ecmascript') },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().join('|')})/)`],
  moduleNameMapper: {
    '^@polity/api/(.*)$': '<rootDir>/apps/api/src/$1',
    '^@polity/worker/(.*)$': '<rootDir>/apps/worker/src/$1',
    '^@polity/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  setupFilesAfterEnv: ['<rootDir>/test/suite-setup.js'],
  testTimeout: 120_000,
  // Sockets and pools are closed in afterAll; this only guards against a hang in CI.
  forceExit: false,
};
