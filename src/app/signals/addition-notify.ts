import type { NotificationKind } from '../core/notification-kinds';

/** Notification kinds of adding an observation to an open signal (issue 16). */
export const ADDITION_NOTIFY = {
  /** the casushouder (or, unclaimed, the prevention workers) hears of an addition to the signal */
  observationAdded: 'observationAdded',
} as const satisfies Record<string, NotificationKind>;
