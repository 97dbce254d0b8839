import { localDate } from '../../domain/amsterdam-time';
import type { Signal } from '../../domain/signal';
import { handlersOf } from '../../domain/staff-leave';
import type { SignalActionType } from '../../domain/signal-lifecycle';
import type { OutboxMessage, StaffRecord } from '../core/ports';
import type { NotificationKind } from '../core/notification-kinds';

/** Notification kinds of an escalation to the OT (S6); the bot's escalation renderers draw them. */
export const ESCALATION_NOTIFY = {
  /** the post in the OT channel (new, then updated in place on claim / return) */
  channelPost: 'escalationPost',
  /** the one re-announcement of an unclaimed escalation in the OT channel */
  channelReminder: 'escalationReminder',
  /** the prevention worker hears that the OT picked it up */
  claimedNotice: 'escalationClaimed',
  /** the prevention worker hears that the OT handed the case back (with the OT's summary) */
  returnedNotice: 'escalationReturned',
  /** the full case in an OT member's personal chat (Details button) */
  details: 'escalationDetails',
  /** the requester hears that the OT channel cannot be reached (bot removed from the team) */
  channelDown: 'escalationChannelDown',
} as const satisfies Record<string, NotificationKind>;

const OT = { kind: 'channel' as const, channel: 'ot' as const };

/** Which escalation of the signal this is (0 for the first; earlier ones move to previousEscalations). */
export const escalationNumber = (signal: Pick<Signal, 'previousEscalations'>): number =>
  signal.previousEscalations?.length ?? 0;
/** The delivery key of the channel post of escalation `n`: claim and return update it in place. */
export const escalationPostKey = (signalId: string, n: number): string => `${signalId}:ot:${n}`;
export const escalationReminderKey = (signalId: string, n: number): string =>
  `${escalationPostKey(signalId, n)}:reminder`;

/**
 * Who handles the case on the prevention workers' side: the owner, else whoever escalated it.
 * With `today`: while the owner is away (issue 16), her duo partner at work.
 */
export function caseWorker(signal: Signal, staff: StaffRecord[], today?: string): string | undefined {
  const active = (id?: string) => !!id && staff.some((s) => s.userId === id && !s.leftAt);
  if (active(signal.ownerId)) return today === undefined ? signal.ownerId : handlersOf(signal.ownerId, staff, today)[0];
  if (active(signal.escalation?.requestedBy)) return signal.escalation!.requestedBy;
  return undefined;
}

/**
 * What an escalation step tells whom, beside the card updates and reporter feedback of
 * messagesForEvents. Written in the same batch as the change. Keys derive from the signal's
 * history length, so a retried decision writes the same messages. Payloads carry ids only.
 */
export function escalationMessages(type: SignalActionType, after: Signal, staff: StaffRecord[]): OutboxMessage[] {
  const esc = after.escalation;
  if (!esc) return [];
  const step = after.history.length;
  const n = escalationNumber(after);
  const post = escalationPostKey(after.id, n);
  const reminder = escalationReminderKey(after.id, n);
  const key = (who: string, kind: string) => `${after.id}:${step}:${who}:${kind}`;
  const params = { n };
  const updates = (): OutboxMessage[] => [
    {
      key: key('ot', 'post-update'),
      target: OT,
      payload: { kind: ESCALATION_NOTIFY.channelPost, signalId: after.id, updateOf: post, params },
    },
    ...(esc.reannouncedAt
      ? [
          {
            key: key('ot', 'reminder-update'),
            target: OT,
            payload: { kind: ESCALATION_NOTIFY.channelReminder, signalId: after.id, updateOf: reminder, params },
          },
        ]
      : []),
  ];
  const worker = caseWorker(after, staff, localDate(new Date(after.updatedAt)));
  const tellWorker = (kind: NotificationKind): OutboxMessage[] =>
    worker
      ? [
          {
            key: key(worker, kind),
            target: { kind: 'user', userId: worker },
            payload: { kind, signalId: after.id, params },
          },
        ]
      : [];
  switch (type) {
    case 'escalate':
      return [
        {
          key: key('ot', 'post'),
          target: OT,
          payload: {
            kind: ESCALATION_NOTIFY.channelPost,
            signalId: after.id,
            params: { ...params, deliveryKey: post },
          },
        },
      ];
    case 'claimEscalation':
      return [...updates(), ...tellWorker(ESCALATION_NOTIFY.claimedNotice)];
    case 'deEscalate':
      return [...updates(), ...tellWorker(ESCALATION_NOTIFY.returnedNotice)];
    case 'reannounceEscalation':
      return [
        {
          key: key('ot', 'reminder'),
          target: OT,
          payload: {
            kind: ESCALATION_NOTIFY.channelReminder,
            signalId: after.id,
            params: { ...params, deliveryKey: reminder },
          },
        },
      ];
    default:
      return [];
  }
}

/** An OT member asked for the full case: it goes to their personal chat, never to the channel. */
export function detailsMessage(signal: Signal, userId: string, requestId: string): OutboxMessage {
  return {
    key: `${signal.id}:details:${userId}:${requestId}`,
    target: { kind: 'user', userId },
    payload: { kind: ESCALATION_NOTIFY.details, signalId: signal.id, params: { n: escalationNumber(signal) } },
  };
}
