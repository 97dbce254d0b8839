import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Repositories } from './store';
import { SchoolDocSchema } from './store/schemas/directory-docs';
import { loadDemoRoster } from './demo-roster';
import { log } from './log';
import { issueLine, parseSettingsFile } from './app/school/settings-file-schema';
import { settingsFromFile } from './app/school/school-settings';

export const DEMO_DIR = path.resolve(__dirname, '..', 'demo');
export const DEMO_SCHOOL_ID = 'demo-school';

/** Loads the fictional demo school and its roster (local runs and tests only). */
export async function seedDemoSchool(repos: Repositories, now: Date, dir = DEMO_DIR): Promise<void> {
  const parsed = parseSettingsFile(JSON.parse(readFileSync(path.join(dir, 'school.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`${path.join(dir, 'school.json')}: ${parsed.issues.map(issueLine).join('; ')}`);
  const settings = settingsFromFile(parsed.file);
  const schoolId = settings.schoolId;
  const existing = await repos.directory.getSchool(schoolId);
  const school = SchoolDocSchema.parse({
    ...existing?.doc,
    ...settings,
    id: 'school',
    type: 'school',
    channels: existing?.doc.channels ?? {},
  });
  await repos.directory.saveSchool(school);
  const pupils = path.join(dir, 'roster', 'pupils.csv');
  const staff = path.join(dir, 'roster', 'staff.csv');
  if (existsSync(pupils) && existsSync(staff)) {
    await loadDemoRoster(repos, schoolId, readFileSync(pupils, 'utf8'), readFileSync(staff, 'utf8'), now);
  }
  log.info('demo.seeded', { schoolId });
}
