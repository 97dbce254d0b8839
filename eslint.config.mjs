// ESLint (flat config), run by `npm run lint` on every `npm test`: @eslint/js recommended plus
// typescript-eslint's type-checked recommended set (the whole run takes about 30 s of CPU).
// Formatting is Prettier's job (`npm run format:check`); neither set holds formatting rules.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `any` and what is done with it, where untyped data is the subject (see the two places below). */
const ANY_ALLOWED = {
  '@typescript-eslint/no-explicit-any': 'off',
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-argument': 'off',
  '@typescript-eslint/no-unsafe-return': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      'dist/',
      'build/',
      'coverage/',
      'test-results/',
      'bench/results/',
      '.localdata/',
      'devTools/',
      'playground/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // `const { _etag, ...doc } = read` is how a repository strips Cosmos' system fields; `_x` marks a
      // parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Ports return promises; an in-memory implementation or a test fake is `async` without an
      // `await` on purpose (a throw then becomes a rejection, as callers of the port expect).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Everything the bot writes goes through src/log.ts, which keeps pupil names and notes out of the log.
    files: ['src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // These two modules replace handlers inside @vercel/cosmosdb-server, whose lib/* modules are
    // untyped JavaScript: the documents, items and requests they handle are `any` by nature.
    files: ['src/store/embedded-query-scope.ts', 'src/store/embedded-atomic-batch.ts'],
    rules: ANY_ALLOWED,
  },
  {
    // Tests read what the bot sent through the Bot Connector stand-in and what the HTTP endpoint
    // answered: untyped JSON they walk with `any` on purpose (typing every card shape there would only
    // repeat the templates). The other type-checked rules still apply to the tests.
    files: ['test/**/*.ts'],
    rules: ANY_ALLOWED,
  },
  {
    // Plain JavaScript (CommonJS configs and the Playground launcher) is outside the TypeScript program.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
