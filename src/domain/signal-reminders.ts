import { localDate } from './amsterdam-time';
import { addDays, daysBetween } from './calendar-date';
import { isOverdue } from './school-days';
import type { Signal } from './signal';

/**
 * When a signal needs someone's attention again (S5): the check-in date of a watch, the rhythm
 * of aftercare, and a signal nobody claimed in time. Pure: the jobs ask, then act once per answer.
 */

/** Aftercare: a reminder every this many days after the signal entered aftercare. */
export const AFTERCARE_REMINDER_DAYS = 28;
/** One click on a reminder extends a watch by this many days from today. */
export const WATCH_EXTENSION_DAYS = 14;
/** Default limit for an unclaimed signal when the school set none (SPEC S4). */
export const DEFAULT_UNCLAIMED_SCHOOL_DAYS = 2;

/** A due reminder, with the key that makes it happen once (per signal and date / period). */
export interface DueReminder {
  kind: 'watch' | 'aftercare';
  /** 'YYYY-MM-DD': the check-in date, or the aftercare period's date */
  date: string;
  onceKey: string;
}

/** The watch's check-in date has come (Amsterdam date today or later than it). */
export function watchReminderDue(signal: Signal, now: Date): DueReminder | undefined {
  if (signal.state !== 'watch' || !signal.watch) return undefined;
  const date = signal.watch.checkInDate;
  if (localDate(now) < date) return undefined;
  return { kind: 'watch', date, onceKey: `watch-reminder:${signal.id}:${date}` };
}

/** When the signal last entered aftercare (from its history), if it is in aftercare now. */
export function aftercareSince(signal: Signal): string | undefined {
  if (signal.state !== 'aftercare') return undefined;
  for (let i = signal.history.length - 1; i >= 0; i--) {
    const h = signal.history[i];
    if (h.toState === 'aftercare' && h.fromState !== 'aftercare') return h.at;
  }
  return undefined;
}

/**
 * Aftercare: a reminder every AFTERCARE_REMINDER_DAYS days after entering aftercare. Only the
 * latest period counts: a job that missed a period does not send a backlog.
 */
export function aftercareReminderDue(signal: Signal, now: Date): DueReminder | undefined {
  const since = aftercareSince(signal);
  if (!since) return undefined;
  const start = localDate(new Date(since));
  const periods = Math.floor(daysBetween(start, localDate(now)) / AFTERCARE_REMINDER_DAYS);
  if (periods < 1) return undefined;
  const date = addDays(start, periods * AFTERCARE_REMINDER_DAYS);
  return { kind: 'aftercare', date, onceKey: `aftercare-reminder:${signal.id}:${start}:${periods}` };
}

/** Still 'new' after the school's limit of school days, and not re-announced before (S4). */
export function needsReannouncement(
  signal: Signal,
  now: Date,
  limitSchoolDays: number | undefined,
  holidays: readonly string[] = [],
): boolean {
  if (signal.state !== 'new' || signal.reannouncedAt !== undefined) return false;
  return isOverdue(new Date(signal.createdAt), now, limitSchoolDays ?? DEFAULT_UNCLAIMED_SCHOOL_DAYS, holidays);
}

/** The check-in date one click on a reminder sets: WATCH_EXTENSION_DAYS from today. */
export const extendedCheckInDate = (now: Date): string => addDays(localDate(now), WATCH_EXTENSION_DAYS);
