// One jest run, three projects: `unit` (pure, no I/O), `integration` (real PostgreSQL and Kafka)
// and `e2e` (the gateway in front of real subgraphs). The global setup resolves the real
// infrastructure once per run, as described in libs/testing.
const { readFileSync } = require('node:fs');
const { compilerOptions } = require('./tsconfig.base.json');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
// Every answer of a server under test is checked against its OpenAPI document (tools/contract).
const contractChecks = ['<rootDir>/tools/contract/response-contract.setup.ts'];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.data'],
};

module.exports = {
  // A worker that has run a file holding a Nest app is replaced before the next file: in a reused
  // process, decorator metadata recorded by one file's modules (e.g. `design:type` Boolean) can come
  // from another file's realm, and @nestjs/graphql then fails to map it.
  workerIdleMemoryLimit: '64MB',
  // Jest reads the timeout only here, not per project; integration tests wait on real infrastructure.
  testTimeout: 120_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,gateway,tools,e2e}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,gateway,tools,e2e}/**/*.int-spec.ts'],
      setupFilesAfterEnv: contractChecks,
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.js',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{libs,services,gateway,tools,e2e}/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: contractChecks,
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.js',
    },
  ],
};
