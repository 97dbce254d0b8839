import type { OutboxMessage, StaffRecord } from '../core/ports';
import type { NotificationKind } from '../core/notification-kinds';

/** Notification kinds of the 1-2-3 round; the bot's round renderers draw them at delivery time. */
export const ROUND_NOTIFY = {
  /** 'your round is open': the worker's overview with an Open button per class page */
  open: 'roundOpen',
  /** a reminder before the deadline, with the pages still left */
  reminder: 'roundReminder',
  /** 'the round has closed': the closing summary for each coordinator (personal chat, with names) */
  closed: 'roundClosed',
} as const satisfies Record<string, NotificationKind>;

const user = (userId: string) => ({ kind: 'user' as const, userId });

/** One overview card per prevention worker when a round opens (never dozens of form cards at once). */
export function roundOpenMessages(schoolId: string, roundId: string, workers: readonly StaffRecord[]): OutboxMessage[] {
  return workers.map((w) => ({
    key: `round:${schoolId}:${roundId}:open:${w.userId}`,
    target: user(w.userId),
    payload: { kind: ROUND_NOTIFY.open, params: { roundId } },
  }));
}

/** A reminder for the workers who still have pages left. */
export function roundReminderMessages(
  schoolId: string,
  roundId: string,
  step: string,
  workerIds: readonly string[],
): OutboxMessage[] {
  return workerIds.map((userId) => ({
    key: `round:${schoolId}:${roundId}:${step}:${userId}`,
    target: user(userId),
    payload: { kind: ROUND_NOTIFY.reminder, params: { roundId, step } },
  }));
}

/** The closing summary, once per coordinator per round (deterministic keys: sent once). */
export function roundClosedMessages(
  schoolId: string,
  roundId: string,
  coordinators: readonly StaffRecord[],
): OutboxMessage[] {
  return coordinators.map((c) => ({
    key: `round:${schoolId}:${roundId}:closed:${c.userId}`,
    target: user(c.userId),
    payload: { kind: ROUND_NOTIFY.closed, params: { roundId } },
  }));
}
