import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { roundWindowsAt } from '../../src/app/rounds/round-pages';
import { fixedClock } from '../../src/domain/clock';
import { DEMO_DIR, seedDemoSchool } from '../../src/demo-seed';
import { openRepositories, type Repositories } from '../../src/store';

const NOW = new Date('2026-11-23T09:00:00+01:00');

describe('the demo school seed', () => {
  let repos: Repositories;
  beforeAll(async () => {
    repos = await openRepositories({ databaseId: `seed-${randomUUID().slice(0, 6)}`, clock: fixedClock(NOW) });
  });
  afterAll(async () => repos?.close());

  it('uses the round windows written in demo/school.json', async () => {
    await seedDemoSchool(repos, NOW);
    const school = (await repos.directory.getSchool('demo-school'))!.doc;
    const written = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'school.json'), 'utf8')).roundWindows['2026'];
    expect(roundWindowsAt(school, NOW)).toEqual(written);
  });

  it("takes a school's own windows over the defaults", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-'));
    const raw = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'school.json'), 'utf8'));
    raw.id = 'seed-other-school';
    const own = [
      { roundNo: 1, opensOn: '2026-09-14', deadline: '2026-09-25' },
      { roundNo: 2, opensOn: '2026-12-14', deadline: '2027-01-15' },
      { roundNo: 3, opensOn: '2027-03-01', deadline: '2027-03-12' },
      { roundNo: 4, opensOn: '2027-06-07', deadline: '2027-06-18' },
    ];
    raw.roundWindows = { '2026': own };
    fs.writeFileSync(path.join(dir, 'school.json'), JSON.stringify(raw));
    await seedDemoSchool(repos, NOW, dir);
    const school = (await repos.directory.getSchool('seed-other-school'))!.doc;
    expect(roundWindowsAt(school, NOW)).toEqual(own);
  });

  it('refuses a demo settings file with a mistake, naming the field in Dutch', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-'));
    const raw = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'school.json'), 'utf8'));
    raw.id = 'seed-broken-school';
    raw.digest.time = '7.30';
    fs.writeFileSync(path.join(dir, 'school.json'), JSON.stringify(raw));
    await expect(seedDemoSchool(repos, NOW, dir)).rejects.toThrow('digest.time: verwacht UU:MM, bijvoorbeeld 08:00');
    expect(await repos.directory.getSchool('seed-broken-school')).toBeUndefined();
  });
});
