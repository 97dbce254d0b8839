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

/** An `eslint-disable` comment names its rule(s) and says why after ` -- `. */
const disableSaysWhy = {
  meta: {
    type: 'suggestion',
    messages: { bare: 'Name the rule and say why: `eslint-disable-next-line <rule> -- <why>`.' },
    schema: [],
  },
  create: (context) => ({
    Program() {
      for (const comment of context.sourceCode.getAllComments()) {
        const text = comment.value.trim();
        if (/^eslint-disable(-next-line|-line)?(\s|$)/.test(text) && !/^\S+\s+\S.*\s--\s+\S/.test(text))
          context.report({ loc: comment.loc, messageId: 'bare' });
      }
    },
  }),
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
    plugins: { local: { rules: { 'disable-says-why': disableSaysWhy } } },
    rules: { 'local/disable-says-why': 'error' },
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
      // `String(value ?? '')` is how the code reads a text out of untyped input (activity values, request
      // parameters, error codes) on purpose; an object inside a template is still caught by
      // restrict-template-expressions.
      '@typescript-eslint/no-base-to-string': 'off',
      // A `let` assigned once, later, but read before by closures (start-bot.ts wires the runner that
      // way) cannot be a `const`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // These strip, or prove the stripping of, control characters from user text: the control
    // characters in their regular expressions are the point.
    files: ['src/domain/text.ts', 'test/support/literal-text-check.ts', 'test/e2e/literal-user-text.e2e.test.ts'],
    rules: { 'no-control-regex': 'off' },
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
    rules: {
      ...ANY_ALLOWED,
      // Tests keep a method to restore it after stubbing, and hand jest.fn() methods to expect().
      '@typescript-eslint/unbound-method': 'off',
    },
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
