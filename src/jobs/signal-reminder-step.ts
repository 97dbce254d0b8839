import { reminderMessages } from '../app/signals/signal-handling-messages';
import { localDate } from '../domain/amsterdam-time';
import type { DueReminder } from '../domain/signal-reminders';
import type { Signal } from '../domain/signal';
import type { StaffDoc } from '../store/schemas/directory-docs';
import type { Repositories } from '../store';

/**
 * Queues one reminder about a signal, once per (signal, date) across every instance: the outbox
 * key is deterministic (a repeat is a no-op) and a once-marker, set after queueing, keeps it from
 * coming back after the sent message has expired. A crash between the two only repeats a no-op.
 */
export async function queueReminderOnce(
  repos: Pick<Repositories, 'outbox' | 'leases'>,
  signal: Signal,
  staff: StaffDoc[],
  reminder: DueReminder,
  now: Date,
  holder: string,
): Promise<boolean> {
  if (await repos.leases.hasMarker(reminder.onceKey, signal.schoolId)) return false;
  const messages = reminderMessages(signal, staff, reminder, localDate(now));
  if (messages.length > 0) await repos.outbox.enqueue(signal.schoolId, messages, now);
  return repos.leases.claimOnce(reminder.onceKey, holder, now, signal.schoolId);
}
