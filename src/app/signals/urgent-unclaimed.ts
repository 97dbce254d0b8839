import type { Signal } from '../../domain/signal';
import type { UrgentUnclaimed } from '../../domain/urgent-signals';
import type { KindsOf } from '../core/notification-kinds';
import type { NotificationKind } from '../core/notification-kinds';
import type { OutboxMessage, StaffRecord } from '../core/ports';

/** Urgency that acts (issue 16, point 5): the notice an urgent signal nobody claimed in time causes. */
export const URGENT_NOTIFY = {
  /** an urgent ("vandaag nog" or level 3) signal is still unclaimed after the school's working hours: the coordinators are told */
  urgentUnclaimed: 'urgentUnclaimed',
} as const satisfies Record<string, NotificationKind>;
export type UrgentNotificationKind = KindsOf<typeof URGENT_NOTIFY>;

/**
 * The coordinators of the signal's school (still at the school) hear that nobody claimed it:
 * one message each, keyed by the once-key, so a repeat writes nothing new. The notice names the
 * reference, categories and urgency, never the observation. A level-3 signal already told them at
 * intake (levelThreeNotice); this is a second, different message: "nog niet opgepakt".
 */
export function urgentUnclaimedMessages(
  signal: Signal,
  staff: readonly StaffRecord[],
  due: UrgentUnclaimed,
  workingHours: number,
): OutboxMessage[] {
  const coordinators = staff.filter(
    (s) => s.schoolId === signal.schoolId && !s.leftAt && s.roles.includes('coordinator'),
  );
  return [...new Set(coordinators.map((c) => c.userId))].map((userId) => ({
    key: `${due.onceKey}:${userId}`,
    target: { kind: 'user', userId },
    payload: {
      kind: URGENT_NOTIFY.urgentUnclaimed,
      signalId: signal.id,
      params: { hours: workingHours, dueAt: due.dueAt.toISOString() },
    },
  }));
}
