import { atLocalTime, localDate } from './amsterdam-time';
import { addDays } from './calendar-date';
import { addSchoolDays, schoolDaysBetween } from './school-days';
import { windowRoundId, type RoundWindow } from './round-windows';

/**
 * When the steps of a round are due (S7): the forms go out on the opening day, reminders a
 * number of school days before the deadline, and the round closes when the deadline day ends.
 */
export type RoundStep = 'open' | 'remind5' | 'remind1' | 'close';
const STEP_ORDER: readonly RoundStep[] = ['open', 'remind5', 'remind1', 'close'];

export interface RoundScheduleOptions {
  holidays?: readonly string[];
  /** School days before the deadline for the two reminders; default 5 and 1. */
  reminderDays?: { remind5: number; remind1: number };
  /** Hour (Europe/Amsterdam) at which openings and reminders go out; default 8. */
  sendHour?: number;
}

export interface DueRoundStep {
  step: RoundStep;
  roundId: string;
  roundNo: RoundWindow['roundNo'];
  /** Key to record in `done` once handled: '2026-1:open'. */
  key: string;
  dueAt: string;
  /**
   * True for a reminder that a catch-up should not send: a later step of its round is also
   * due, or it would fall on or before the opening day. Record it as done without sending.
   */
  superseded: boolean;
}

export const roundStepKey = (roundId: string, step: RoundStep): string => `${roundId}:${step}`;

export interface CurrentRound {
  window: RoundWindow;
  roundNo: RoundWindow['roundNo'];
  roundId: string;
  opensOn: string;
  deadline: string;
  /** School days left after today up to the deadline (0 on the deadline day). */
  schoolDaysLeft: number;
}

/** The round whose window contains today (Europe/Amsterdam), if any. */
export function currentRound(
  windows: readonly RoundWindow[],
  now: Date,
  holidays: readonly string[] = [],
): CurrentRound | undefined {
  const today = localDate(now);
  const w = windows.find((x) => x.opensOn <= today && today <= x.deadline);
  if (!w) return undefined;
  return {
    window: w,
    roundNo: w.roundNo,
    roundId: windowRoundId(w),
    opensOn: w.opensOn,
    deadline: w.deadline,
    schoolDaysLeft: schoolDaysBetween(now, atLocalTime(w.deadline, 12), holidays),
  };
}

/** The latest round whose deadline has passed; its scores are "last round's" for the form. */
export function previousRound(windows: readonly RoundWindow[], now: Date): RoundWindow | undefined {
  const today = localDate(now);
  return [...windows].filter((w) => w.deadline < today).sort((a, b) => (a.deadline < b.deadline ? 1 : -1))[0];
}

/** A page handed in after the deadline day is accepted and marked late. */
export const isLateSubmission = (w: RoundWindow, submittedAt: Date): boolean => localDate(submittedAt) > w.deadline;

function stepTimes(
  w: RoundWindow,
  o: Required<RoundScheduleOptions>,
): Record<RoundStep, { at: Date; onOrBeforeOpening: boolean }> {
  const reminder = (days: number) => {
    const date = addSchoolDays(w.deadline, -days, o.holidays);
    return { at: atLocalTime(date, o.sendHour), onOrBeforeOpening: date <= w.opensOn };
  };
  return {
    open: { at: atLocalTime(w.opensOn, o.sendHour), onOrBeforeOpening: false },
    remind5: reminder(o.reminderDays.remind5),
    remind1: reminder(o.reminderDays.remind1),
    close: { at: atLocalTime(addDays(w.deadline, 1), 0), onOrBeforeOpening: false },
  };
}

/**
 * Every step whose time has come and that is not in `done`, oldest first. Run after a restart
 * it catches up on everything missed; reminders made pointless by a later due step are
 * returned with `superseded: true`.
 */
export function dueRoundSteps(
  windows: readonly RoundWindow[],
  now: Date,
  done: ReadonlySet<string>,
  options: RoundScheduleOptions = {},
): DueRoundStep[] {
  const o: Required<RoundScheduleOptions> = {
    holidays: options.holidays ?? [],
    reminderDays: options.reminderDays ?? { remind5: 5, remind1: 1 },
    sendHour: options.sendHour ?? 8,
  };
  const out: DueRoundStep[] = [];
  for (const w of windows) {
    const id = windowRoundId(w);
    const times = stepTimes(w, o);
    const due = STEP_ORDER.filter((s) => times[s].at.getTime() <= now.getTime());
    for (const step of due) {
      const key = roundStepKey(id, step);
      if (done.has(key)) continue;
      const laterDue = due.some((s) => STEP_ORDER.indexOf(s) > STEP_ORDER.indexOf(step));
      const superseded = (step === 'remind5' || step === 'remind1') && (laterDue || times[step].onOrBeforeOpening);
      out.push({ step, roundId: id, roundNo: w.roundNo, key, dueAt: times[step].at.toISOString(), superseded });
    }
  }
  return out.sort((a, b) =>
    a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step),
  );
}
