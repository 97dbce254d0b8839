import { formatDateOnly } from './calendar-date';

/**
 * Europe/Amsterdam wall-clock time by the EU summer-time rule: UTC+2 from the last Sunday of
 * March 01:00 UTC until the last Sunday of October 01:00 UTC, UTC+1 otherwise. No Intl needed,
 * so the result does not depend on the ICU data of the machine.
 */
const lastSundayUtc = (year: number, monthIndex: number): number => {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, monthIndex, day, 1, 0, 0);
};

/** Minutes to add to UTC to get Amsterdam wall-clock time at this instant (60 or 120). */
export const amsterdamOffsetMinutes = (d: Date): number => {
  const t = d.getTime();
  const year = d.getUTCFullYear();
  return t >= lastSundayUtc(year, 2) && t < lastSundayUtc(year, 9) ? 120 : 60;
};

export interface LocalParts {
  date: string;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export const localParts = (d: Date): LocalParts => {
  const shifted = new Date(d.getTime() + amsterdamOffsetMinutes(d) * 60_000);
  return {
    date: formatDateOnly(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
};

/** The calendar date in Europe/Amsterdam, 'YYYY-MM-DD'. */
export const localDate = (d: Date): string => localParts(d).date;

/**
 * The instant at which Amsterdam clocks show `date` `hour`:`minute`. A time in the hour skipped
 * in spring is moved forward by that hour; in the hour repeated in autumn, the first one counts.
 */
export const atLocalTime = (date: string, hour = 0, minute = 0): Date => {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  for (const offset of [120, 60]) {
    const candidate = new Date(wall - offset * 60_000);
    if (amsterdamOffsetMinutes(candidate) === offset) return candidate;
  }
  return new Date(wall - 60 * 60_000);
};
