import type { Signal } from '../../domain/signal';
import type { OutboxMessage } from '../core/ports';
import type { NotificationKind } from '../core/notification-kinds';

/**
 * Notification kinds: what the outbox runner renders and sends. The names are the contract
 * between the use cases (which decide who hears what) and the bot's renderer (which writes it).
 */
export const NOTIFY = {
  /** the prevention worker's card about a signal (new, or updated in place) */
  signalCard: 'signalCard',
  /** the pupil's mentor hears of a new signal about their pupil */
  mentorNotice: 'mentorNotice',
  /** level 3: the coordinator is told at once */
  levelThreeNotice: 'levelThreeNotice',
  /** category verzuim: the attendance officer is told (school setting) */
  attendanceNotice: 'attendanceNotice',
  /** the reporter hears of a status change in plain words, without note content */
  reporterStatus: 'reporterStatus',
  /** a recipient could not be reached: the coordinator is told */
  undeliverable: 'undeliverable',
  /** text notice (params: textKey + values) */
  notice: 'notice',
} as const satisfies Record<string, NotificationKind>;

const userTarget = (userId: string) => ({ kind: 'user' as const, userId });

/** Messages for a newly raised signal, from the routing decision. */
export function newSignalMessages(
  signal: Signal,
  route: { preventionWorkers: string[]; mentor?: string; coordinators: string[]; attendanceOfficers: string[] },
): OutboxMessage[] {
  const k = (who: string, kind: string) => `${signal.id}:created:${who}:${kind}`;
  const msgs: OutboxMessage[] = [];
  for (const pw of route.preventionWorkers)
    msgs.push({
      key: k(pw, NOTIFY.signalCard),
      target: userTarget(pw),
      payload: { kind: NOTIFY.signalCard, signalId: signal.id, params: {} },
    });
  if (route.mentor)
    msgs.push({
      key: k(route.mentor, NOTIFY.mentorNotice),
      target: userTarget(route.mentor),
      payload: { kind: NOTIFY.mentorNotice, signalId: signal.id, params: {} },
    });
  for (const c of route.coordinators)
    msgs.push({
      key: k(c, NOTIFY.levelThreeNotice),
      target: userTarget(c),
      payload: { kind: NOTIFY.levelThreeNotice, signalId: signal.id, params: {} },
    });
  for (const a of route.attendanceOfficers)
    msgs.push({
      key: k(a, NOTIFY.attendanceNotice),
      target: userTarget(a),
      payload: { kind: NOTIFY.attendanceNotice, signalId: signal.id, params: {} },
    });
  if (route.preventionWorkers.length === 0) {
    for (const c of route.coordinators.length ? route.coordinators : [])
      msgs.push({
        key: k(c, 'noWorkers'),
        target: userTarget(c),
        payload: { kind: NOTIFY.undeliverable, signalId: signal.id, params: { reason: 'noWorkers' } },
      });
  }
  return msgs;
}
