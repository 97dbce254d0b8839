import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Repositories } from './store';
import { SchoolDocSchema } from './store/schemas/directory-docs';
import { loadRosterIntoStore } from './app/roster/load-roster';
import { log } from './log';

export const DEMO_DIR = path.resolve(__dirname, '..', 'demo');
export const DEMO_SCHOOL_ID = 'demo-school';

/** Loads the fictional demo school and its roster (local runs and tests only). */
export async function seedDemoSchool(repos: Repositories, now: Date, dir = DEMO_DIR): Promise<void> {
  const raw = JSON.parse(readFileSync(path.join(dir, 'school.json'), 'utf8'));
  const existing = await repos.directory.getSchool(raw.schoolId ?? DEMO_SCHOOL_ID);
  const school = SchoolDocSchema.parse({ ...raw, id: 'school', type: 'school', channels: existing?.doc.channels ?? {} });
  await repos.directory.saveSchool(school);
  const pupils = path.join(dir, 'roster', 'pupils.csv');
  const staff = path.join(dir, 'roster', 'staff.csv');
  if (existsSync(pupils) && existsSync(staff)) {
    await loadRosterIntoStore(repos, school.schoolId, readFileSync(pupils, 'utf8'), readFileSync(staff, 'utf8'), now);
  }
  log.info('demo.seeded', { schoolId: school.schoolId });
}
