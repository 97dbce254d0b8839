import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configureLog } from '../../src/log';
import { AuditRepository } from '../../src/store/audit-repository';
import { openCosmos, type CosmosStore } from '../../src/store/cosmos';
import { DirectoryRepository } from '../../src/store/directory-repository';
import { DocStore } from '../../src/store/doc-store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/store/embedded-cosmos';
import { main } from '../../scripts/school-setup';
import { cliRunners } from '../support/cli-run';

/** The command line against settings files on disk: once as `npm run school:setup` runs it (tsx), the rest through `main`. */
const { cli, inProcess, root: ROOT } = cliRunners('school-setup.ts', main);
const DEMO = JSON.parse(readFileSync(path.join(ROOT, 'demo', 'school.json'), 'utf8'));

jest.setTimeout(60_000);

let dir: string;
/** A settings file: the demo school's, as another school, changed by `edit`. */
function settingsFile(name: string, edit: (f: any) => void = () => undefined): string {
  const f = JSON.parse(JSON.stringify(DEMO));
  f.id = 'het-lyceum';
  f.name = 'Het Lyceum';
  edit(f);
  const p = path.join(dir, name);
  writeFileSync(p, JSON.stringify(f, null, 2));
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'school-setup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('school:setup without a database', () => {
  it('is wired as the npm script', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts['school:setup']).toBe('tsx scripts/school-setup.ts');
  });

  it('exits 1 with every error in Dutch, each with its field, and stores nothing', async () => {
    const file = settingsFile('fout.json', (f) => {
      f.digest.time = '7.30';
      f.holidayRegion = 'oost';
      f.roundWindows['2026'][1].deadline = '2026-11-01';
    });
    const run = await cli([file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('fout.json bevat 3 fouten; er is niets opgeslagen.');
    expect(run.stderr).toContain('  - digest.time: verwacht UU:MM, bijvoorbeeld 08:00');
    expect(run.stderr).toContain('  - holidayRegion: verwacht noord, midden of zuid');
    expect(run.stderr).toContain('  - roundWindows.2026: de deadline ligt vóór de opening (opensOn) (meting 2)');
    expect(run.stdout).toBe('');
  });

  it('exits 2 for a file that is missing or not JSON', async () => {
    expect((await inProcess([path.join(dir, 'bestaat-niet.json')])).stderr).toContain('Fout: bestand niet gevonden');
    const broken = path.join(dir, 'kapot.json');
    writeFileSync(broken, '{ "id": ');
    const run = await inProcess([broken]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kapot.json is geen geldig JSON-bestand');
  });

  it('checks a good file and says that nothing was stored', async () => {
    const run = await inProcess([settingsFile('goed.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("school 'het-lyceum' (Het Lyceum) zou worden aangemaakt");
    expect(run.stdout).toContain('het bestand is alleen gecontroleerd');
  });
});

describe('school:setup into a database', () => {
  let server: EmbeddedCosmos;
  let cosmos: CosmosStore;
  let directory: DirectoryRepository;
  const database = 'school-setup-cli-test';
  const target = () => ['--endpoint', server.endpoint, '--key', server.key, '--database', database];

  beforeAll(async () => {
    configureLog('silent');
    server = await startEmbeddedCosmos();
    cosmos = await openCosmos({ endpoint: server.endpoint, key: server.key, databaseId: database, selfSigned: true });
    directory = new DirectoryRepository(new DocStore(cosmos.containers.directory));
  });
  afterAll(async () => {
    cosmos?.client.dispose();
    await server?.close();
  });

  it('creates the school, prints its settings and audits the command line as the author', async () => {
    const run = await cli([settingsFile('lyceum.json'), ...target()]);
    expect(run.stderr).not.toMatch(/Fout|mislukt/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("School 'het-lyceum' (Het Lyceum) aangemaakt.");
    expect(run.stdout).toContain('  digest.time: 07:30');
    expect(run.stdout).toContain('npm run roster:import -- --school het-lyceum');
    const school = (await directory.getSchool('het-lyceum'))!.doc;
    expect(school).toMatchObject({
      name: 'Het Lyceum',
      digest: { weekday: 1, time: '07:30' },
      notifyAttendanceOfficer: true,
      holidayRegion: DEMO.holidayRegion,
    });
    const audit = await new AuditRepository(new DocStore(cosmos.containers.audit), () => new Date()).forSchool(
      'het-lyceum',
      'school.settings',
    );
    expect(audit).toEqual([expect.objectContaining({ actorId: 'cli:school-setup', outcome: 'ok', code: 'created' })]);
  });

  it('shows old → new with --dry-run and writes nothing', async () => {
    const file = settingsFile('lyceum-later.json', (f) => {
      f.digest.time = '08:15';
      f.channelPostDetail = 'initialsAndClass';
    });
    const run = await inProcess([file, ...target(), '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('zou worden bijgewerkt. Er is niets opgeslagen.');
    expect(run.stdout).toContain('  digest.time: 07:30 → 08:15');
    expect(run.stdout).toContain('  channelPostDetail: minimal → initialsAndClass');
    expect((await directory.getSchool('het-lyceum'))!.doc.digest.time).toBe('07:30');
  });

  it('updates only what changed, keeps a linked channel, audits old → new, and a second run changes nothing', async () => {
    const before = (await directory.getSchool('het-lyceum'))!;
    const link = {
      reference: {
        serviceUrl: 'https://smba.example/',
        channelId: 'msteams',
        conversation: { id: '19:ot@thread.tacv2' },
        bot: { id: '28:bot' },
      },
      channelId: '19:ot@thread.tacv2',
      linkedBy: 'u1',
      linkedAt: '2026-11-01T10:00:00.000Z',
    };
    expect(await directory.saveSchool({ ...before.doc, channels: { ot: link } }, before.etag)).toBe('ok');

    const file = settingsFile('lyceum-later.json', (f) => (f.digest.time = '08:15'));
    const run = await inProcess([file, ...target()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("School 'het-lyceum' (Het Lyceum) bijgewerkt.");
    expect(run.stdout.trim().split('\n').slice(1)).toEqual([
      'Gewijzigd (oud → nieuw):',
      '  digest.time: 07:30 → 08:15',
    ]);
    const after = (await directory.getSchool('het-lyceum'))!.doc;
    expect(after.digest.time).toBe('08:15');
    expect(after.channels.ot?.channelId).toBe('19:ot@thread.tacv2');
    const audit = await new AuditRepository(new DocStore(cosmos.containers.audit), () => new Date()).forSchool(
      'het-lyceum',
      'school.settings',
    );
    expect(audit.at(-1)).toMatchObject({
      actorId: 'cli:school-setup',
      code: 'updated',
      changes: [{ field: 'digest.time', from: '07:30', to: '08:15' }],
    });

    const again = await inProcess([file, ...target()]);
    expect(again.stdout).toContain('is al zo ingesteld: niets gewijzigd.');
  });
});
