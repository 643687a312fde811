/**
 * One jest run, several projects: fast node tests (unit, integration, store contract), the browser
 * end-to-end tests on the built H5 client, and the mini-program tests on the built weapp output.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' } }];
const common = { transform: { '^.+\\.(t|j)sx?$': swc }, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

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
