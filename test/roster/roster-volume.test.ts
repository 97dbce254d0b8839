import { writeFileSync } from 'node:fs';
import { importRoster, type RosterImportReport } from '../../src/app/roster/import-roster';
import { parsePupilsCsv, parseStaffCsv, type ParsedPupils, type ParsedStaff } from '../../src/app/roster/parse-roster';
import { fixedClock } from '../../src/domain/clock';
import { configureLog } from '../../src/log';
import { openRepositories, type Repositories } from '../../src/store';
import { RosterRepository } from '../../src/store/roster-repository';
import { LATER, NOW, PUPIL_HEADER, STAFF_HEADER } from './roster-test-kit';

/**
 * A 5,000-pupil school (200 classes, 200 mentors) imported into the embedded Cosmos server.
 * The timings go to stderr at the end (and to the ROSTER_TIMINGS file when that is set).
 */
const PUPILS = 5000;
const CLASSES = 200;
const PREFIXES = ['', 'van', 'de', 'van der', "van 't", 'ter'];

const guid = (i: number) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const mentorUpn = (c: number) => `mentor${c}@groot.example`;
const className = (c: number) =>
  `${1 + (c % 6)}${String.fromCharCode(97 + (Math.floor(c / 6) % 26))}${Math.floor(c / 156) || ''}`;

function staffFile(): string {
  const rows = Array.from(
    { length: CLASSES },
    (_, c) => `Mentor ${c};${mentorUpn(c)};docent|mentor;${className(c)};${guid(c + 1)}`,
  );
  return [STAFF_HEADER, ...rows, `Preventie Werker;pw@groot.example;preventiewerker;;${guid(9999)}`].join('\r\n');
}

function pupilsFile(edit: (i: number) => string | undefined = () => undefined): string {
  const rows: string[] = [];
  for (let i = 0; i < PUPILS; i++) {
    const c = i % CLASSES;
    const row =
      edit(i) ??
      `${300000 + i};Leerling${i};${PREFIXES[i % PREFIXES.length]};Achternaam${i};${className(c)};${mentorUpn(c)}`;
    if (row !== '') rows.push(row);
  }
  return '\ufeff' + [PUPIL_HEADER, ...rows].join('\r\n');
}

let repos: Repositories;
let port: RosterRepository;
const timings: Record<string, number> = {};

beforeAll(async () => {
  configureLog('silent');
  repos = await openRepositories({ databaseId: 'roster-volume-test', clock: fixedClock(NOW) });
  port = RosterRepository.on(repos.cosmos);
});

afterAll(async () => {
  await repos?.close();
  const line = `roster import timings (ms): ${JSON.stringify(timings)}\n`;
  process.stderr.write(line);
  if (process.env.ROSTER_TIMINGS) writeFileSync(process.env.ROSTER_TIMINGS, JSON.stringify(timings, null, 2));
});

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[name] = Math.round(performance.now() - start);
  return result;
}

async function parseBoth(pupilsText: string): Promise<{ pupils: ParsedPupils; staff: ParsedStaff }> {
  const [pupils, staff] = await Promise.all([parsePupilsCsv(pupilsText), parseStaffCsv(staffFile())]);
  if (pupils.kind !== 'pupils' || staff.kind !== 'staff') throw new Error('fixture not recognised');
  return { pupils, staff };
}

describe('a 5,000-pupil school', () => {
  const school = 'groot-college';

  it('parses and imports 5,000 pupils and 201 staff into the embedded server well within 30 s', async () => {
    let progressCalls = 0;
    const parsed = await timed('parse', () => parseBoth(pupilsFile()));
    expect(parsed.pupils.rows).toHaveLength(PUPILS);
    expect(parsed.pupils.rejected).toEqual([]);
    const report: RosterImportReport = await timed('firstImport', () =>
      importRoster(port, { schoolId: school, ...parsed, now: NOW, onProgress: () => (progressCalls += 1) }),
    );
    timings.parseAndFirstImport = timings.parse + timings.firstImport;
    expect(report.outcome).toBe('imported');
    expect(report.pupils).toMatchObject({ created: PUPILS, updated: 0, markedLeft: 0 });
    expect(report.staff).toMatchObject({ created: CLASSES + 1 });
    expect(report.warnings).toEqual([]);
    expect(report.written).toBe(PUPILS + CLASSES + 1);
    expect(progressCalls).toBe(Math.ceil((PUPILS + CLASSES + 1) / 100));
    expect(timings.parseAndFirstImport).toBeLessThan(30_000);

    const stored = await port.listPupils(school);
    expect(stored).toHaveLength(PUPILS);
    expect(stored.find((p) => p.doc.pupilNumber === '300003')!.doc).toMatchObject({
      lastNamePrefix: 'van der',
      mentorId: guid(4),
    });
  });

  it('re-imports the same file writing nothing', async () => {
    const parsed = await parseBoth(pupilsFile());
    const report = await timed('unchangedReimport', () =>
      importRoster(port, { schoolId: school, ...parsed, now: LATER }),
    );
    expect(report.written).toBe(0);
    expect(report.pupils).toMatchObject({ unchanged: PUPILS });
  });

  it('re-imports with 100 class changes and 100 leavers, writing only those', async () => {
    const parsed = await parseBoth(
      pupilsFile((i) => {
        if (i < 100) return ''; // left
        if (i >= 1000 && i < 1100)
          return `${300000 + i};Leerling${i};${PREFIXES[i % PREFIXES.length]};Achternaam${i};${className((i + 1) % CLASSES)};${mentorUpn((i + 1) % CLASSES)}`;
        return undefined;
      }),
    );
    const report = await timed('changedReimport', () =>
      importRoster(port, { schoolId: school, ...parsed, now: LATER }),
    );
    expect(report.pupils).toMatchObject({ created: 0, updated: 100, markedLeft: 100, unchanged: PUPILS - 200 });
    expect(report.written).toBe(200);
    expect((await port.listPupils(school)).filter((p) => p.doc.leftAt)).toHaveLength(100);
  });
});
