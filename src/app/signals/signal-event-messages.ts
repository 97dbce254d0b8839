import type { Signal } from '../../domain/signal';
import type { SignalEvent } from '../../domain/signal-lifecycle';
import type { OutboxMessage, StaffRecord } from '../core/ports';
import { NOTIFY } from './signal-notifications';
import { handlingMessages } from './signal-handling-messages';

/** `params.for` of a status notice to the pupil's mentor (the same notice as the reporter's, worded for her). */
export const STATUS_FOR_MENTOR = 'mentor';

/**
 * What a lifecycle change tells whom (S4 terugkoppeling):
 * - every other prevention worker's copy of the signal card is brought up to date in place;
 * - the reporter hears of each status change in plain words (never the content of notes);
 * - so does the pupil's mentor who follows it (`mentorId`, decided by mentorFollowing), once;
 * - level 3 tells the coordinators at once.
 * Keys derive from the signal's history length, so a retried decision writes the same messages.
 */
export function messagesForEvents(
  before: Signal,
  after: Signal,
  events: SignalEvent[],
  staff: StaffRecord[],
  mentorId?: string,
): OutboxMessage[] {
  const step = after.history.length;
  const key = (who: string, kind: string) => `${after.id}:${step}:${who}:${kind}`;
  const msgs: OutboxMessage[] = [];
  const workers = staff.filter((s) => !s.leftAt && s.roles.includes('preventionWorker')).map((s) => s.userId);
  // The one who acted sees the new card as the answer to their click (with its confirmation line);
  // a second update of that copy would overwrite the confirmation a moment later.
  for (const w of workers.filter((id) => id !== after.lastChangeBy))
    msgs.push({
      key: key(w, 'card'),
      target: { kind: 'user', userId: w },
      payload: { kind: NOTIFY.signalCard, signalId: after.id, updateOf: after.id, params: {} },
    });
  if (before.state !== after.state && after.reporterId && !workers.includes(after.reporterId)) {
    msgs.push({
      key: key(after.reporterId, 'status'),
      target: { kind: 'user', userId: after.reporterId },
      payload: { kind: NOTIFY.reporterStatus, signalId: after.id, params: { state: after.state, step } },
    });
  }
  if (before.state !== after.state && mentorId && mentorId !== after.reporterId && !workers.includes(mentorId)) {
    msgs.push({
      key: key(mentorId, 'mentorStatus'),
      target: { kind: 'user', userId: mentorId },
      payload: {
        kind: NOTIFY.reporterStatus,
        signalId: after.id,
        params: { state: after.state, step, for: STATUS_FOR_MENTOR },
      },
    });
  }
  if (events.some((e) => e.type === 'levelThreeRaised')) {
    for (const c of staff.filter((s) => !s.leftAt && s.roles.includes('coordinator'))) {
      msgs.push({
        key: key(c.userId, 'level3'),
        target: { kind: 'user', userId: c.userId },
        payload: { kind: NOTIFY.levelThreeNotice, signalId: after.id, params: {} },
      });
    }
  }
  msgs.push(...handlingMessages(before, after, events, staff));
  return msgs;
}
