import { isDateOnly, schoolYearStartOf } from './calendar-date';
import { ok, refuse, type Result } from './result';
import { addSchoolDays, nextSchoolDay } from './school-days';

/** One 1-2-3 round of a school year (S7): open from `opensOn` to `deadline`, both included. */
export interface RoundWindow {
  roundNo: 1 | 2 | 3 | 4;
  opensOn: string;
  deadline: string;
}

/** '2026-1': the first round of school year 2026/27. */
export const roundId = (schoolYearStart: number, roundNo: number): string => `${schoolYearStart}-${roundNo}`;

export const parseRoundId = (id: string): { schoolYearStart: number; roundNo: 1 | 2 | 3 | 4 } | undefined => {
  const m = /^(\d{4})-([1-4])$/.exec(id);
  return m ? { schoolYearStart: Number(m[1]), roundNo: Number(m[2]) as 1 | 2 | 3 | 4 } : undefined;
};

export const windowRoundId = (w: RoundWindow): string => roundId(schoolYearStartOf(w.opensOn), w.roundNo);

/** A default round lasts two school weeks. */
export const DEFAULT_ROUND_SCHOOL_DAYS = 10;

/**
 * Where the default rounds open (month, day; months 8-12 in the start year, 1-7 in the next):
 * after the first weeks of the year, before Christmas, in spring, before summer. Two school
 * weeks from each stays clear of the Christmas and summer holidays in every Dutch region.
 */
const DEFAULT_OPENINGS: ReadonlyArray<[month: number, day: number]> = [
  [10, 1],
  [12, 1],
  [3, 15],
  [6, 1],
];

/** Four rounds spread over the school year; each opens on a school day and lasts two school weeks. */
export function defaultRoundWindows(schoolYearStart: number, holidays: readonly string[] = []): RoundWindow[] {
  return DEFAULT_OPENINGS.map(([month, day], i) => {
    const year = month >= 8 ? schoolYearStart : schoolYearStart + 1;
    const anchor = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const opensOn = nextSchoolDay(anchor, holidays);
    return {
      roundNo: (i + 1) as RoundWindow['roundNo'],
      opensOn,
      deadline: addSchoolDays(opensOn, DEFAULT_ROUND_SCHOOL_DAYS, holidays),
    };
  });
}

export type RoundWindowsRefusal =
  'round-count' | 'invalid-date' | 'deadline-before-open' | 'rounds-overlap' | 'other-school-year';

/** Checks round dates a school sets: rounds 1-4 in order, real dates, one school year, no overlap. */
export function checkRoundWindows(windows: readonly RoundWindow[]): Result<RoundWindow[], RoundWindowsRefusal> {
  const sorted = [...windows].sort((a, b) => a.roundNo - b.roundNo);
  if (sorted.length !== 4 || sorted.some((w, i) => w.roundNo !== i + 1)) return refuse('round-count');
  for (const w of sorted) {
    if (!isDateOnly(w.opensOn) || !isDateOnly(w.deadline)) return refuse('invalid-date', { roundNo: w.roundNo });
    if (w.deadline < w.opensOn) return refuse('deadline-before-open', { roundNo: w.roundNo });
  }
  const year = schoolYearStartOf(sorted[0].opensOn);
  if (sorted.some((w) => schoolYearStartOf(w.opensOn) !== year || schoolYearStartOf(w.deadline) !== year))
    return refuse('other-school-year');
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].opensOn <= sorted[i - 1].deadline) return refuse('rounds-overlap', { roundNo: sorted[i].roundNo });
  }
  return ok(sorted);
}
