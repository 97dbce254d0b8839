/**
 * The layer rule of DESIGN.md, enforced on every `npm test` (`npm run lint:layers`).
 *  domain: pure, imports nothing outside src/domain (no botbuilder, no Cosmos, no node I/O)
 *  app:    use cases over ports; imports domain and app only
 *  store:  Cosmos repositories; never the bot, jobs or use cases
 *  bot:    teams-ai/botbuilder edge; never the store or the jobs directly
 *  jobs:   scheduler and jobs; never the bot
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'app-uses-domain-and-ports-only',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(bot|store|jobs)/|^node_modules/(botbuilder|@microsoft/teams-ai|@azure/cosmos|restify)' },
    },
    {
      name: 'store-below-app-and-bot',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(app|bot|jobs)/|^node_modules/(botbuilder|@microsoft/teams-ai|restify)' },
    },
    {
      name: 'bot-does-not-touch-store-or-jobs',
      severity: 'error',
      from: { path: '^src/bot/' },
      to: { path: '^src/(store|jobs)/|^node_modules/@azure/cosmos' },
    },
    {
      name: 'jobs-do-not-touch-bot',
      severity: 'error',
      from: { path: '^src/jobs/' },
      // register-jobs may name the bot's dependency bag as a type; nothing else
      to: {
        path: '^src/bot/|^node_modules/(botbuilder|@microsoft/teams-ai|restify)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test|bench|scripts)/' },
  },
};
