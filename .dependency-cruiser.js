/**
 * The layer rule of DESIGN.md, enforced on every `npm test` (`npm run lint:layers`), written as
 * ALLOW-lists: every import must match one rule in `allowed`, so a new pair (jobs → @azure/cosmos,
 * bot → @vercel/cosmosdb-server) fails until someone adds it here on purpose.
 *  domain: pure, imports nothing outside src/domain (no packages, no node builtins)
 *  app:    use cases over ports; domain, app, zod, csv-parse, node builtins
 *  store:  Cosmos repositories; domain, @azure/cosmos, @vercel/cosmosdb-server, zod, node builtins,
 *          and (type-only) the port files of src/app it implements (ports.ts, *-port.ts, *-ports.ts)
 *  bot:    teams-ai/botbuilder edge; app, domain, botbuilder, teams-ai, adaptivecards-templating,
 *          restify, zod, pdfkit (documents people read), node builtins
 *  jobs:   scheduler and jobs; app, store, domain, node builtins
 *  log:    src/log.ts, used by every layer but the domain
 *  wiring: src/*.ts (config, start-bot, index, demo seeding): everything
 *  bench/, scripts/: tools around the product, cruised too: everything
 * And no import cycles, type-only ones included.
 * Bot Framework stays at the edge: botbuilder*, botframework-* and @microsoft/teams-ai only in
 * src/bot/ and src/start-bot.ts (and the bench's echo bot), so the move to the Microsoft 365 Agents
 * SDK touches only those (docs/platform.md). A forbidden rule, because the wiring may import
 * anything else.
 * test/layers/layer-rules.test.ts runs these rules over a small fixture to prove they bite.
 */
const LOG = '^src/log[.]ts$';
const PORT_FILES = '^src/app/.+/(ports|[a-z-]+-ports?)[.]ts$';
const pkg = (...names) => `^node_modules/(@types/)?(${names.join('|')})/`;

module.exports = {
  allowed: [
    { comment: 'domain → domain', from: { path: '^src/domain/' }, to: { path: '^src/domain/' } },

    { comment: 'app → app, domain, log', from: { path: '^src/app/' }, to: { path: ['^src/(app|domain)/', LOG] } },
    { comment: 'app → zod, csv-parse', from: { path: '^src/app/' }, to: { path: pkg('zod', 'csv-parse') } },
    { comment: 'app → node builtins', from: { path: '^src/app/' }, to: { dependencyTypes: ['core'] } },

    {
      comment: 'store → store, domain, log',
      from: { path: '^src/store/' },
      to: { path: ['^src/(store|domain)/', LOG] },
    },
    {
      comment: 'store → the port types it implements (import type only, never a use case)',
      from: { path: '^src/store/' },
      to: { path: PORT_FILES, dependencyTypes: ['type-only'] },
    },
    {
      comment: 'store → Cosmos SDK, embedded Cosmos server, zod',
      from: { path: '^src/store/' },
      to: { path: pkg('@azure/cosmos', '@vercel/cosmosdb-server', 'zod') },
    },
    { comment: 'store → node builtins', from: { path: '^src/store/' }, to: { dependencyTypes: ['core'] } },

    {
      comment: 'bot → bot, app, domain, log',
      from: { path: '^src/bot/' },
      to: { path: ['^src/(bot|app|domain)/', LOG] },
    },
    {
      comment: 'bot → the Teams edge libraries',
      from: { path: '^src/bot/' },
      to: { path: pkg('botbuilder', '@microsoft/teams-ai', 'adaptivecards-templating', 'restify', 'zod', 'pdfkit') },
    },
    { comment: 'bot → node builtins', from: { path: '^src/bot/' }, to: { dependencyTypes: ['core'] } },

    {
      comment: 'jobs → jobs, app, store, domain, log',
      from: { path: '^src/jobs/' },
      to: { path: ['^src/(jobs|app|store|domain)/', LOG] },
    },
    { comment: 'jobs → node builtins', from: { path: '^src/jobs/' }, to: { dependencyTypes: ['core'] } },

    { comment: 'log → node builtins', from: { path: LOG }, to: { dependencyTypes: ['core'] } },

    { comment: 'wiring (src/*.ts) → everything', from: { path: '^src/[^/]+[.]ts$' }, to: {} },
    {
      comment: 'bench and scripts (tools around the product) → everything but Bot Framework (forbidden below)',
      from: { path: '^(bench|scripts)/' },
      to: {},
    },
  ],
  allowedSeverity: 'error',
  forbidden: [
    {
      name: 'bot-framework-at-the-edge',
      comment:
        'botbuilder / teams-ai only in src/bot/ and src/start-bot.ts (and the benches that measure them: echo bot, /help cost): docs/platform.md',
      severity: 'error',
      from: { pathNot: '^(src/bot/|src/start-bot[.]ts$|bench/(echo-bot|help-cost)[.]ts$)' },
      to: { path: '^node_modules/(@types/)?(botbuilder[^/]*|botframework-[^/]*|@microsoft/teams-ai)/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles, type-only ones included',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test/|bench/results/)' },
  },
};
