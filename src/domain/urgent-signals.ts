import { atLocalTime, localDate } from './amsterdam-time';
import { addDays } from './calendar-date';
import { isSchoolDay } from './school-days';
import type { Signal } from './signal';

/**
 * Urgency that acts (issue 16, point 5): a signal marked "vandaag nog", or raised at level 3 by
 * its reporter, must be picked up the same working day. When nobody has claimed it within the
 * school's number of working hours, the coordinators are told, once.
 *
 * Working hours are the hours 08:00–17:00 (Europe/Amsterdam) of school days (Monday to Friday
 * minus the school's closed days). Time outside them does not count: a signal raised at 16:00
 * with 3 working hours has used 1 by 17:00 and is due at 10:00 the next school day; one raised on
 * Friday at 15:30 is due on Monday at 09:30; one raised in the evening counts from 08:00 the next
 * school day. So "the same day" holds for a signal raised at least that many working hours before
 * 17:00 (with the default 3: before 14:00); a later one reaches the coordinator the next school
 * morning, when she and the prevention workers are at work again. A deadline that lands exactly on
 * 17:00 stays on that day.
 */

/** Default number of working hours an urgent signal may stay unclaimed (school setting `urgentUnclaimedWorkingHours`). */
export const DEFAULT_URGENT_UNCLAIMED_WORKING_HOURS = 3;
/** The working day, in Europe/Amsterdam wall-clock hours. */
export const WORKDAY_START_HOUR = 8;
export const WORKDAY_END_HOUR = 17;

/** The longest stretch of closed days the arithmetic walks through before giving up (a misconfiguration). */
const MAX_DAYS_AHEAD = 400;
const HOUR_MS = 3_600_000;

/** Urgent: the reporter asked for "vandaag nog", or estimated level 3 (crisis/nood). */
export const isUrgent = (signal: Pick<Signal, 'urgency' | 'reporterLevel'>): boolean =>
  signal.urgency === 'today' || signal.reporterLevel === 3;

/**
 * The instant `hours` working hours after `from`. Time before 08:00, after 17:00 and on days the
 * school is closed is skipped; a `from` outside working hours starts at the next 08:00 of a
 * school day. `hours` of 0 or less answers `from` itself.
 */
export function addWorkingHours(from: Date, hours: number, closedDays: readonly string[] = []): Date {
  if (!(hours > 0)) return from;
  let left = hours * HOUR_MS;
  let day = localDate(from);
  let cursor = from.getTime();
  for (let i = 0; i < MAX_DAYS_AHEAD; i++, day = addDays(day, 1)) {
    if (!isSchoolDay(day, closedDays)) continue;
    const start = atLocalTime(day, WORKDAY_START_HOUR).getTime();
    const end = atLocalTime(day, WORKDAY_END_HOUR).getTime();
    const begin = Math.max(cursor, start);
    if (begin >= end) continue;
    if (left <= end - begin) return new Date(begin + left);
    left -= end - begin;
    cursor = end;
  }
  return new Date(cursor + left);
}

/** An urgent signal nobody claimed in time: when it was due, and the key that makes the notice happen once. */
export interface UrgentUnclaimed {
  dueAt: Date;
  onceKey: string;
}

/**
 * The coordinators must be told about this signal now: it is urgent, still 'new' (nobody claimed
 * it), and its working hours have run out. Undefined otherwise.
 */
export function urgentUnclaimedDue(
  signal: Pick<Signal, 'id' | 'state' | 'urgency' | 'reporterLevel' | 'createdAt'>,
  now: Date,
  workingHours: number | undefined,
  closedDays: readonly string[] = [],
): UrgentUnclaimed | undefined {
  if (signal.state !== 'new' || !isUrgent(signal)) return undefined;
  const dueAt = addWorkingHours(
    new Date(signal.createdAt),
    workingHours ?? DEFAULT_URGENT_UNCLAIMED_WORKING_HOURS,
    closedDays,
  );
  if (now.getTime() < dueAt.getTime()) return undefined;
  return { dueAt, onceKey: `urgent-unclaimed:${signal.id}` };
}
