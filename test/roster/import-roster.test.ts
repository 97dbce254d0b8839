import { importRoster } from '../../src/app/roster/import-roster';
import type { RosterPort } from '../../src/app/roster/roster-port';
import { formatRosterReport } from '../../src/app/roster/roster-report';
import { fixedClock } from '../../src/domain/clock';
import { configureLog } from '../../src/log';
import { openRepositories, type Repositories } from '../../src/store';
import { RosterRepository } from '../../src/store/roster-repository';
import { PupilDocSchema, StaffDocSchema } from '../../src/store/schemas/directory-docs';
import {
  BASE_PUPILS,
  BASE_STAFF,
  LATER,
  MENTOR_A,
  MENTOR_B,
  NOW,
  WORKER,
  freshSchool,
  pupilsCsv,
  pupilsOf,
  staffCsv,
  staffOf,
} from './roster-test-kit';

let repos: Repositories;
let port: RosterRepository;

beforeAll(async () => {
  configureLog('silent');
  repos = await openRepositories({ databaseId: 'roster-import-test', clock: fixedClock(NOW) });
  port = RosterRepository.on(repos.cosmos);
});
afterAll(async () => {
  await repos?.close();
});

// The store adapter satisfies the use case's port as it is.
const asPort = (r: RosterRepository): RosterPort => r;

async function importBase(schoolId: string) {
  return importRoster(asPort(port), {
    schoolId,
    staff: await staffOf(staffCsv(...BASE_STAFF)),
    pupils: await pupilsOf(pupilsCsv(...BASE_PUPILS)),
    now: NOW,
  });
}

const pupilDocs = async (schoolId: string) =>
  new Map((await port.listPupils(schoolId)).map((p) => [p.doc.pupilNumber, p.doc]));
const staffDocs = async (schoolId: string) =>
  new Map((await port.listStaff(schoolId)).map((s) => [s.doc.upn ?? s.doc.userId, s.doc]));

describe('importRoster against the embedded Cosmos server', () => {
  it('imports staff and pupils, linking each pupil to their mentor', async () => {
    const school = freshSchool();
    const report = await importBase(school);
    expect(report.outcome).toBe('imported');
    expect(report.staff).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, markedLeft: 0, rejected: 0 });
    expect(report.pupils).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0, markedLeft: 0, rejected: 0 });
    expect(report.written).toBe(7);
    expect(report.warnings).toEqual([]);

    const pupils = await pupilDocs(school);
    expect(pupils.get('1003')).toEqual({
      id: 'pupil:1003',
      type: 'pupil',
      schoolId: school,
      pupilNumber: '1003',
      firstName: 'Noor',
      lastNamePrefix: 'van der',
      lastName: 'Heijden',
      classId: '1b',
      className: '1B',
      mentorId: MENTOR_B.id,
      updatedAt: NOW.toISOString(),
    });
    const staff = await staffDocs(school);
    expect(staff.get(WORKER.upn)).toEqual({
      id: `staff:${WORKER.id}`,
      type: 'staff',
      schoolId: school,
      userId: WORKER.id,
      upn: WORKER.upn,
      displayName: 'Petra Werker',
      roles: ['preventionWorker'],
      classIds: [],
    });
    // What the rest of the bot reads back through its own schemas.
    for (const p of pupils.values()) expect(() => PupilDocSchema.parse(p)).not.toThrow();
    for (const s of staff.values()) expect(() => StaffDocSchema.parse(s)).not.toThrow();
  });

  it('imports nothing from files with a rejected row, but says what would happen', async () => {
    const school = freshSchool();
    const report = await importRoster(port, {
      schoolId: school,
      staff: await staffOf(staffCsv(...BASE_STAFF, 'Rare Rol;r@school.example;conciërge;;')),
      pupils: await pupilsOf(pupilsCsv(...BASE_PUPILS, ';Geen;;Nummer;1A;')),
      now: NOW,
    });
    expect(report.outcome).toBe('rejected');
    expect(report.written).toBe(0);
    expect(report.rejected.map((r) => [r.fileName, r.line, r.reason])).toEqual([
      ['personeel.csv', 5, expect.stringMatching(/onbekende rol 'conciërge'/)],
      ['leerlingen.csv', 6, 'leerlingnummer ontbreekt'],
    ]);
    expect(report.pupils).toMatchObject({ created: 4, rejected: 1 });
    expect(await port.listPupils(school)).toEqual([]);
    expect(await port.listStaff(school)).toEqual([]);
    expect(formatRosterReport(report, { partialHint: 'gebruik --allow-partial' })).toContain(
      'Niets geïmporteerd: 2 regel(s) afgekeurd.',
    );
  });

  it('imports the valid rows with allowPartial', async () => {
    const school = freshSchool();
    const report = await importRoster(port, {
      schoolId: school,
      staff: await staffOf(staffCsv(...BASE_STAFF, 'Rare Rol;r@school.example;conciërge;;')),
      pupils: await pupilsOf(pupilsCsv(...BASE_PUPILS, '1005;Te;;Veel;1A;x@y.nl;a;b')),
      now: NOW,
      allowPartial: true,
    });
    expect(report.outcome).toBe('imported');
    expect(report.written).toBe(7);
    expect([...(await pupilDocs(school)).keys()].sort()).toEqual(['1001', '1002', '1003', '1004']);
    expect(formatRosterReport(report)).toContain('Rooster geïmporteerd zonder de 2 afgekeurde regel(s).');
  });

  it('writes nothing on a dry run', async () => {
    const school = freshSchool();
    const report = await importRoster(port, {
      schoolId: school,
      staff: await staffOf(staffCsv(...BASE_STAFF)),
      now: NOW,
      dryRun: true,
    });
    expect(report.outcome).toBe('dry-run');
    expect(report.staff).toMatchObject({ created: 3 });
    expect(await port.listStaff(school)).toEqual([]);
  });

  it('re-imports in place: changes updated, the rest untouched, leavers marked and never deleted', async () => {
    const school = freshSchool();
    await importBase(school);
    const before = new Map((await port.listPupils(school)).map((p) => [p.doc.pupilNumber, p.etag]));

    const report = await importRoster(port, {
      schoolId: school,
      staff: await staffOf(staffCsv(BASE_STAFF[0], BASE_STAFF[1])), // the prevention worker left
      pupils: await pupilsOf(
        pupilsCsv(
          BASE_PUPILS[0], // unchanged
          `1002;Daan;de;Boer;1B;${MENTOR_B.upn}`, // moved to 1B
          BASE_PUPILS[2], // unchanged
          // 1004 left the school
          `1005;Sem;van;Leeuwen;1A;${MENTOR_A.upn}`, // new
        ),
      ),
      now: LATER,
    });
    expect(report.outcome).toBe('imported');
    expect(report.pupils).toMatchObject({ created: 1, updated: 1, unchanged: 2, markedLeft: 1 });
    expect(report.staff).toMatchObject({ created: 0, updated: 0, unchanged: 2, markedLeft: 1 });
    expect(report.written).toBe(4);

    const after = await port.listPupils(school);
    const byNumber = new Map(after.map((p) => [p.doc.pupilNumber, p]));
    expect(after).toHaveLength(5);
    expect(byNumber.get('1002')!.doc).toMatchObject({
      classId: '1b',
      mentorId: MENTOR_B.id,
      updatedAt: LATER.toISOString(),
    });
    expect(byNumber.get('1004')!.doc).toMatchObject({ leftAt: LATER.toISOString(), firstName: 'Yusuf', classId: '1b' });
    expect(byNumber.get('1001')!.etag).toBe(before.get('1001')); // not rewritten
    expect(byNumber.get('1001')!.doc.updatedAt).toBe(NOW.toISOString());
    expect((await staffDocs(school)).get(WORKER.upn)).toMatchObject({
      leftAt: LATER.toISOString(),
      roles: ['preventionWorker'],
    });

    // The same file again changes nothing; a leaver stays marked with the original date.
    const again = await importRoster(port, {
      schoolId: school,
      staff: await staffOf(staffCsv(BASE_STAFF[0], BASE_STAFF[1])),
      pupils: await pupilsOf(
        pupilsCsv(
          BASE_PUPILS[0],
          `1002;Daan;de;Boer;1B;${MENTOR_B.upn}`,
          BASE_PUPILS[2],
          `1005;Sem;van;Leeuwen;1A;${MENTOR_A.upn}`,
        ),
      ),
      now: new Date('2027-02-01T08:00:00Z'),
    });
    expect(again.written).toBe(0);
    expect(again.pupils).toMatchObject({ created: 0, updated: 0, unchanged: 4, markedLeft: 0 });
    expect((await pupilDocs(school)).get('1004')!.leftAt).toBe(LATER.toISOString());
  });

  it('takes back a pupil who returns', async () => {
    const school = freshSchool();
    await importBase(school);
    await importRoster(port, {
      schoolId: school,
      pupils: await pupilsOf(pupilsCsv(...BASE_PUPILS.slice(0, 3))),
      now: NOW,
    });
    expect((await pupilDocs(school)).get('1004')!.leftAt).toBeDefined();
    const report = await importRoster(port, {
      schoolId: school,
      pupils: await pupilsOf(pupilsCsv(...BASE_PUPILS)),
      now: LATER,
    });
    expect(report.pupils).toMatchObject({ updated: 1, unchanged: 3 });
    expect((await pupilDocs(school)).get('1004')!.leftAt).toBeUndefined();
  });

  it('does not mark someone on a rejected row as left (allowPartial)', async () => {
    const school = freshSchool();
    await importBase(school);
    const report = await importRoster(port, {
      schoolId: school,
      pupils: await pupilsOf(pupilsCsv(BASE_PUPILS[0], BASE_PUPILS[1], BASE_PUPILS[2], '1004;Yusuf;el;Idrissi;;')), // 1004 lost its class
      now: LATER,
      allowPartial: true,
    });
    expect(report.pupils).toMatchObject({ rejected: 1, markedLeft: 0, unchanged: 3 });
    expect((await pupilDocs(school)).get('1004')).toMatchObject({ classId: '1b' });
    expect((await pupilDocs(school)).get('1004')!.leftAt).toBeUndefined();
  });

  it('marks no leavers at all when a rejected row cannot be tied to a pupil', async () => {
    const school = freshSchool();
    await importBase(school);
    const report = await importRoster(port, {
      schoolId: school,
      pupils: await pupilsOf(pupilsCsv(BASE_PUPILS[0], ';Wie;;Ben;1A;')),
      now: LATER,
      allowPartial: true,
    });
    expect(report.pupils).toMatchObject({ markedLeft: 0, leaversSkipped: true });
    expect(report.warnings.map((w) => w.reason)).toContain(
      'vertrokken leerlingen zijn niet gemarkeerd: 1 afgekeurde regel(s) zonder leerlingnummer, dus niet te zeggen wie ontbreekt',
    );
    expect([...(await pupilDocs(school)).values()].filter((p) => p.leftAt)).toEqual([]);
  });

  it('warns about a mentor who is not in the staff file and imports the pupil without a mentor', async () => {
    const school = freshSchool();
    const report = await importRoster(port, {
      schoolId: school,
      staff: await staffOf(staffCsv(...BASE_STAFF)),
      pupils: await pupilsOf(
        pupilsCsv(
          BASE_PUPILS[0],
          '1009;Fenna;;Dekker;1A;onbekend@school.example',
          `1010;Bram;;Wouters;1A;${WORKER.upn}`,
        ),
      ),
      now: NOW,
    });
    expect(report.outcome).toBe('imported');
    expect(report.rejected).toEqual([]);
    expect(report.warnings.map((w) => [w.line, w.reason])).toEqual([
      [
        3,
        'mentor onbekend@school.example staat niet in het personeelsbestand (personeel.csv); leerling geïmporteerd zonder mentor',
      ],
      [4, `mentor ${WORKER.upn} heeft in het personeelsbestand (personeel.csv) geen rol mentor`],
    ]);
    const pupils = await pupilDocs(school);
    expect(pupils.get('1009')!.mentorId).toBeUndefined();
    expect(pupils.get('1010')!.mentorId).toBe(WORKER.id);
  });

  it('imports a pupils file alone against the staff already stored, leaving staff alone', async () => {
    const school = freshSchool();
    await importRoster(port, { schoolId: school, staff: await staffOf(staffCsv(...BASE_STAFF)), now: NOW });
    const report = await importRoster(port, {
      schoolId: school,
      pupils: await pupilsOf(pupilsCsv(...BASE_PUPILS)),
      now: NOW,
    });
    expect(report.staff).toBeUndefined();
    expect(report.warnings).toEqual([]);
    expect((await pupilDocs(school)).get('1001')!.mentorId).toBe(MENTOR_A.id);
    expect([...(await staffDocs(school)).values()].filter((s) => s.leftAt)).toEqual([]);
  });

  it('keeps stored mentors when the pupils file has no mentor column', async () => {
    const school = freshSchool();
    await importBase(school);
    const report = await importRoster(port, {
      schoolId: school,
      pupils: await pupilsOf(
        'leerlingnummer;voornaam;tussenvoegsel;achternaam;klas\n1001;Chloë;;Jansen;1A\n1002;Daan;de;Boer;1A\n1003;Noor;van der;Heijden;1B\n1004;Yusuf;el;Idrissi;1B',
      ),
      now: LATER,
    });
    expect(report.pupils).toMatchObject({ unchanged: 4 });
    expect((await pupilDocs(school)).get('1003')!.mentorId).toBe(MENTOR_B.id);
  });

  it('keeps the Entra id of staff matched by UPN when the new file has no entra_id column', async () => {
    const school = freshSchool();
    await importBase(school);
    const report = await importRoster(port, {
      schoolId: school,
      staff: await staffOf(
        `naam;upn;rollen;klassen\nAnna Mentor;${MENTOR_A.upn};docent|mentor|zorgcoordinator;1A\nBert Mentor;${MENTOR_B.upn};docent|mentor;1B\nPetra Werker;${WORKER.upn};preventiewerker;`,
      ),
      now: LATER,
    });
    expect(report.staff).toMatchObject({ created: 0, updated: 1, unchanged: 2, markedLeft: 0 });
    expect((await staffDocs(school)).get(MENTOR_A.upn)).toMatchObject({
      id: `staff:${MENTOR_A.id}`,
      userId: MENTOR_A.id,
      roles: ['teacher', 'mentor', 'coordinator'],
    });
  });

  it('never touches another school', async () => {
    const a = freshSchool('a');
    const b = freshSchool('b');
    await importBase(a);
    const report = await importRoster(port, {
      schoolId: b,
      pupils: await pupilsOf(pupilsCsv(BASE_PUPILS[0])),
      now: NOW,
    });
    expect(report.pupils).toMatchObject({ created: 1, markedLeft: 0 });
    expect((await pupilDocs(a)).size).toBe(4);
    expect([...(await pupilDocs(a)).values()].filter((p) => p.leftAt)).toEqual([]);
  });

  it('stops with a conflict when someone changed a document after it was read', async () => {
    const school = freshSchool();
    await importBase(school);
    const racing: RosterPort = {
      listStaff: (s) => port.listStaff(s),
      listPupils: async (s) => {
        const listed = await port.listPupils(s);
        // Someone else writes pupil 1002 between our read and our write.
        const doc = listed.find((p) => p.doc.pupilNumber === '1002')!.doc;
        await repos.directory.upsertPupil({ ...doc, className: '1C', classId: '1c' });
        return listed;
      },
      writeBatch: (s, w) => port.writeBatch(s, w),
    };
    const report = await importRoster(racing, {
      schoolId: school,
      pupils: await pupilsOf(
        pupilsCsv(BASE_PUPILS[0], `1002;Daan;de;Boer;1B;${MENTOR_B.upn}`, BASE_PUPILS[2], BASE_PUPILS[3]),
      ),
      now: LATER,
    });
    expect(report.outcome).toBe('conflict');
    expect((await pupilDocs(school)).get('1002')!.classId).toBe('1c'); // their write survives
    expect(formatRosterReport(report)).toMatch(/start de import opnieuw/);
  });
});
