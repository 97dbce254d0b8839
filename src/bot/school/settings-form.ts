import type { SchoolSettings } from '../../app/school/school-settings';
import { fileFromSettings } from '../../app/school/school-settings';
import { URGENT_WORKING_HOURS_MAX, type SettingsIssue } from '../../app/school/settings-file-schema';
import { isDateOnly } from '../../domain/calendar-date';
import { ROLE_LABEL_KEYS } from '../../domain/role-labels';
import { ST } from './settings-texts';

/**
 * The `/instellingen` card's inputs (all strings, as Teams submits them) and how they map to
 * the settings file's fields and back. The card edits one school year's rounds: the one of now.
 */
export type SettingsForm = Record<string, string>;

export const NUMBER_FIELDS = [
  { id: 'closedSignalMonths', group: 'retention', max: 120 },
  { id: 'roundScoreMonths', group: 'retention', max: 120 },
  { id: 'auditMonths', group: 'retention', max: 240 },
  { id: 'unclaimedSchoolDays', group: 'limits', max: 20 },
  { id: 'escalationUnclaimedSchoolDays', group: 'limits', max: 20 },
  { id: 'urgentUnclaimedWorkingHours', group: 'limits', max: URGENT_WORKING_HOURS_MAX },
] as const;

/** The holiday-region choice for none (a choice cannot have an empty value). */
export const NO_REGION = 'geen';

export const ROUND_NUMBERS = [1, 2, 3, 4] as const;
export const roundInput = (n: number, part: 'Open' | 'Deadline') => `r${n}${part}`;
export const labelInput = (key: string) => `label_${key}`;

/** The input ids the card has (anything else in a submit is ignored). */
export const FORM_INPUTS: readonly string[] = [
  'name',
  'region',
  'digestWeekday',
  'digestTime',
  'holidayRegion',
  'closedDays',
  'notifyOnAbsence',
  'mentorFollowsSignals',
  'channelPostDetail',
  ...ROUND_NUMBERS.flatMap((n) => [roundInput(n, 'Open'), roundInput(n, 'Deadline')]),
  ...NUMBER_FIELDS.map((f) => f.id),
  ...ROLE_LABEL_KEYS.map(labelInput),
];

/** The card's inputs filled with the stored settings. */
export function formFromSettings(s: SchoolSettings, year: number): SettingsForm {
  const f = fileFromSettings(s);
  const form: SettingsForm = {
    name: f.name,
    region: f.region,
    digestWeekday: f.digest.weekday,
    digestTime: f.digest.time,
    holidayRegion: f.holidayRegion ?? NO_REGION,
    closedDays: f.closedDays.join(', '),
    notifyOnAbsence: String(f.attendanceOfficer.notifyOnAbsence),
    mentorFollowsSignals: String(f.mentorFollowsSignals),
    channelPostDetail: f.channelPostDetail,
  };
  const own = f.roundWindows[String(year)] ?? [];
  for (const n of ROUND_NUMBERS) {
    const w = own.find((x) => x.roundNo === n);
    form[roundInput(n, 'Open')] = w?.opensOn ?? '';
    form[roundInput(n, 'Deadline')] = w?.deadline ?? '';
  }
  for (const n of NUMBER_FIELDS) form[n.id] = String((f[n.group] as Record<string, number>)[n.id]);
  for (const k of ROLE_LABEL_KEYS) form[labelInput(k)] = f.roleLabels[k] ?? '';
  return form;
}

/** Only the card's own inputs, as trimmed strings of bounded length. */
export function formOf(data: unknown): SettingsForm {
  const raw = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  return Object.fromEntries(
    FORM_INPUTS.map((id) => [id, typeof raw[id] === 'string' ? raw[id].trim().slice(0, 2000) : '']),
  );
}

const splitDates = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean);

/**
 * The submitted form as a settings file (for the same schema as `school:setup`), on top of
 * the stored settings: other school years' rounds and plural labels are kept. Inputs the schema
 * cannot word well (an empty number) get their error here.
 */
export function fileFromForm(
  form: SettingsForm,
  current: SchoolSettings,
  year: number,
): { file: Record<string, unknown>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const base = fileFromSettings(current);
  const numbers: Record<string, Record<string, unknown>> = { retention: {}, limits: {} };
  for (const n of NUMBER_FIELDS) {
    const v = form[n.id];
    if (!v) errors[n.id] = ST.numberMissing;
    else if (!/^\d+$/.test(v)) errors[n.id] = ST.numberNotWhole;
    // A bad input stays a string: the schema refuses it too, so nothing is saved.
    numbers[n.group][n.id] = /^\d+$/.test(v) ? Number(v) : v;
  }
  const badDays = splitDates(form.closedDays).filter((d) => !isDateOnly(d));
  if (badDays.length > 0) errors.closedDays = ST.closedDaysBad(badDays.join(', '));
  const dates = ROUND_NUMBERS.flatMap((n) => [form[roundInput(n, 'Open')], form[roundInput(n, 'Deadline')]]);
  const roundWindows: Record<string, unknown> = { ...base.roundWindows };
  delete roundWindows[String(year)];
  if (dates.some(Boolean)) {
    roundWindows[String(year)] = ROUND_NUMBERS.map((n) => ({
      roundNo: n,
      opensOn: form[roundInput(n, 'Open')],
      deadline: form[roundInput(n, 'Deadline')],
    }));
  }
  const plurals = Object.fromEntries(Object.entries(base.roleLabels).filter(([k]) => k.endsWith('Plural')));
  const labels = Object.fromEntries(
    ROLE_LABEL_KEYS.map((k): [string, string] => [k, form[labelInput(k)]]).filter(([, v]) => v),
  );
  const file: Record<string, unknown> = {
    name: form.name,
    region: form.region,
    ...(form.holidayRegion && form.holidayRegion !== NO_REGION ? { holidayRegion: form.holidayRegion } : {}),
    closedDays: splitDates(form.closedDays),
    roundWindows,
    digest: { weekday: form.digestWeekday, time: form.digestTime },
    retention: { ...base.retention, ...numbers.retention },
    limits: { ...base.limits, ...numbers.limits },
    attendanceOfficer: { notifyOnAbsence: form.notifyOnAbsence === 'true' },
    mentorFollowsSignals: form.mentorFollowsSignals === 'true',
    channelPostDetail: form.channelPostDetail,
    roleLabels: { ...plurals, ...labels },
  };
  return { file, errors };
}

/** Where on the card a settings-file issue belongs: the input's error key, or '' for the top. */
export function errorKeyOf(path: string, year: number): string {
  const round = new RegExp(`^roundWindows\\.${year}\\[(\\d)\\]\\.(opensOn|deadline)$`).exec(path);
  if (round) return `round${Number(round[1]) + 1}`;
  if (path.startsWith(`roundWindows.${year}`)) return 'rounds';
  if (path.startsWith('closedDays')) return 'closedDays';
  if (path.startsWith('digest.')) return 'digest';
  const top = /^(name|region|holidayRegion|channelPostDetail)$/.exec(path);
  if (top) return top[1];
  const nested = /^(?:retention|limits)\.(\w+)$/.exec(path);
  if (nested && NUMBER_FIELDS.some((n) => n.id === nested[1])) return nested[1];
  if (path === 'attendanceOfficer.notifyOnAbsence') return 'notifyOnAbsence';
  if (path === 'mentorFollowsSignals') return 'mentorFollowsSignals';
  const label = /^roleLabels\.(\w+)$/.exec(path);
  if (label && (ROLE_LABEL_KEYS as readonly string[]).includes(label[1])) return labelInput(label[1]);
  return '';
}

/** The issues placed next to their inputs (several on one input are joined). */
export function errorsFromIssues(issues: SettingsIssue[], year: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = errorKeyOf(i.path, year);
    const text = key ? i.message : ST.otherError(i.path, i.message);
    out[key] = out[key] ? `${out[key]}; ${text}` : text;
  }
  return out;
}
