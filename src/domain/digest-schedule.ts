import { atLocalTime, localParts } from './amsterdam-time';
import { addDays } from './calendar-date';

/**
 * When a school's weekly digest is due (S8): one slot a week, on the school's weekday at its
 * 'HH:MM' in Europe/Amsterdam (default Monday 08:00). Pure: the clock comes in as `now`.
 */
export interface DigestSchedule {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** 'HH:MM', Europe/Amsterdam */
  time: string;
}
export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { weekday: 1, time: '08:00' };

/** What the school's digest state remembers: the last slot posted and up to when it counted. */
export interface DigestMark {
  /** Local date ('YYYY-MM-DD') of the last slot covered. */
  lastSlot: string;
  /** The instant up to which the last digest counted new signals: the next one starts there. */
  coveredUntil: string;
}

export interface DigestSlot {
  /** Local date of the slot, 'YYYY-MM-DD': with the school id, the once-key of a digest. */
  key: string;
  at: Date;
}

const parseTime = (time: string): [number, number] => {
  const m = /^(\d\d):(\d\d)$/.exec(time);
  const h = m ? Math.min(23, Number(m[1])) : 8;
  const min = m ? Math.min(59, Number(m[2])) : 0;
  return [h, min];
};

/** The slot on a local date (whatever its weekday). */
export const slotOn = (date: string, schedule: DigestSchedule): DigestSlot => {
  const [h, m] = parseTime(schedule.time);
  return { key: date, at: atLocalTime(date, h, m) };
};

/** The most recent slot at or before `now`. */
export function latestSlot(now: Date, schedule: DigestSchedule): DigestSlot {
  const today = localParts(now);
  const back = (today.weekday - schedule.weekday + 7) % 7;
  const candidate = slotOn(addDays(today.date, -back), schedule);
  return candidate.at.getTime() <= now.getTime() ? candidate : slotOn(addDays(candidate.key, -7), schedule);
}

export type DigestDue =
  /** Never posted: start counting now, post at the next slot (a new school gets no digest of the past). */
  | { kind: 'baseline'; slot: DigestSlot }
  | { kind: 'none' }
  | {
      kind: 'due';
      slot: DigestSlot;
      /** The period the digest covers: from the end of the last one up to now. */
      since: Date;
      /** Slots this digest stands for (1 on time; more when the bot was down over several). */
      slotsCovered: number;
      /** True when posted well after its slot (bot down): the card says so. */
      late: boolean;
    };

/** A digest posted more than this after its slot counts as late. */
export const LATE_AFTER_MS = 60 * 60_000;

/** Whether a digest is due now, given what was posted last. Several missed slots → one digest. */
export function digestDue(now: Date, schedule: DigestSchedule, mark: DigestMark | undefined): DigestDue {
  const slot = latestSlot(now, schedule);
  if (!mark) return { kind: 'baseline', slot };
  if (slot.key <= mark.lastSlot) return { kind: 'none' };
  let slotsCovered = 0;
  for (let s = slot; s.key > mark.lastSlot && slotsCovered < 1000; s = slotOn(addDays(s.key, -7), schedule))
    slotsCovered++;
  const since = new Date(mark.coveredUntil);
  return {
    kind: 'due',
    slot,
    since,
    slotsCovered,
    late: slotsCovered > 1 || now.getTime() - slot.at.getTime() > LATE_AFTER_MS,
  };
}
