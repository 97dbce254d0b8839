/**
 * `npm run school:setup`: creates or updates a school from its settings file (the format of
 * demo/school.json), and prints field by field what was created or changed (old → new).
 *
 *   npm run school:setup -- <school.json> [--dry-run]
 *   npm run school:setup -- <school.json> --endpoint https://….documents.azure.com --key …
 *
 * The database, as for `npm run roster:import`: --endpoint/--key/--database, else
 * COSMOS_ENDPOINT/COSMOS_KEY/COSMOS_DATABASE, else the store of the local bot that runs now
 * (`npm run dev` / `npm start` without COSMOS_ENDPOINT). With none, the file is only checked.
 * The write is ETag-guarded (a channel linked meanwhile is kept) and audited with the command
 * line as the author. Exit code 0: done (or checked); 1: the file has errors, or the write did
 * not succeed; 2: wrong usage (unknown option, missing file, no JSON).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { saveSchoolSettings, type SaveSettingsOutcome } from '../src/app/school/save-school-settings';
import type { SchoolSettingsPort } from '../src/app/school/school-ports';
import { changeLine, settingsFromFile } from '../src/app/school/school-settings';
import { issueLine, parseSettingsFile } from '../src/app/school/settings-file-schema';
import { configureLog } from '../src/log';
import { AuditRepository } from '../src/store/audit-repository';
import type { CosmosStore } from '../src/store/cosmos';
import { DirectoryRepository } from '../src/store/directory-repository';
import { DocStore } from '../src/store/doc-store';
import {
  STORE_OPTIONS,
  noDatabaseLine,
  openTarget,
  runAsScript,
  storeTarget,
  type StoreTarget,
} from './cli-store-target';

const USAGE = `Gebruik: npm run school:setup -- <school.json> [opties]

  --dry-run            laat zien wat er zou veranderen, maar sla niets op
  --endpoint <url>     Cosmos DB-endpoint (anders COSMOS_ENDPOINT)
  --key <sleutel>      Cosmos DB-sleutel (anders COSMOS_KEY; geen sleutel: je eigen Entra ID-aanmelding, az login)
  --database <naam>    database (anders COSMOS_DATABASE, standaard waakvlam)
  -h, --help           deze uitleg

Het instellingenbestand heeft de vorm van demo/school.json; docs/onboarding.md legt elk veld uit.
Zonder endpoint gaat de wijziging naar de ingebouwde database van de lokale bot die nu draait
(npm run dev of npm start zonder COSMOS_ENDPOINT). Draait er geen bot, dan wordt alleen gecontroleerd.`;

/** Who the audit log names for changes made with this command. */
export const CLI_AUTHOR = { actorId: 'cli:school-setup', actorRoles: ['cli'] };

class UsageError extends Error {}

interface Cli extends StoreTarget {
  file: string;
  dryRun: boolean;
}

function readCli(argv: string[], env: NodeJS.ProcessEnv): Cli | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...STORE_OPTIONS,
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (parsed.positionals.length !== 1)
    throw new UsageError('geef precies één instellingenbestand op (bijvoorbeeld school.json)');
  return {
    file: parsed.positionals[0],
    ...storeTarget(v, env, (m) => new UsageError(m)),
    dryRun: v['dry-run'] ?? false,
  };
}

const say = (line: string) => process.stderr.write(line + '\n');

function readJson(file: string): unknown {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`bestand niet gevonden: ${file}`);
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path.basename(file)} is geen geldig JSON-bestand (${(err as Error).message})`);
  }
}

/** Without a database: nothing stored yet (the school would be created), nothing written. */
const NO_DATABASE: SchoolSettingsPort = {
  getSchool: async () => undefined,
  saveSchool: async () => 'conflict',
  createSchool: async () => 'conflict',
};

const HEADLINE: Record<string, (name: string, id: string) => string> = {
  created: (n, id) => `School '${id}' (${n}) aangemaakt.`,
  updated: (n, id) => `School '${id}' (${n}) bijgewerkt.`,
  unchanged: (n, id) => `School '${id}' (${n}) is al zo ingesteld: niets gewijzigd.`,
  'would-create': (n, id) =>
    `Proefdraai (--dry-run): school '${id}' (${n}) zou worden aangemaakt. Er is niets opgeslagen.`,
  'would-update': (n, id) =>
    `Proefdraai (--dry-run): school '${id}' (${n}) zou worden bijgewerkt. Er is niets opgeslagen.`,
};

function report(outcome: SaveSettingsOutcome, name: string, id: string): string[] {
  if (!outcome.ok) {
    return [
      outcome.code === 'busy'
        ? `School '${id}' werd tegelijk door iemand anders gewijzigd; niets opgeslagen. Probeer het opnieuw.`
        : `School '${id}' niet opgeslagen (${outcome.code}).`,
    ];
  }
  const lines = [HEADLINE[outcome.status](name, id)];
  if (outcome.changes.length > 0 && outcome.status !== 'unchanged') {
    const isNew = outcome.status === 'created' || outcome.status === 'would-create';
    lines.push(
      isNew
        ? 'Instellingen:'
        : outcome.status === 'would-update'
          ? 'Zou wijzigen (oud → nieuw):'
          : 'Gewijzigd (oud → nieuw):',
    );
    for (const c of outcome.changes) lines.push(`  ${isNew ? `${c.field}: ${c.to}` : changeLine(c)}`);
  }
  return lines;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  configureLog('warn', (line) => process.stderr.write(line + '\n'));
  let cli: Cli | 'help';
  let raw: unknown;
  try {
    cli = readCli(argv, env);
    if (cli !== 'help') raw = readJson(cli.file);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    say(`Fout: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (cli === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const parsed = parseSettingsFile(raw);
  if (!parsed.ok) {
    say(
      `${path.basename(cli.file)} bevat ${parsed.issues.length === 1 ? 'een fout' : `${parsed.issues.length} fouten`}; er is niets opgeslagen.`,
    );
    for (const issue of parsed.issues) say(`  - ${issueLine(issue)}`);
    return 1;
  }
  const settings = settingsFromFile(parsed.file);
  if (!settings.holidayRegion)
    say(
      'Let op: holidayRegion ontbreekt; zonder vakantieregio tellen de schoolvakanties als schooldag (kies noord, midden of zuid).',
    );
  if (cli.local?.found)
    say(
      `Geen COSMOS_ENDPOINT: de school gaat naar de ingebouwde database van de lokale bot die nu draait (proces ${cli.local.info.pid}, ${cli.local.info.endpoint}).`,
    );

  let cosmos: CosmosStore | undefined;
  try {
    let port = NO_DATABASE;
    let audit: AuditRepository | { record: () => Promise<void> } = { record: async () => undefined };
    if (cli.endpoint) {
      cosmos = await openTarget({ ...cli, endpoint: cli.endpoint });
      port = new DirectoryRepository(new DocStore(cosmos.containers.directory));
      audit = new AuditRepository(new DocStore(cosmos.containers.audit), () => new Date());
    }
    const outcome = await saveSchoolSettings(port, audit, settings, {
      author: CLI_AUTHOR,
      dryRun: cli.dryRun || !cosmos,
    });
    const lines = report(outcome, settings.name, settings.schoolId);
    if (!cosmos) {
      lines.push(noDatabaseLine(cli, 'het bestand is alleen gecontroleerd.'));
    } else if (outcome.ok && (outcome.status === 'created' || outcome.status === 'would-create')) {
      lines.push(
        `Volgende stap: het rooster, met npm run roster:import -- --school ${settings.schoolId} <leerlingen.csv> <personeel.csv>`,
      );
    }
    process.stdout.write(lines.join('\n') + '\n');
    return outcome.ok ? 0 : 1;
  } finally {
    cosmos?.client.dispose();
  }
}

runAsScript(module, main, 'Inrichten mislukt');
