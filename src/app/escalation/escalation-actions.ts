import { isOverdue } from '../../domain/school-days';
import type { Signal } from '../../domain/signal';
import type { SignalAction } from '../../domain/signal-lifecycle';
import { actOnSignal, type ActOutcome } from '../signals/act-on-signal';
import type { Person } from '../core/actors';
import { escalationMessages } from './escalation-messages';
import type { AppPorts } from '../core/ports';
import { systemPerson } from '../signals/reannounce-signal';

/** Default limit for an unclaimed escalation when the school set none (SPEC S6). */
export const DEFAULT_ESCALATION_UNCLAIMED_SCHOOL_DAYS = 3;

type EscalationAction = Extract<
  SignalAction,
  { type: 'escalate' | 'claimEscalation' | 'deEscalate' | 'reannounceEscalation' }
>;

/**
 * The escalation steps (S6): escalate, claim by the OT, hand back (de-escalate), re-announce.
 * Each is one lifecycle action through actOnSignal; the channel post and the notices to the
 * prevention worker are queued in the same batch as the change.
 */
export function actOnEscalation(
  ports: AppPorts,
  person: Person,
  args: {
    schoolId: string;
    signalId: string;
    action: EscalationAction;
    expectedVersion?: string;
    correlationId?: string;
  },
): Promise<ActOutcome> {
  return actOnSignal(ports, person, {
    ...args,
    extraMessages: (after, staff) => escalationMessages(args.action.type, after, staff),
  });
}

/** An escalation nobody claimed within the school's limit of school days, not re-announced before. */
export function escalationNeedsReannouncement(
  signal: Signal,
  now: Date,
  limitSchoolDays: number | undefined,
  holidays: readonly string[] = [],
): boolean {
  const esc = signal.escalation;
  if (signal.state !== 'escalated' || esc?.status !== 'open' || esc.reannouncedAt !== undefined) return false;
  return isOverdue(
    new Date(esc.requestedAt),
    now,
    limitSchoolDays ?? DEFAULT_ESCALATION_UNCLAIMED_SCHOOL_DAYS,
    holidays,
  );
}

/** The bot re-announces an unclaimed escalation once; the lifecycle refuses a second time. */
export function reannounceEscalation(ports: AppPorts, schoolId: string, signalId: string): Promise<ActOutcome> {
  return actOnEscalation(ports, systemPerson(schoolId), {
    schoolId,
    signalId,
    action: { type: 'reannounceEscalation' },
  });
}
