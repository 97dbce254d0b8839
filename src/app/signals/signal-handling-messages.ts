import type { Signal } from '../../domain/signal';
import type { SignalEvent } from '../../domain/signal-lifecycle';
import type { OutboxMessage, StaffRecord } from '../core/ports';
import type { NotificationKind } from '../core/notification-kinds';
import { localDate } from '../../domain/amsterdam-time';
import { handlersOf, workersAtWork } from '../../domain/staff-leave';

/** Notification kinds of handling a signal (S5), beside the ones in NOTIFY (signal-notifications.ts). */
export const HANDLING_NOTIFY = {
  /** the reporter gets the worker's question with an answer field */
  reporterQuestion: 'reporterQuestion',
  /** the worker who asked hears the reporter's answer */
  questionAnswered: 'questionAnswered',
  /** the new owner after a reassignment gets the signal card as a new message */
  signalAssigned: 'signalAssigned',
  /** coordinators and the previous owner hear of a reassignment */
  reassignNotice: 'reassignNotice',
  /** an unclaimed signal offered again to the prevention workers, as a new message */
  signalReannounced: 'signalReannounced',
  /** the coordinators hear that a signal stayed unclaimed */
  reannounceNotice: 'reannounceNotice',
  /** watch check-in / aftercare reminder with one-click next steps */
  signalReminder: 'signalReminder',
} as const satisfies Record<string, NotificationKind>;

const active = (staff: StaffRecord[], role: StaffRecord['roles'][number]) =>
  staff.filter((s) => !s.leftAt && s.roles.includes(role)).map((s) => s.userId);
const user = (userId: string) => ({ kind: 'user' as const, userId });

/**
 * Who hears what when a signal is handled, beyond the card updates and status feedback of
 * messagesForEvents: questions and answers, reassignments, re-announcements. Payloads carry ids
 * only; the renderer reads the text from the signal at delivery time.
 */
export function handlingMessages(
  before: Signal,
  after: Signal,
  events: SignalEvent[],
  staff: StaffRecord[],
): OutboxMessage[] {
  const step = after.history.length;
  const key = (who: string, kind: string) => `${after.id}:${step}:${who}:${kind}`;
  const msgs: OutboxMessage[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'questionAsked':
        if (e.questionId)
          msgs.push({
            key: key(after.reporterId, 'question'),
            target: user(after.reporterId),
            payload: {
              kind: HANDLING_NOTIFY.reporterQuestion,
              signalId: after.id,
              params: { questionId: e.questionId },
            },
          });
        break;
      case 'questionAnswered': {
        const asker = after.questions.find((q) => q.id === e.questionId)?.askedBy;
        if (asker && e.questionId)
          msgs.push({
            key: key(asker, 'answer'),
            target: user(asker),
            payload: {
              kind: HANDLING_NOTIFY.questionAnswered,
              signalId: after.id,
              params: { questionId: e.questionId },
            },
          });
        break;
      }
      case 'reassigned': {
        if (!e.toUserId) break;
        msgs.push({
          key: key(e.toUserId, 'assigned'),
          target: user(e.toUserId),
          payload: { kind: HANDLING_NOTIFY.signalAssigned, signalId: after.id, params: { by: e.actorId } },
        });
        const told = new Set([...active(staff, 'coordinator'), ...(e.previousOwnerId ? [e.previousOwnerId] : [])]);
        told.delete(e.toUserId);
        for (const who of told) {
          msgs.push({
            key: key(who, 'reassignNotice'),
            target: user(who),
            payload: {
              kind: HANDLING_NOTIFY.reassignNotice,
              signalId: after.id,
              params: {
                toUserId: e.toUserId,
                by: e.actorId,
                ...(e.previousOwnerId ? { previousOwnerId: e.previousOwnerId } : {}),
              },
            },
          });
        }
        break;
      }
      case 'reannounced':
        // a worker away today is offered it through her partner (issue 16)
        for (const w of workersAtWork(staff, localDate(new Date(after.updatedAt))))
          msgs.push({
            key: key(w, 'reannounced'),
            target: user(w),
            payload: { kind: HANDLING_NOTIFY.signalReannounced, signalId: after.id, params: {} },
          });
        for (const c of active(staff, 'coordinator'))
          msgs.push({
            key: key(c, 'reannounceNotice'),
            target: user(c),
            payload: { kind: HANDLING_NOTIFY.reannounceNotice, signalId: after.id, params: {} },
          });
        break;
      default:
        break;
    }
  }
  void before;
  return msgs;
}

/**
 * A reminder for whoever handles the signal `today`: its owner; her duo partners while she is
 * away (issue 16); every prevention worker when the owner left.
 */
export function reminderMessages(
  signal: Signal,
  staff: StaffRecord[],
  reminder: { kind: 'watch' | 'aftercare'; date: string; onceKey: string },
  today: string,
): OutboxMessage[] {
  const to = handlersOf(signal.ownerId, staff, today);
  return to.map((w) => ({
    key: `${reminder.onceKey}:${w}`,
    target: user(w),
    payload: {
      kind: HANDLING_NOTIFY.signalReminder,
      signalId: signal.id,
      params: { reason: reminder.kind, date: reminder.date },
    },
  }));
}
