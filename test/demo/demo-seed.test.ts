import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { roundWindowsAt } from '../../src/app/round-pages';
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
    raw.roundWindows = { '2026': [{ roundNo: 2, opensOn: '2026-12-14', deadline: '2027-01-15' }] };
    fs.writeFileSync(path.join(dir, 'school.json'), JSON.stringify(raw));
    await seedDemoSchool(repos, NOW, dir);
    const school = (await repos.directory.getSchool('seed-other-school'))!.doc;
    expect(roundWindowsAt(school, NOW)).toEqual([{ roundNo: 2, opensOn: '2026-12-14', deadline: '2027-01-15' }]);
  });
});
