import { WEEKDAY_NAMES, WEEKDAY_NUMBERS, type SchoolSettingsFile } from './settings-file-schema';

/**
 * The school settings as the school document holds them (SchoolDocSchema, src/store), and the
 * one mapping between them and the settings file. Everything else on the school (linked
 * channels, legacy `holidays`) is kept as it is by whoever writes these settings.
 */
export interface SchoolSettings {
  schoolId: string;
  name: string;
  region: string;
  tenantId: string;
  holidayRegion?: 'noord' | 'midden' | 'zuid';
  closedDays: string[];
  /** per school year (the year it starts in), rounds 1-4 */
  roundWindows: Record<string, Array<{ roundNo: number; opensOn: string; deadline: string }>>;
  /** weekday 0 = Sunday … 6 = Saturday; time 'HH:MM' Europe/Amsterdam */
  digest: { weekday: number; time: string };
  retention: { closedSignalMonths: number; scoreMonthsAfterLeaving: number; auditMonths: number };
  limits: { unclaimedSchoolDays: number; escalationUnclaimedSchoolDays: number; urgentUnclaimedWorkingHours: number };
  notifyAttendanceOfficer: boolean;
  /** the pupil's mentor follows signals about her mentor group (issue 16) */
  mentorFollowsSignals: boolean;
  channelPostDetail: 'minimal' | 'initialsAndClass';
  /** keys: the bot's roles, familyWorker, and `<key>Plural` */
  roleLabels: Record<string, string>;
}

/** The settings file (checked, with defaults) → the school's settings. */
export function settingsFromFile(file: SchoolSettingsFile): SchoolSettings {
  const roleLabels = Object.fromEntries(Object.entries(file.roleLabels).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  return {
    schoolId: file.id,
    name: file.name,
    region: file.region,
    tenantId: file.tenantId,
    ...(file.holidayRegion ? { holidayRegion: file.holidayRegion } : {}),
    closedDays: [...new Set(file.closedDays)].sort(),
    roundWindows: Object.fromEntries(
      Object.entries(file.roundWindows).map(([year, ws]) => [
        year,
        [...ws]
          .sort((a, b) => a.roundNo - b.roundNo)
          .map((w) => ({ roundNo: w.roundNo, opensOn: w.opensOn, deadline: w.deadline })),
      ]),
    ),
    digest: { weekday: WEEKDAY_NUMBERS[file.digest.weekday.toLowerCase()], time: file.digest.time },
    retention: {
      closedSignalMonths: file.retention.closedSignalMonths,
      scoreMonthsAfterLeaving: file.retention.roundScoreMonths,
      auditMonths: file.retention.auditMonths,
    },
    limits: {
      unclaimedSchoolDays: file.limits.unclaimedSchoolDays,
      escalationUnclaimedSchoolDays: file.limits.escalationUnclaimedSchoolDays,
      urgentUnclaimedWorkingHours: file.limits.urgentUnclaimedWorkingHours,
    },
    notifyAttendanceOfficer: file.attendanceOfficer.notifyOnAbsence,
    mentorFollowsSignals: file.mentorFollowsSignals,
    channelPostDetail: file.channelPostDetail,
    roleLabels,
  };
}

/** A stored school → the settings file's fields it governs (what the card shows and edits). */
export function fileFromSettings(s: SchoolSettings): SchoolSettingsFile {
  return {
    id: s.schoolId,
    name: s.name,
    region: s.region,
    tenantId: s.tenantId,
    ...(s.holidayRegion ? { holidayRegion: s.holidayRegion } : {}),
    closedDays: [...s.closedDays],
    roundWindows: Object.fromEntries(Object.entries(s.roundWindows).map(([y, ws]) => [y, ws.map((w) => ({ ...w }))])),
    digest: { weekday: WEEKDAY_NAMES[s.digest.weekday] ?? 'monday', time: s.digest.time },
    retention: {
      closedSignalMonths: s.retention.closedSignalMonths,
      roundScoreMonths: s.retention.scoreMonthsAfterLeaving,
      auditMonths: s.retention.auditMonths,
    },
    limits: { ...s.limits },
    attendanceOfficer: { notifyOnAbsence: s.notifyAttendanceOfficer },
    mentorFollowsSignals: s.mentorFollowsSignals !== false,
    channelPostDetail: s.channelPostDetail,
    roleLabels: { ...s.roleLabels },
  };
}

export interface SettingChange {
  /** the settings file's path: 'digest.time', 'roundWindows.2026', 'roleLabels.mentor' */
  field: string;
  from: string;
  to: string;
}

const shown = (v: unknown): string =>
  v === undefined ? '(niet ingesteld)' : typeof v === 'string' ? v : JSON.stringify(v);

/** Field by field, in the settings file's terms: what differs between two settings (old → new). */
export function settingChanges(before: SchoolSettings | undefined, after: SchoolSettings): SettingChange[] {
  const flat = (s: SchoolSettings | undefined): Map<string, string> => {
    const out = new Map<string, string>();
    if (!s) return out;
    const f = fileFromSettings(s);
    const put = (k: string, v: unknown) => v !== undefined && out.set(k, shown(v));
    put('name', f.name);
    put('region', f.region);
    put('tenantId', f.tenantId);
    put('holidayRegion', f.holidayRegion);
    put('closedDays', f.closedDays.join(', ') || '(geen)');
    for (const [y, ws] of Object.entries(f.roundWindows))
      put(`roundWindows.${y}`, ws.map((w) => `${w.roundNo}: ${w.opensOn} t/m ${w.deadline}`).join('; '));
    put('digest.weekday', f.digest.weekday);
    put('digest.time', f.digest.time);
    for (const [k, v] of Object.entries(f.retention)) put(`retention.${k}`, String(v));
    for (const [k, v] of Object.entries(f.limits)) put(`limits.${k}`, String(v));
    put('attendanceOfficer.notifyOnAbsence', String(f.attendanceOfficer.notifyOnAbsence));
    put('mentorFollowsSignals', String(f.mentorFollowsSignals));
    put('channelPostDetail', f.channelPostDetail);
    for (const [k, v] of Object.entries(f.roleLabels)) put(`roleLabels.${k}`, v);
    return out;
  };
  const a = flat(before);
  const b = flat(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((k) => a.get(k) !== b.get(k))
    .map((k) => ({ field: k, from: a.get(k) ?? '(niet ingesteld)', to: b.get(k) ?? '(niet ingesteld)' }));
}

/** 'digest.time: 07:30 → 08:00' */
export const changeLine = (c: SettingChange): string => `${c.field}: ${c.from} → ${c.to}`;
