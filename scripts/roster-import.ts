/**
 * `npm run roster:import`: imports a school's roster (pupils and staff CSV files as exported by
 * the pupil administration) into the Cosmos database, with a report of what changed.
 *
 *   npm run roster:import -- --school <id> [--allow-partial] [--dry-run] <pupils.csv> <staff.csv>
 *   npm run roster:import -- --school <id> --endpoint https://….documents.azure.com --key … <files>
 *
 * The database: --endpoint/--key/--database, else COSMOS_ENDPOINT/COSMOS_KEY/COSMOS_DATABASE.
 * A loopback endpoint (the Cosmos emulator, https://localhost:8081) may use a self-signed
 * certificate. Without any endpoint: the store of the local bot that runs now (`npm run dev` /
 * `npm start` without COSMOS_ENDPOINT: the embedded store in the bot's process, which publishes
 * its loopback endpoint in .localdata/embedded-store.json, or WAAKVLAM_LOCAL_STORE_FILE). With no
 * bot running there is no database to write to: the files are then only checked (a dry run).
 *
 * Files are recognised by their header, in any order; one file alone imports only that kind.
 * Progress goes to stderr, the report to stdout. Exit code 0: imported (or checked) without
 * rejected rows, or with --allow-partial; 1: rows rejected, a file unusable, or a conflict;
 * 2: wrong usage (unknown option, missing file, unrecognised file, unknown school).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importRoster, type RosterImportReport } from '../src/app/roster/import-roster';
import {
  KIND_LABEL,
  parseRosterCsv,
  type ParsedPupils,
  type ParsedStaff,
  type RosterIssue,
} from '../src/app/roster/parse-roster';
import type { RosterPort } from '../src/app/roster/roster-port';
import { formatRosterReport, issueLine } from '../src/app/roster/roster-report';
import { configureLog } from '../src/log';
import type { CosmosStore } from '../src/store/cosmos';
import { DirectoryRepository } from '../src/store/directory-repository';
import { DocStore } from '../src/store/doc-store';
import { RosterRepository } from '../src/store/roster-repository';
import {
  STORE_OPTIONS,
  noDatabaseLine,
  openTarget,
  runAsScript,
  storeTarget,
  type StoreTarget,
} from './cli-store-target';

const USAGE = `Gebruik: npm run roster:import -- --school <id> [opties] <leerlingen.csv> [<personeel.csv>]

  --school <id>        de school (schoolId) waarvoor het rooster geldt (verplicht)
  --endpoint <url>     Cosmos DB-endpoint (anders COSMOS_ENDPOINT)
  --key <sleutel>      Cosmos DB-sleutel (anders COSMOS_KEY; geen sleutel: je eigen Entra ID-aanmelding, az login)
  --database <naam>    database (anders COSMOS_DATABASE, standaard waakvlam)
  --allow-partial      importeer de goede regels ook als er regels zijn afgekeurd
  --dry-run            controleer en rapporteer, maar sla niets op
  --progress <n>       voortgang elke n regels (standaard 500; 0 = uit)
  -h, --help           deze uitleg

Bestanden worden herkend aan hun kopregel (leerlingnummer/stamnummer of rollen/upn/entra_id).
Zonder endpoint gaat de import naar de ingebouwde database van de lokale bot die nu draait
(npm run dev of npm start zonder COSMOS_ENDPOINT). Draait er geen bot, dan wordt alleen gecontroleerd.`;

class UsageError extends Error {}

interface Cli extends StoreTarget {
  schoolId: string;
  files: string[];
  allowPartial: boolean;
  dryRun: boolean;
  progressEvery: number;
}

function readCli(argv: string[], env: NodeJS.ProcessEnv): Cli | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        school: { type: 'string' },
        ...STORE_OPTIONS,
        'allow-partial': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        progress: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (!v.school) throw new UsageError('--school ontbreekt');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(v.school))
    throw new UsageError(`--school '${v.school}': alleen letters, cijfers, - en _`);
  if (parsed.positionals.length === 0) throw new UsageError('geef een leerlingen- en/of personeelsbestand op');
  if (parsed.positionals.length > 2)
    throw new UsageError('geef hooguit twee bestanden op: één leerlingen- en één personeelsbestand');
  const progressEvery = v.progress === undefined ? 500 : Number(v.progress);
  if (!Number.isInteger(progressEvery) || progressEvery < 0)
    throw new UsageError('--progress verwacht een geheel getal ≥ 0');
  return {
    schoolId: v.school,
    files: parsed.positionals,
    ...storeTarget(v, env, (m) => new UsageError(m)),
    allowPartial: v['allow-partial'] ?? false,
    dryRun: v['dry-run'] ?? false,
    progressEvery,
  };
}

const say = (line: string) => process.stderr.write(line + '\n');
const nl = new Intl.NumberFormat('nl-NL');

async function parseFiles(cli: Cli): Promise<{ pupils?: ParsedPupils; staff?: ParsedStaff; unusable: RosterIssue[] }> {
  const out: { pupils?: ParsedPupils; staff?: ParsedStaff; unusable: RosterIssue[] } = { unusable: [] };
  for (const file of cli.files) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`bestand niet gevonden: ${file}`);
    const name = path.basename(file);
    const parsed = await parseRosterCsv(fs.createReadStream(file), {
      fileName: name,
      progressEvery: cli.progressEvery,
      onProgress: (p) => {
        if (!p.done) say(`${name}: ${nl.format(p.rows)} regels gelezen…`);
      },
    });
    if (parsed.kind === 'unknown') {
      if (parsed.cause === 'header')
        throw new UsageError(
          `${name} is geen leerlingen- of personeelsbestand: ${parsed.fileErrors.map(issueLine).join('; ')}`,
        );
      out.unusable.push(...parsed.fileErrors);
      continue;
    }
    if (out[parsed.kind])
      throw new UsageError(`${name} is een tweede ${KIND_LABEL[parsed.kind]} (na ${out[parsed.kind]!.fileName})`);
    say(
      `${name}: ${KIND_LABEL[parsed.kind]}, ${nl.format(parsed.dataRows)} regels, ${nl.format(parsed.rejected.length)} afgekeurd`,
    );
    if (parsed.kind === 'pupils') out.pupils = parsed;
    else out.staff = parsed;
  }
  return out;
}

/** Without a database: nothing stored yet, nothing to write (every row counts as new). */
const NO_DATABASE: RosterPort = {
  listStaff: async () => [],
  listPupils: async () => [],
  writeBatch: async () => {
    throw new Error('No database to write to');
  },
};

async function connect(cli: Cli): Promise<{ port: RosterPort; cosmos?: CosmosStore }> {
  if (!cli.endpoint) return { port: NO_DATABASE };
  const cosmos = await openTarget({ ...cli, endpoint: cli.endpoint });
  const school = await new DirectoryRepository(new DocStore(cosmos.containers.directory)).getSchool(cli.schoolId);
  if (!school) {
    cosmos.client.dispose();
    throw new UsageError(
      `school '${cli.schoolId}' bestaat niet in database ${cli.database}${cli.local?.found ? ' van de lokale bot' : ''}; richt de school eerst in`,
    );
  }
  return { port: RosterRepository.on(cosmos), cosmos };
}

function exitCodeOf(report: RosterImportReport): number {
  return report.outcome === 'imported' || report.outcome === 'dry-run' ? 0 : 1;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  configureLog('warn', (line) => process.stderr.write(line + '\n'));
  let cli: Cli | 'help';
  try {
    cli = readCli(argv, env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    say(`Fout: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (cli === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const started = performance.now();
  let cosmos: CosmosStore | undefined;
  if (cli.local?.found)
    say(
      `Geen COSMOS_ENDPOINT: import in de ingebouwde database van de lokale bot die nu draait (proces ${cli.local.info.pid}, ${cli.local.info.endpoint}).`,
    );
  try {
    const files = await parseFiles(cli);
    const connection = await connect(cli);
    cosmos = connection.cosmos;
    const dryRun = cli.dryRun || !cosmos;
    const report = await importRoster(connection.port, {
      schoolId: cli.schoolId,
      pupils: files.pupils,
      staff: files.staff,
      unusable: files.unusable,
      now: new Date(),
      allowPartial: cli.allowPartial,
      dryRun,
      onProgress: (p) => {
        // Batches hold 100 documents: print about every --progress documents, and the last one.
        const step = Math.max(cli.progressEvery, 100);
        if (
          cli.progressEvery > 0 &&
          (p.written === p.total || Math.floor(p.written / step) > Math.floor((p.written - 100) / step))
        ) {
          say(`opgeslagen: ${nl.format(p.written)} van ${nl.format(p.total)}`);
        }
      },
    });
    const lines = [formatRosterReport(report, { partialHint: 'importeer alleen de goede regels met --allow-partial' })];
    if (!cosmos) {
      lines.push(
        noDatabaseLine(cli, 'de bestanden zijn alleen gecontroleerd, alsof de school nog leeg is.'),
        'Importeren in de lokale bot: start hem eerst (npm run dev of npm start, zonder COSMOS_ENDPOINT) en voer dit commando dan opnieuw uit in een tweede terminal. De bot laadt het demorooster (demo/roster) zelf bij het starten; een nieuwe import werkt het bij.',
      );
    }
    const ms = performance.now() - started;
    lines.push(
      ms < 1000
        ? `Klaar in ${Math.round(ms)} ms.`
        : `Klaar in ${(ms / 1000).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s.`,
    );
    process.stdout.write(lines.join('\n') + '\n');
    return exitCodeOf(report);
  } catch (err) {
    if (err instanceof UsageError) {
      say(`Fout: ${err.message}`);
      return 2;
    }
    throw err;
  } finally {
    cosmos?.client.dispose();
  }
}

runAsScript(module, main, 'Import mislukt');
