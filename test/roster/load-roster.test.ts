import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRosterIntoStore } from '../../src/app/roster/load-roster';
import { fixedClock } from '../../src/domain/clock';
import { configureLog } from '../../src/log';
import { openRepositories, type Repositories } from '../../src/store';
import { RosterRepository } from '../../src/store/roster-repository';
import { BASE_PUPILS, BASE_STAFF, LATER, MENTOR_A, NOW, freshSchool, pupilsCsv, staffCsv } from './roster-test-kit';

const DEMO = path.join(__dirname, '..', '..', 'demo', 'roster');
const FIX = path.join(__dirname, 'fixtures');
const demoPresent = existsSync(path.join(DEMO, 'pupils.csv')) && existsSync(path.join(DEMO, 'staff.csv'));
// The demo roster when the colleague's files are there, else this folder's fixtures.
const ROSTER = demoPresent
  ? { pupils: path.join(DEMO, 'pupils.csv'), staff: path.join(DEMO, 'staff.csv') }
  : { pupils: path.join(FIX, 'pupils-magister.csv'), staff: path.join(FIX, 'staff-somtoday.csv') };

let repos: Repositories;
beforeAll(async () => {
  configureLog('silent');
  repos = await openRepositories({ databaseId: 'roster-load-test', clock: fixedClock(NOW) });
});
afterAll(async () => {
  await repos?.close();
});

describe('loadRosterIntoStore', () => {
  it('loads the demo roster through the plain repositories, as the bot does at start-up', async () => {
    const school = freshSchool('demo');
    const pupilsText = readFileSync(ROSTER.pupils, 'utf8');
    const staffText = readFileSync(ROSTER.staff, 'utf8');
    const report = await loadRosterIntoStore(repos, school, pupilsText, staffText, NOW);
    expect(report.rejected).toEqual([]);
    expect(report.fileErrors).toEqual([]);
    expect(report.outcome).toBe('imported');
    const expectedPupils = pupilsText.trim().split(/\r?\n/).length - 1;
    expect(report.pupils).toMatchObject({ created: expectedPupils });

    // The bot's own reads see them at once (the pupil cache is invalidated).
    const pupils = await repos.directory.listPupils(school);
    expect(pupils.filter((p) => p.schoolId === school)).toHaveLength(expectedPupils);
    const staff = (await repos.directory.listStaff(school)).filter((s) => s.schoolId === school);
    expect(staff.length).toBe(report.staff!.created);
    if (demoPresent) {
      const mentor = staff.find((s) => s.upn === 'm.vandijk@demo-school.example')!;
      expect(mentor.roles).toEqual(['teacher', 'mentor']);
      expect(pupils.find((p) => p.pupilNumber === '260101')).toMatchObject({
        firstName: 'Chloë',
        classId: '1a',
        mentorId: mentor.userId,
      });
      expect(pupils.find((p) => p.pupilNumber === '260104')).toMatchObject({
        lastNamePrefix: 'van der',
        lastName: 'Heijden',
      });
    }

    // Loading it again at the next start-up writes nothing.
    const again = await loadRosterIntoStore(repos, school, pupilsText, staffText, LATER);
    expect(again.written).toBe(0);
  });

  it('uses a roster repository for batched writes when given one', async () => {
    const school = freshSchool('batched');
    const report = await loadRosterIntoStore(
      { directory: repos.directory, roster: RosterRepository.on(repos.cosmos) },
      school,
      pupilsCsv(...BASE_PUPILS),
      staffCsv(...BASE_STAFF),
      NOW,
    );
    expect(report).toMatchObject({ outcome: 'imported', written: 7 });
    expect((await repos.directory.getPupil(school, 'pupil:1001'))?.mentorId).toBe(MENTOR_A.id);
  });

  it('imports nothing when one of the two files is not usable', async () => {
    const school = freshSchool('broken');
    const report = await loadRosterIntoStore(repos, school, pupilsCsv(...BASE_PUPILS), 'naam;functie\nA;docent', NOW);
    expect(report.outcome).toBe('failed');
    expect(report.fileErrors[0].reason).toMatch(/kopregel niet herkend/);
    expect((await repos.directory.listPupils(school)).filter((p) => p.schoolId === school)).toEqual([]);
  });

  it('imports nothing from a file with rejected rows unless allowPartial', async () => {
    const school = freshSchool('partial');
    const bad = pupilsCsv(...BASE_PUPILS, '1005;;;Geen voornaam;1A;');
    expect((await loadRosterIntoStore(repos, school, bad, staffCsv(...BASE_STAFF), NOW)).outcome).toBe('rejected');
    expect((await repos.directory.listPupils(school)).filter((p) => p.schoolId === school)).toEqual([]);
    const partial = await loadRosterIntoStore(repos, school, bad, staffCsv(...BASE_STAFF), NOW, { allowPartial: true });
    expect(partial.outcome).toBe('imported');
    expect((await repos.directory.listPupils(school)).filter((p) => p.schoolId === school)).toHaveLength(4);
  });
});
