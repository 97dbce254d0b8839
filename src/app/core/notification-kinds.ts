/**
 * Every kind of notification the app queues in the outbox: the contract between the use cases
 * (which decide who hears what) and the bot's renderers (which write it at delivery time). The
 * strings are stored in outbox documents, so they never change; a new kind is added here, to its
 * feature's constants (which must satisfy this union) and to the bot's renderer map (which must
 * cover it, or `tsc` fails).
 */
export const NOTIFICATION_KINDS = [
  // signals (app/signals/signal-notifications.ts: NOTIFY)
  'signalCard',
  'mentorNotice',
  'levelThreeNotice',
  'attendanceNotice',
  'reporterStatus',
  'undeliverable',
  'notice',
  // handling a signal (app/signals/signal-handling-messages.ts: HANDLING_NOTIFY)
  'reporterQuestion',
  'questionAnswered',
  'signalAssigned',
  'reassignNotice',
  'signalReannounced',
  'reannounceNotice',
  'signalReminder',
  // escalation to the OT (app/escalation/escalation-messages.ts: ESCALATION_NOTIFY)
  'escalationPost',
  'escalationReminder',
  'escalationClaimed',
  'escalationReturned',
  'escalationDetails',
  'escalationChannelDown',
  // the 1-2-3 round (app/rounds/round-messages.ts: ROUND_NOTIFY)
  'roundOpen',
  'roundReminder',
  'roundClosed',
  // digests (app/digest/post-scheduled-digest.ts: DIGEST_NOTIFY)
  'digest.channel',
  // privacy (app/privacy/privacy-ports.ts: PRIVACY_NOTIFY)
  'privacy.messageRemoved',
  // an observation added to an open signal at intake (app/signals/addition-notify.ts: ADDITION_NOTIFY)
  'observationAdded',
  // absence and handover (app/handover/handover-ports.ts: HANDOVER_NOTIFY)
  'absenceNotice',
  'handoverNotice',
  // an urgent signal nobody claimed in time (app/signals/urgent-unclaimed.ts: URGENT_NOTIFY)
  'urgentUnclaimed',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds a feature's constants name, e.g. `KindsOf<typeof ROUND_NOTIFY>`. */
export type KindsOf<T extends Record<string, NotificationKind>> = T[keyof T];

const KNOWN: ReadonlySet<string> = new Set(NOTIFICATION_KINDS);

/** True for a kind this version knows; a stored message may carry one written by a newer version. */
export const isNotificationKind = (kind: string): kind is NotificationKind => KNOWN.has(kind);
