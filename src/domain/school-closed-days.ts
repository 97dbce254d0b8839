import { addDays, isDateOnly } from './calendar-date';
import { NL_SCHOOL_HOLIDAYS, type HolidayRegion } from './school-holidays-nl';

/** What a school says about its closed days (the school document has these fields). */
export interface ClosedDaysSource {
  /** The official holiday region: its school holidays and public holidays are closed days. */
  holidayRegion?: HolidayRegion;
  /** The school's own closed days ('YYYY-MM-DD'). */
  closedDays?: readonly string[];
  /** Legacy name of `closedDays`, still honoured. */
  holidays?: readonly string[];
}

const regionDays = new Map<HolidayRegion, readonly string[]>();

/** Every date of a region's school holidays and public holidays in the shipped data (expanded once per region). */
export function regionHolidayDates(region: HolidayRegion): readonly string[] {
  const known = regionDays.get(region);
  if (known) return known;
  const days: string[] = [];
  for (const year of NL_SCHOOL_HOLIDAYS) {
    for (const p of year.regions[region]) for (let d = p.from; d <= p.to; d = addDays(d, 1)) days.push(d);
    for (const h of year.publicHolidays) days.push(h.date);
  }
  const frozen = Object.freeze([...new Set(days)].sort());
  regionDays.set(region, frozen);
  return frozen;
}

const MEMO_LIMIT = 256;
const memo = new Map<string, readonly string[]>();

/**
 * A school's closed days: its region's official holidays ∪ its own closed days ∪ the legacy
 * `holidays` list, sorted and without duplicates. The result is frozen and memoised per
 * configuration, so the school-day functions build their look-up Set for it once.
 */
export function schoolClosedDays(school: ClosedDaysSource): readonly string[] {
  const own = [...(school.closedDays ?? []), ...(school.holidays ?? [])].filter(isDateOnly);
  const key = `${school.holidayRegion ?? ''}|${own.join(',')}`;
  const known = memo.get(key);
  if (known) return known;
  const region = school.holidayRegion ? regionHolidayDates(school.holidayRegion) : [];
  const days = Object.freeze([...new Set([...region, ...own])].sort());
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, days);
  return days;
}
