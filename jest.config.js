/** Jest runs TypeScript through SWC (no type-check); `npm run typecheck` runs tsc separately. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  // The adaptivecards SDK's `lib` is ES modules (with an ESM-only carousel dependency); its UMD
  // bundle is the same code as one CommonJS-loadable file.
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
  testTimeout: 30000,
};
