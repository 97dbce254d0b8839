import type { Signal } from '../../domain/signal';
import { isOpen } from '../../domain/signal-lifecycle';
import { actorAt, type Person } from '../core/actors';
import type { AppPorts } from '../core/ports';

/** Audit action of telling a reporter at intake that the pupil already has an open signal. */
export const OPEN_SIGNAL_SHOWN = 'signal.openExists';

/**
 * The step before a signal is raised (issue 16, no silent duplicates): the pupil's open signals
 * at this school, newest first, without the one this very intake card raised before (a
 * resubmitted card is answered by raiseSignal as the duplicate it is). Reads only.
 */
export async function openSignalsOfPupil(
  ports: AppPorts,
  schoolId: string,
  pupilId: string,
  submissionId: string,
): Promise<Signal[]> {
  const all = await ports.signals.listByPupil(schoolId, pupilId);
  return all.filter((s) => isOpen(s.state) && s.submissionId !== submissionId);
}

/** The open signal this intake card already added its observation to (a second click), if any. */
export const addedFrom = (open: readonly Signal[], submissionId: string): Signal | undefined =>
  open.find((s) => s.history.some((h) => h.action === 'addObservation' && h.submissionId === submissionId));

/**
 * Showing a reporter that an open signal exists (reference, casushouder, since when) is a read
 * about the pupil: audited like the other reads of pupil data.
 */
export async function auditOpenSignalShown(
  ports: AppPorts,
  person: Person,
  signal: Signal,
  correlationId?: string,
): Promise<void> {
  const actor = actorAt(person, signal.schoolId);
  await ports.audit.record({
    schoolId: signal.schoolId,
    actorId: person.userId || 'unknown',
    actorRoles: actor ? [...actor.roles] : [],
    action: OPEN_SIGNAL_SHOWN,
    outcome: 'ok',
    pupilId: signal.pupilId,
    signalId: signal.id,
    correlationId,
  });
}
