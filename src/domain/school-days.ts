import { localDate } from './amsterdam-time';
import { addDays, isWeekend } from './calendar-date';

export { localDate } from './amsterdam-time';

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
/** The closed days as a Set; built once for a frozen list (what schoolClosedDays returns). */
const closedSet = (days: readonly string[]): ReadonlySet<string> => {
  if (!Object.isFrozen(days)) return new Set(days);
  let set = sets.get(days);
  if (!set) sets.set(days, (set = new Set(days)));
  return set;
};

/**
 * School days: Monday to Friday, minus the school's holidays ('YYYY-MM-DD' list). Instants are
 * read as Europe/Amsterdam calendar dates.
 */
export const isSchoolDay = (date: string, holidays: readonly string[] = []): boolean =>
  !isWeekend(date) && !closedSet(holidays).has(date);

/**
 * School days that have passed since `from`: the school days after its date, up to and
 * including the date of `to`. A signal raised on Friday is 1 school day old on Monday.
 * 0 when `to` is not later than `from`.
 */
export const schoolDaysBetween = (from: Date, to: Date, holidays: readonly string[] = []): number => {
  const off = closedSet(holidays);
  const last = localDate(to);
  let count = 0;
  for (let d = addDays(localDate(from), 1); d <= last; d = addDays(d, 1)) {
    if (!isWeekend(d) && !off.has(d)) count++;
  }
  return count;
};

/** The date `n` school days after `date` (before it when `n` is negative); `date` itself for 0. */
export const addSchoolDays = (date: string, n: number, holidays: readonly string[] = []): string => {
  const off = closedSet(holidays);
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(Math.trunc(n)); left > 0;) {
    d = addDays(d, step);
    if (!isWeekend(d) && !off.has(d)) left--;
  }
  return d;
};

/** The first school day on or after `date`. */
export const nextSchoolDay = (date: string, holidays: readonly string[] = []): string => {
  const off = closedSet(holidays);
  let d = date;
  while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
  return d;
};

/** More than `limitSchoolDays` school days have passed since `since`. */
export const isOverdue = (since: Date, now: Date, limitSchoolDays: number, holidays: readonly string[] = []): boolean =>
  schoolDaysBetween(since, now, holidays) > limitSchoolDays;
