import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Proves that the layer rules of `.dependency-cruiser.js` bite: they run, unchanged, over a small
 * project whose `src/` holds imports the rules allow and imports they must refuse.
 */
const ROOT = path.resolve(__dirname, '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

const ALLOWED: Record<string, string> = {
  'src/domain/level.ts': 'export type Level = 1 | 2 | 3;\n',
  'src/app/core/ports.ts': [
    "import type { Level } from '../../domain/level';",
    'export interface LevelPort { save(level: Level): Promise<void> }',
    'export const PORT_LIMIT = 100;',
  ].join('\n'),
  'src/app/core/save-level.ts': [
    "import type { LevelPort } from './ports';",
    "import { z } from 'zod';",
    'export const saveLevel = (port: LevelPort, raw: unknown) => port.save(z.literal(1).parse(raw));',
  ].join('\n'),
  'src/store/level-repository.ts': [
    "import type { LevelPort } from '../app/core/ports';",
    "import type { Level } from '../domain/level';",
    "import { CosmosClient } from '@azure/cosmos';",
    'export class LevelRepository implements LevelPort {',
    '  constructor(readonly client: CosmosClient) {}',
    '  async save(_level: Level) {}',
    '}',
  ].join('\n'),
  'src/jobs/level-job.ts': [
    "import { saveLevel } from '../app/core/save-level';",
    "import { LevelRepository } from '../store/level-repository';",
    'export const job = (repo: LevelRepository) => saveLevel(repo, 1);',
  ].join('\n'),
  'src/bot/level-handler.ts': [
    "import { TurnContext } from 'botbuilder';",
    "import { saveLevel } from '../app/core/save-level';",
    'export const handle = (ctx: TurnContext) => saveLevel({ save: async () => undefined }, ctx.activity.value);',
  ].join('\n'),
  'src/start-bot.ts': [
    "import { TeamsAdapter } from '@microsoft/teams-ai';",
    "import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';",
    'export const edge = [TeamsAdapter, ConfigurationBotFrameworkAuthentication];',
  ].join('\n'),
  'bench/echo-bot.ts':
    "import { ActivityHandler } from 'botbuilder';\nexport class EchoBot extends ActivityHandler {}\n",
  'src/index.ts': [
    "import { job } from './jobs/level-job';",
    "import { handle } from './bot/level-handler';",
    "import { LevelRepository } from './store/level-repository';",
    "import { CosmosClient } from '@azure/cosmos';",
    'export const wiring = [job, handle, LevelRepository, CosmosClient];',
  ].join('\n'),
};

/** Each file (at `path`) holds one import the rules refuse: the violation names `rule` and a module matching `to`. */
const REFUSED: Record<string, { path: string; file: string; rule: string; to: RegExp }> = {
  'jobs → @azure/cosmos': {
    path: 'src/jobs/cosmos-job.ts',
    file: "import { CosmosClient } from '@azure/cosmos';\nexport const cosmosJob = (c: CosmosClient) => c;\n",
    rule: 'not-in-allowed',
    to: /^node_modules\/@azure\/cosmos\//,
  },
  'bot → @vercel/cosmosdb-server': {
    path: 'src/bot/embedded-handler.ts',
    file: "import createServer from '@vercel/cosmosdb-server';\nexport const start = createServer;\n",
    rule: 'not-in-allowed',
    to: /^node_modules\/@vercel\/cosmosdb-server\//,
  },
  'jobs → bot (type only)': {
    path: 'src/jobs/bot-job.ts',
    file: "import type { handle } from '../bot/level-handler';\nexport type Handler = typeof handle;\n",
    rule: 'not-in-allowed',
    to: /^src\/bot\/level-handler\.ts$/,
  },
  'store → a use case': {
    path: 'src/store/uses-a-use-case.ts',
    file: "import { saveLevel } from '../app/core/save-level';\nexport const run = saveLevel;\n",
    rule: 'not-in-allowed',
    to: /^src\/app\/core\/save-level\.ts$/,
  },
  'store → a value of a port file': {
    path: 'src/store/port-value.ts',
    file: "import { PORT_LIMIT } from '../app/core/ports';\nexport const limit = PORT_LIMIT;\n",
    rule: 'not-in-allowed',
    to: /^src\/app\/core\/ports\.ts$/,
  },
  'domain → zod': {
    path: 'src/domain/parse.ts',
    file: "import { z } from 'zod';\nexport const level = z.number();\n",
    rule: 'not-in-allowed',
    to: /^node_modules\/zod\//,
  },
  'app → the store': {
    path: 'src/app/core/store-user.ts',
    file: "import type { LevelRepository } from '../../store/level-repository';\nexport type Repo = LevelRepository;\n",
    rule: 'not-in-allowed',
    to: /^src\/store\/level-repository\.ts$/,
  },
  'wiring (not start-bot.ts) → botbuilder': {
    path: 'src/config.ts',
    file: "import { TurnContext } from 'botbuilder';\nexport const config = TurnContext;\n",
    rule: 'bot-framework-at-the-edge',
    to: /^node_modules\/botbuilder\//,
  },
  'bench (not its echo bot) → botbuilder': {
    path: 'bench/load.ts',
    file: "import { TurnContext } from 'botbuilder';\nexport const ctx = TurnContext;\n",
    rule: 'bot-framework-at-the-edge',
    to: /^node_modules\/botbuilder\//,
  },
  'wiring (not start-bot.ts) → @microsoft/teams-ai': {
    path: 'src/demo-seed.ts',
    file: "import type { TeamsAdapter } from '@microsoft/teams-ai';\nexport type Adapter = TeamsAdapter;\n",
    rule: 'bot-framework-at-the-edge',
    to: /^node_modules\/@microsoft\/teams-ai\//,
  },
};
/** Two modules that only name each other's types: a cycle all the same. */
const TYPE_ONLY_CYCLE: Record<string, string> = {
  'src/app/cycle/left.ts': "import type { Right } from './right';\nexport interface Left { right?: Right }\n",
  'src/app/cycle/right.ts': "import type { Left } from './left';\nexport interface Right { left?: Left }\n",
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: unknown[];
}

function cruise(files: Record<string, string>): Violation[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layer-rules-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true } }),
    );
    // The repository's rules as they are; only the symlinked node_modules keeps its name.
    fs.writeFileSync(
      path.join(dir, 'rules.cjs'),
      `const base = require(${JSON.stringify(path.join(ROOT, '.dependency-cruiser.js'))});\n` +
        'module.exports = { ...base, options: { ...base.options, preserveSymlinks: true } };\n',
    );
    let out: string;
    try {
      out = execFileSync(
        process.execPath,
        [DEPCRUISE, 'src', 'bench', '--config', 'rules.cjs', '--output-type', 'json'],
        {
          cwd: dir,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (err) {
      out = (err as { stdout?: string }).stdout ?? '';
      if (!out) throw err;
    }
    return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the layer rules (.dependency-cruiser.js)', () => {
  it('allow each layer what it may import: domain, ports, use cases, Cosmos in the store, botbuilder in the bot, everything in the wiring', () => {
    expect(cruise(ALLOWED)).toEqual([]);
  });

  it('refuse every import outside the allow-lists, one violation each', () => {
    const files = { ...ALLOWED };
    for (const { path: at, file } of Object.values(REFUSED)) files[at] = file;
    const violations = cruise(files);
    for (const [name, { path: at, rule, to }] of Object.entries(REFUSED)) {
      const found = violations.filter((v) => v.from === at);
      expect({ name, found: found.map((v) => [v.rule.name, v.to]) }).toEqual({
        name,
        found: [[rule, expect.stringMatching(to)]],
      });
    }
    expect(violations).toHaveLength(Object.keys(REFUSED).length);
  });

  it('refuse an import cycle made of type-only imports', () => {
    const violations = cruise({ ...ALLOWED, ...TYPE_ONLY_CYCLE });
    expect(violations.map((v) => v.rule.name)).toEqual(['no-circular']);
    expect([violations[0].from, violations[0].to].sort()).toEqual(Object.keys(TYPE_ONLY_CYCLE).sort());
  });
});
