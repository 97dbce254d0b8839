import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configureLog } from '../../src/log';
import { openCosmos, type CosmosStore } from '../../src/store/cosmos';
import { DirectoryRepository } from '../../src/store/directory-repository';
import { DocStore } from '../../src/store/doc-store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/store/embedded-cosmos';
import { RosterRepository } from '../../src/store/roster-repository';
import { SchoolDocSchema } from '../../src/store/schemas/directory-docs';
import { main } from '../../scripts/roster-import';
import { cliRunners } from '../support/cli-run';
import { BASE_PUPILS, BASE_STAFF, MENTOR_B, PUPIL_HEADER, pupilsCsv, staffCsv } from './roster-test-kit';

/**
 * The command line against files on disk: a few runs as `npm run roster:import` runs it (tsx,
 * a child process), the rest through its `main` in this process (much faster).
 */
const { cli, inProcess, root: ROOT } = cliRunners('roster-import.ts', main);
const FIX = path.join(__dirname, 'fixtures');

jest.setTimeout(60_000);

let dir: string;
/**
 * A pupils file as Excel's plain "CSV" saves it on Dutch Windows: é, ë, ï and ü as single
 * Windows-1252 bytes (0xE9, 0xEB, 0xEF, 0xFC), written byte by byte, not by the editor.
 */
const ANSI_PUPILS = Buffer.concat([
  Buffer.from(`${PUPIL_HEADER}\r\n1001;Chlo`, 'ascii'),
  Buffer.from([0xeb]),
  Buffer.from(';;Jansen;1A;\r\n1002;Ren', 'ascii'),
  Buffer.from([0xe9]),
  Buffer.from(';;M', 'ascii'),
  Buffer.from([0xfc]),
  Buffer.from('ller;1A;\r\n1003;Ma', 'ascii'),
  Buffer.from([0xef]),
  Buffer.from('a;van;Dijk;1B;\r\n', 'ascii'),
]);
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'roster-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('roster:import without a database', () => {
  it('is wired as the npm script', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts['roster:import']).toBe('tsx scripts/roster-import.ts');
  });

  it('checks the files, recognised by header in any order, and explains that nothing is stored', async () => {
    const run = await cli([
      '--school',
      'demo-school',
      path.join(FIX, 'staff-somtoday.csv'),
      path.join(FIX, 'pupils-magister.csv'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Proefdraai: er is niets opgeslagen.');
    expect(run.stdout).toContain('Leerlingen (pupils-magister.csv): 6 regels; zou worden: 6 nieuw');
    expect(run.stdout).toContain('Personeel (staff-somtoday.csv): 4 regels; zou worden: 4 nieuw');
    expect(run.stdout).toMatch(/Geen database opgegeven/);
    expect(run.stdout).toMatch(/laadt het demorooster .* zelf bij het starten/);
  });

  it('exits 1 and lists rejected rows with line and reason', async () => {
    const run = await inProcess(['--school', 'x', path.join(FIX, 'pupils-bad.csv'), path.join(FIX, 'staff-bad.csv')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Niets geïmporteerd');
    expect(run.stdout).toContain('pupils-bad.csv regel 3: leerlingnummer ontbreekt');
    expect(run.stdout).toContain("staff-bad.csv regel 4: onbekende rol 'conciërge'");
    expect(run.stdout).toContain('--allow-partial');
  });

  it('exits 0 on the same files with --allow-partial', async () => {
    const run = await inProcess([
      '--school',
      'x',
      '--allow-partial',
      path.join(FIX, 'pupils-bad.csv'),
      path.join(FIX, 'staff-bad.csv'),
    ]);
    expect(run.code).toBe(0);
  });

  it.each([
    ['no --school', ['a.csv']],
    ['no file', ['--school', 'x']],
    ['an unknown option', ['--school', 'x', '--bot', 'http://127.0.0.1:3978', 'a.csv']],
    ['a missing file', ['--school', 'x', '/nonexistent/pupils.csv']],
    ['three files', ['--school', 'x', 'a', 'b', 'c']],
  ])('exits 2 on %s', async (_what, args) => {
    const run = await inProcess(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Fout: /);
  });

  it('exits 2 on a file that is not a roster file, and on two pupils files', async () => {
    const other = file('other.csv', 'foo;bar\n1;2\n');
    expect((await inProcess(['--school', 'x', other])).code).toBe(2);
    const p = path.join(FIX, 'pupils-magister.csv');
    const twice = await inProcess(['--school', 'x', p, p]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/tweede leerlingenbestand/);
  });

  it('reads an ANSI (Windows-1252) export and says in the report which encoding each file was read in', async () => {
    const ansi = path.join(dir, 'leerlingen-ansi.csv');
    writeFileSync(ansi, ANSI_PUPILS);
    const staff = file('personeel-utf8.csv', staffCsv(...BASE_STAFF));
    const run = await inProcess(['--school', 'x', ansi, staff]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Leerlingen (leerlingen-ansi.csv): 3 regels; zou worden: 3 nieuw');
    expect(run.stdout).toContain('Tekenset: personeel-utf8.csv UTF-8; leerlingen-ansi.csv Windows-1252');
  });

  it('refuses a file that is neither UTF-8 nor Windows-1252 (Excel\'s UTF-16 "Unicode text") and imports nothing', async () => {
    const utf16 = path.join(dir, 'leerlingen-utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pupilsCsv(...BASE_PUPILS), 'utf16le')]));
    const run = await inProcess(['--school', 'x', utf16]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Niets geïmporteerd: een bestand is niet te gebruiken.');
    expect(run.stdout).toContain('geen UTF-8 en ook geen Windows-1252');
  });

  it('shows progress on a large file on stderr', async () => {
    const big = file(
      'big.csv',
      'leerlingnummer;voornaam;achternaam;klas\n' +
        Array.from({ length: 1200 }, (_, i) => `${i + 1};V;A;1a`).join('\n'),
    );
    const run = await inProcess(['--school', 'x', '--progress', '500', big]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('big.csv: 500 regels gelezen…');
    expect(run.stderr).toContain('big.csv: 1.000 regels gelezen…');
    expect(run.stdout).not.toContain('regels gelezen');
  });
});

describe('roster:import into a database', () => {
  let server: EmbeddedCosmos;
  let cosmos: CosmosStore;
  const database = 'roster-cli-test';

  beforeAll(async () => {
    configureLog('silent');
    server = await startEmbeddedCosmos();
    cosmos = await openCosmos({ endpoint: server.endpoint, key: server.key, databaseId: database, selfSigned: true });
    await new DirectoryRepository(new DocStore(cosmos.containers.directory)).saveSchool(
      SchoolDocSchema.parse({
        id: 'school',
        type: 'school',
        schoolId: 'cli-school',
        name: 'CLI College',
        region: 'Test',
        tenantId: 't',
      }),
    );
  });
  afterAll(async () => {
    cosmos?.client.dispose();
    await server?.close();
  });

  const target = () => ['--endpoint', server.endpoint, '--key', server.key, '--database', database];

  it('writes the roster and reports it; a second run changes nothing', async () => {
    const pupils = file('leerlingen.csv', pupilsCsv(...BASE_PUPILS));
    const staff = file('personeel.csv', staffCsv(...BASE_STAFF));
    const run = await cli(['--school', 'cli-school', ...target(), pupils, staff]);
    expect(run.stderr).not.toMatch(/Fout|mislukt/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Rooster geïmporteerd.');
    expect(run.stdout).toContain(
      'Leerlingen (leerlingen.csv): 4 regels; 4 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 als vertrokken gemarkeerd, 0 afgekeurd',
    );
    const roster = RosterRepository.on(cosmos);
    const stored = await roster.listPupils('cli-school');
    expect(stored).toHaveLength(4);
    expect(stored.find((p) => p.doc.pupilNumber === '1003')!.doc.mentorId).toBe(MENTOR_B.id);

    const again = await inProcess(['--school', 'cli-school', ...target(), staff, pupils]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('4 regels; 0 nieuw, 0 bijgewerkt, 4 ongewijzigd');
    expect(again.stdout).toContain('0 document(en) geschreven.');
  });

  it('reads the endpoint from COSMOS_ENDPOINT and honours --dry-run', async () => {
    const pupils = file('nieuw.csv', pupilsCsv(...BASE_PUPILS, '1099;Nieuw;;Kind;1A;'));
    const run = await inProcess(['--school', 'cli-school', '--database', database, '--dry-run', pupils], {
      COSMOS_ENDPOINT: server.endpoint,
      COSMOS_KEY: server.key,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('zou worden: 1 nieuw, 0 bijgewerkt, 4 ongewijzigd');
    expect(await RosterRepository.on(cosmos).listPupils('cli-school')).toHaveLength(4);
  });

  it('stores the names of a Windows-1252 file as they are written (é, ë, ï, ü)', async () => {
    await new DirectoryRepository(new DocStore(cosmos.containers.directory)).saveSchool(
      SchoolDocSchema.parse({
        id: 'school',
        type: 'school',
        schoolId: 'ansi-school',
        name: 'ANSI College',
        region: 'Test',
        tenantId: 't',
      }),
    );
    const ansi = path.join(dir, 'ansi.csv');
    writeFileSync(ansi, ANSI_PUPILS);
    const run = await inProcess(['--school', 'ansi-school', ...target(), ansi]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tekenset: ansi.csv Windows-1252');
    const names = (await RosterRepository.on(cosmos).listPupils('ansi-school'))
      .map((p) => `${p.doc.firstName} ${p.doc.lastName}`)
      .sort();
    expect(names).toEqual(['Chlo\u00eb Jansen', 'Ma\u00efa Dijk', 'Ren\u00e9 M\u00fcller']);
  });

  it('exits 2 for a school that is not set up', async () => {
    const run = await inProcess(['--school', 'geen-school', ...target(), path.join(FIX, 'pupils-magister.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/school 'geen-school' bestaat niet/);
  });
});
