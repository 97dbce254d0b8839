import type { Role } from './roles';
import { daysBetween, formatDateOnly, isDateOnly } from './calendar-date';
import { ok, refuse, type Result } from './result';

/**
 * A prevention worker away (GLOSSARY: vervanging / afwezig): from `since` up to and including
 * `until` (Europe/Amsterdam calendar dates). While she is away her duo partners receive what
 * would reach her, and see her open cases.
 */
export interface StaffLeave {
  /** last day away, 'YYYY-MM-DD' (inclusive) */
  until: string;
  /** the day she set it, 'YYYY-MM-DD' */
  since: string;
  setBy: string;
}

/** What the leave rules read of a staff member. */
export interface LeaveStaff {
  userId: string;
  roles: readonly Role[];
  leftAt?: string;
  leave?: { until: string };
}

/** The furthest ahead an absence may be set: longer leave is a roster matter for the coordinator. */
export const LEAVE_MAX_DAYS = 366;

export const LEAVE_REFUSALS = ['invalid-date', 'date-in-past', 'leave-too-far'] as const;
export type LeaveRefusal = (typeof LEAVE_REFUSALS)[number];

/** Away today: a leave whose last day is today or later. */
export const isAway = (s: { leave?: { until: string } }, today: string): boolean =>
  s.leave !== undefined && today <= s.leave.until;

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const monthOf = (word: string): number | undefined => {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m === w || m.startsWith(w));
  return i >= 0 ? i + 1 : undefined;
};

/**
 * The last day of an absence as a person types it: '2026-12-12', '12-12-2026', '12-12',
 * '12 december', '12 dec 2026' (a leading 'tot', 'tot en met' or 't/m' is allowed). Without a
 * year: the first such date from today on. Today counts (away for the rest of today).
 */
export function parseLeaveDate(text: string, today: string): Result<string, LeaveRefusal> {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^(tot en met|t\/m|tm|tot)\s+/, '')
    .trim();
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, m, d] = [+match[1], +match[2], +match[3]];
  else if ((match = /^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{4}))?$/.exec(t)))
    [d, m, y] = [+match[1], +match[2], match[3] ? +match[3] : undefined];
  else if ((match = /^(\d{1,2})\s+([a-z]+\.?)(?:\s+(\d{4}))?$/.exec(t)))
    [d, m, y] = [+match[1], monthOf(match[2]), match[3] ? +match[3] : undefined];
  if (d === undefined || m === undefined) return refuse('invalid-date');
  const year = y ?? Number(today.slice(0, 4));
  let date = formatDateOnly(year, m, d);
  if (!isDateOnly(date)) {
    // 29 February without a year: the next year that has one is at most four years on.
    if (y !== undefined || m !== 2 || d !== 29) return refuse('invalid-date');
    date = formatDateOnly(year + 1, m, d);
    for (let k = 1; !isDateOnly(date) && k < 4; k++) date = formatDateOnly(year + 1 + k, m, d);
  }
  if (y === undefined && date < today) date = formatDateOnly(year + 1, m, d);
  if (!isDateOnly(date)) return refuse('invalid-date');
  if (date < today) return refuse('date-in-past');
  if (daysBetween(today, date) > LEAVE_MAX_DAYS) return refuse('leave-too-far', { max: LEAVE_MAX_DAYS });
  return ok(date);
}

/** A new leave from today up to and including `until`. */
export function startLeave(until: string, today: string, setBy: string): StaffLeave {
  return { until, since: today, setBy };
}

const activeWorkers = <S extends LeaveStaff>(staff: readonly S[]): S[] =>
  staff.filter((s) => !s.leftAt && s.roles.includes('preventionWorker'));

/**
 * The prevention workers who receive a new signal or a re-announcement today: those not away;
 * when every one of them is away, all of them (a signal never reaches nobody, S4).
 */
export function workersAtWork<S extends LeaveStaff>(staff: readonly S[], today: string): string[] {
  const all = activeWorkers(staff);
  const here = all.filter((s) => !isAway(s, today));
  return (here.length ? here : all).map((s) => s.userId);
}

/** The other prevention workers of the school who are not away: who stands in for `userId`. */
export function duoPartners<S extends LeaveStaff>(staff: readonly S[], userId: string, today: string): S[] {
  return activeWorkers(staff).filter((s) => s.userId !== userId && !isAway(s, today));
}

/** The other prevention workers of the school who are away today (their cases show on `userId`'s list). */
export function colleaguesAway<S extends LeaveStaff>(staff: readonly S[], userId: string, today: string): S[] {
  return activeWorkers(staff).filter((s) => s.userId !== userId && isAway(s, today));
}

/**
 * Who handles a case today: its casushouder when she is at work; while she is away, her duo
 * partners; when she left or nobody is at work, every prevention worker of the school.
 */
export function handlersOf<S extends LeaveStaff>(
  ownerId: string | undefined,
  staff: readonly S[],
  today: string,
): string[] {
  const all = activeWorkers(staff);
  const owner = all.find((s) => s.userId === ownerId);
  if (owner && !isAway(owner, today)) return [owner.userId];
  if (owner) {
    const partners = duoPartners(staff, owner.userId, today);
    if (partners.length) return partners.map((s) => s.userId);
  }
  return workersAtWork(staff, today);
}
