/**
 * The layering of DESIGN.md, kept by a tool: `npm run lint` fails the build when a module reaches
 * across a layer it must not know about.
 */
const platform = '^(node:|fs$|path$|crypto$|http$|os$)|node_modules/(@tarojs|@cloudbase|better-sqlite3|nodemailer|react)';

module.exports = {
  forbidden: [
    {
      name: 'shared-is-isomorphic',
      comment: 'shared/ holds schemas and pure rules: no platform SDK, no Node built-ins, nothing from the layers above.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: [platform, '^(client|cloudfunctions|tests)/'] },
    },
    {
      name: 'use-cases-know-ports-not-adapters',
      comment: 'cloudfunctions/app is the use cases and their ports; adapters and hosts plug in from outside.',
      severity: 'error',
      from: { path: '^cloudfunctions/app/' },
      to: { path: ['^cloudfunctions/(adapters|local-host|entries)/', '^client/', 'node_modules/(better-sqlite3|nodemailer|@cloudbase)'] },
    },
    {
      name: 'a-feature-keeps-to-its-own-folder',
      comment: 'A feature (one cloud function) never reaches into another feature\'s files: what two features share lives in cloudfunctions/app/common/.',
      severity: 'error',
      from: { path: '^cloudfunctions/app/features/([^/]+)/' },
      to: { path: '^cloudfunctions/app/features/', pathNot: '^cloudfunctions/app/features/$1/' },
    },
    {
      name: 'common-does-not-know-features',
      comment: 'common/ holds what several features share; a piece that needs one feature belongs in that feature.',
      severity: 'error',
      from: { path: '^cloudfunctions/app/common/' },
      to: { path: '^cloudfunctions/app/features/' },
    },
    {
      name: 'ports-know-no-use-cases',
      comment: 'A port and the policy kept beside it (transaction retries) serve every use case and know none.',
      severity: 'error',
      from: { path: '^cloudfunctions/app/ports/' },
      to: { path: '^cloudfunctions/app/(features|common)/' },
    },
    {
      name: 'adapters-do-not-know-hosts',
      severity: 'error',
      from: { path: '^cloudfunctions/adapters/' },
      to: { path: ['^cloudfunctions/(local-host|entries)/', '^client/'] },
    },
    {
      name: 'client-talks-to-functions-only-over-the-wire',
      comment: 'The client shares the contract in shared/, never server code.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: ['^cloudfunctions/', '^tests/'] },
    },
    {
      name: 'pages-call-the-service-layer',
      comment:
        'Only client/src/services talks to the backend: pages use its named, typed function per action, never the raw call or the transport.',
      severity: 'error',
      from: { path: '^client/src/', pathNot: '^client/src/services/' },
      to: { path: '^client/src/services/(call|transport)' },
    },
    {
      name: 'operations-scripts-stand-alone',
      comment: 'setup/check/deploy scripts run against production: they use product code, never test support (benchmarks may).',
      severity: 'error',
      from: { path: '^scripts/', pathNot: '^scripts/bench/' },
      to: { path: '^tests/' },
    },
    {
      name: 'benchmarks-borrow-only-test-support',
      comment: 'Benchmarks drive the product as the suites do (TestApp, the CloudBase stand-in, fixtures) but never import a test suite.',
      severity: 'error',
      from: { path: '^scripts/bench/' },
      to: { path: '^tests/', pathNot: '^tests/(support|fixtures)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
