import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Repositories } from './store';
import { SchoolDocSchema } from './store/schemas/directory-docs';
import { loadDemoRoster } from './demo-roster';
import { log } from './log';

export const DEMO_DIR = path.resolve(__dirname, '..', 'demo');
export const DEMO_SCHOOL_ID = 'demo-school';

const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

/** Loads the fictional demo school and its roster (local runs and tests only). */
export async function seedDemoSchool(repos: Repositories, now: Date, dir = DEMO_DIR): Promise<void> {
  const raw = JSON.parse(readFileSync(path.join(dir, 'school.json'), 'utf8'));
  const schoolId = String(raw.id ?? DEMO_SCHOOL_ID);
  const existing = await repos.directory.getSchool(schoolId);
  const school = SchoolDocSchema.parse({
    id: 'school',
    type: 'school',
    schoolId,
    name: raw.name,
    region: raw.region,
    tenantId: raw.tenantId,
    roleLabels: raw.roleLabels ?? {},
    notifyAttendanceOfficer: raw.attendanceOfficer?.notifyOnAbsence === true,
    digest: { weekday: WEEKDAYS[String(raw.digest?.weekday ?? 'monday')] ?? 1, time: raw.digest?.time ?? '08:00' },
    retention: { closedSignalMonths: raw.retention?.closedSignalMonths ?? 24, scoreMonthsAfterLeaving: raw.retention?.roundScoreMonths ?? 24 },
    roundWindows: raw.roundWindows ?? {},
    ...(raw.holidayRegion ? { holidayRegion: raw.holidayRegion } : {}),
    closedDays: raw.closedDays ?? [],
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
