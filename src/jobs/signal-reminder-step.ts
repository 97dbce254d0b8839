import { reminderMessages } from '../app/signals/signal-handling-messages';
import { localDate } from '../domain/amsterdam-time';
import type { DueReminder } from '../domain/signal-reminders';
import type { Signal } from '../domain/signal';
import type { StaffDoc } from '../store/schemas/directory-docs';
import type { Repositories } from '../store';
import type { OutboxMessage } from '../app/core/ports';

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
  return queueOnce(
    repos,
    signal.schoolId,
    reminder.onceKey,
    () => reminderMessages(signal, staff, reminder, localDate(now)),
    now,
    holder,
  );
}

/**
 * Queues the messages of one once-key, once across every instance (the pattern above): skipped
 * when the marker is set; the messages' keys are deterministic, so a repeat before the marker is
 * set writes nothing new. True when this call set the marker.
 */
export async function queueOnce(
  repos: Pick<Repositories, 'outbox' | 'leases'>,
  schoolId: string,
  onceKey: string,
  messagesOf: () => OutboxMessage[],
  now: Date,
  holder: string,
): Promise<boolean> {
  if (await repos.leases.hasMarker(onceKey, schoolId)) return false;
  const messages = messagesOf();
  if (messages.length > 0) await repos.outbox.enqueue(schoolId, messages, now);
  return repos.leases.claimOnce(onceKey, holder, now, schoolId);
}
