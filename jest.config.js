/**
 * Jest compiles TypeScript with ts-jest in isolated-modules mode (transpile only, fast);
 * `npm run typecheck` type-checks the whole project separately as part of `npm test`.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  // The adaptivecards SDK's `lib` is ES modules (with an ESM-only carousel dependency); its UMD
  // bundle is the same code as one CommonJS-loadable file.
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
  testTimeout: 30000,
};
