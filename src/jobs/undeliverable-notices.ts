import { NOTIFY } from '../app/signals/signal-notifications';
import { localDate, nextSchoolDay } from '../domain/school-days';
import type { NewOutboxMessage, OutboxDoc } from '../store/schemas/outbox-doc';

/** What the coordinators' notice needs to know of the school's staff. */
export interface NoticeStaff {
  userId: string;
  displayName: string;
  roles: readonly string[];
  leftAt?: string | null;
}

/** The school day a moment belongs to (a weekend or holiday counts with the next school day). */
export const schoolDayOf = (at: Date, holidays: readonly string[] = []): string =>
  nextSchoolDay(localDate(at), holidays);

/** A new signal card (not an update of one sent before): the coordinator must hear which signal. */
export const isNewSignalCard = (doc: Pick<OutboxDoc, 'payload'>): boolean =>
  doc.payload.kind === NOTIFY.signalCard && !doc.payload.updateOf;

/**
 * S4 "a signal never silently goes nowhere": the notices that tell the school's coordinators a
 * message could not be delivered. For a person, one notice per person per school day (its outbox
 * key carries the day, so a second message — or a second runner — adds nothing), except that every
 * new signal card that cannot reach its worker is named on its own. For a school channel, one per
 * message, as before. Returns no messages for a notice about a notice.
 */
export function undeliverableNotices(
  doc: OutboxDoc,
  reason: string,
  staff: readonly NoticeStaff[],
  schoolDay: string,
): NewOutboxMessage[] {
  if (doc.payload.kind === NOTIFY.undeliverable) return [];
  const target = doc.target;
  const who =
    target.kind === 'user'
      ? (staff.find((s) => s.userId === target.userId)?.displayName ?? 'een collega')
      : target.channel === 'ot'
        ? 'het OT-kanaal'
        : 'het kanaal van de zorgcoördinatoren';
  const coordinators = staff.filter(
    (s) => !s.leftAt && s.roles.includes('coordinator') && !(target.kind === 'user' && target.userId === s.userId),
  );
  const perPerson = target.kind === 'user' && !isNewSignalCard(doc);
  return coordinators.map((c) => ({
    key: perPerson
      ? `undeliverable:${target.kind === 'user' ? target.userId : ''}:${schoolDay}:${c.userId}`
      : `${doc.id}:undeliverable:${c.userId}`,
    target: { kind: 'user' as const, userId: c.userId },
    payload: {
      kind: NOTIFY.undeliverable,
      signalId: doc.payload.signalId,
      params: { who, reason, about: doc.payload.kind, scope: perPerson ? 'person' : 'message', target: target.kind },
    },
  }));
}
