/**
 * One jest run, several projects: fast node tests (unit, integration, store contract), the browser
 * end-to-end tests on the built H5 client, and the mini-program tests on the built weapp output.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' } }];
const common = { transform: { '^.+\\.(t|j)sx?$': swc }, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

/**
 * Integration suites that do not run a second time on CloudBase, each with its reason. Every other
 * file under tests/integration runs on both stores.
 */
const SQLITE_ONLY = {
  'local-host-http.test.ts': "the self-hosted local host, which composes its own SQLite file",
  'openweek-rush.test.ts': "a rush through the self-hosted local host and its SQLite file (CloudBase: npm run bench -- contention)",
  'cloudbase-entry.test.ts': 'already on CloudBase: the functions\' entries against their own stand-in',
  'openweek-cloudbase-entry.test.ts': 'already on CloudBase: the functions\' entries against their own stand-in',
  'filing-cloudbase.test.ts': 'already on CloudBase: the filing path against its own stand-in',
  'abuse-takeover.test.ts': 'over real HTTP on the self-hosted local host and its SQLite file',
  'abuse-rate-limits.test.ts': 'over real HTTP on the self-hosted local host (its CloudBase half: rate-limits-cloudbase)',
  'abuse-sessions.test.ts': 'over real HTTP on the self-hosted local host, and the CloudBase entries on their own stand-in',
  'crash-recovery.test.ts': 'kills the self-hosted local host and reopens its SQLite file',
  'rate-limits-cloudbase.test.ts': 'already on CloudBase: two function instances against their own stand-in',
  'transaction-retry-cloudbase.test.ts': 'already on CloudBase: conflicts made on its own stand-in',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/{unit,integration,store}/**/*.test.ts'],
    },
    {
      ...common,
      // The same integration suites with TestApp on the CloudBase adapter and the real SDK, against the stand-in.
      displayName: 'node-cloudbase',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...Object.keys(SQLITE_ONLY).map((file) => `/tests/integration/${file.replace(/\./g, '\\.')}$`)],
      setupFilesAfterEnv: ['<rootDir>/tests/support/cloudbase-project.setup.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      // 30 s per test: a test is a few steps, each waiting up to 10 s for what the user should see.
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/jest-setup.ts'],
    },
    {
      ...common,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      // The pages under test are the build's own JavaScript, run as WeChat would run it: not transformed again.
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
    },
  ],
};
