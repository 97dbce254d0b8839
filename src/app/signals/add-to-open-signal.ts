import type { Person } from '../core/actors';
import type { AppPorts, OutboxMessage, StaffRecord } from '../core/ports';
import type { ReporterLevel, Signal, Urgency } from '../../domain/signal';
import { actOnSignal, type ActOutcome } from './act-on-signal';
import { ADDITION_NOTIFY } from './addition-notify';

/**
 * Who hears of an observation added to an open signal: its casushouder, or while nobody has
 * claimed it the school's prevention workers; never the one who added it. Ids only: the text is
 * read from the signal's (care) history at delivery time.
 */
export function additionMessages(
  signal: Signal,
  staff: StaffRecord[],
  asked: { reporterLevel: ReporterLevel; urgency: Urgency },
): OutboxMessage[] {
  const active = staff.filter((s) => !s.leftAt);
  const owner = signal.ownerId && active.some((s) => s.userId === signal.ownerId) ? [signal.ownerId] : [];
  const told = owner.length ? owner : active.filter((s) => s.roles.includes('preventionWorker')).map((s) => s.userId);
  const step = signal.history.length;
  return told
    .filter((id) => id !== signal.lastChangeBy)
    .map((userId) => ({
      key: `${signal.id}:${step}:${userId}:addition`,
      target: { kind: 'user' as const, userId },
      // the adder's estimate and urgency (codes): a crisis added to an open signal still reads as one
      payload: {
        kind: ADDITION_NOTIFY.observationAdded,
        signalId: signal.id,
        params: { step, level: asked.reporterLevel, urgency: asked.urgency },
      },
    }));
}

/**
 * "Toevoegen aan het open signaal": the reporter's observation lands in the open signal's history
 * as an addition by her (care visibility: the signal's own reporter does not read it), and the
 * casushouder is told. The intake card's submission id makes a second click add nothing.
 */
export async function addToOpenSignal(
  ports: AppPorts,
  person: Person,
  args: {
    schoolId: string;
    signalId: string;
    submissionId: string;
    observation: string;
    reporterLevel: ReporterLevel;
    urgency: Urgency;
    correlationId?: string;
  },
): Promise<ActOutcome> {
  return actOnSignal(ports, person, {
    schoolId: args.schoolId,
    signalId: args.signalId,
    action: { type: 'addObservation', submissionId: args.submissionId, observation: args.observation },
    extraMessages: (s, staff) => additionMessages(s, staff, args),
    correlationId: args.correlationId,
  });
}
