/**
 * Calendar dates as 'YYYY-MM-DD' strings (no time, no zone). Arithmetic goes through UTC
 * midnight so it never meets a DST change.
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in 'YYYY-MM-DD' form ('2026-02-30' is not). */
export const isDateOnly = (s: string): boolean => {
  const m = DATE_ONLY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

const toUtcMidnight = (date: string): number => {
  const m = DATE_ONLY.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const formatDateOnly = (year: number, month: number, day: number): string =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

export const addDays = (date: string, n: number): string => {
  const d = new Date(toUtcMidnight(date) + n * 86_400_000);
  return formatDateOnly(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(toUtcMidnight(date)).getUTCDay();

export const isWeekend = (date: string): boolean => {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / 86_400_000);

/** Every date from `from` to `to`, both included; handy to list a holiday week. */
export const dateRange = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

/** School years run August to July: the year in which the school year starts. */
export const schoolYearStartOf = (date: string): number => {
  toUtcMidnight(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 8 ? year : year - 1;
};
