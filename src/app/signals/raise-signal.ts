import { localDate } from '../../domain/amsterdam-time';
import { formatReference } from '../../domain/reference';
import { routeNewSignal } from '../../domain/routing';
import { createSignal, type NewSignalInput, type Signal } from '../../domain/signal';
import { toActor, actorAt, type Person } from '../core/actors';
import type { AppPorts, PupilRecord } from '../core/ports';
import { newSignalMessages } from './signal-notifications';
import type { RefusalCode } from '../../domain/refusal-codes';

export type RaiseOutcome =
  | {
      ok: true;
      signal: Signal;
      duplicate: boolean;
      preventionWorkers: string[];
      duoAbsenceReminder: boolean;
      pupil?: PupilRecord;
    }
  | { ok: false; code: RefusalCode; field?: string; forged?: boolean };

/** S3/S4: stores a signal and, in the same batch, the notifications routing decides on. */
export async function raiseSignal(
  ports: AppPorts,
  person: Person,
  args: { schoolId: string; submissionId: string; input: NewSignalInput; correlationId?: string },
): Promise<RaiseOutcome> {
  const now = ports.clock.now();
  const actor = actorAt(person, args.schoolId);
  if (!actor) {
    // The card named a school this person does not work at: a forged or foreign submit.
    await ports.audit.record({
      schoolId: args.schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: [],
      action: 'signal.raise',
      correlationId: args.correlationId,
      outcome: 'refused',
      code: 'pupil-other-school',
      pupilId: args.input.pupilId,
    });
    return {
      ok: false,
      code: person.actors.length ? 'pupil-other-school' : 'not-staff',
      forged: person.actors.length > 0,
    };
  }
  const [pupil, staff, school] = await Promise.all([
    ports.directory.getPupil(args.schoolId, args.input.pupilId),
    ports.directory.listStaff(args.schoolId),
    ports.directory.schoolSettings(args.schoolId),
  ]);
  const year = Number(now.toISOString().slice(0, 4));
  // Validation and routing first: only the reference number waits for the sequence.
  const draft = createSignal({ id: '', reference: '', input: args.input, reporter: actor, pupil, now });
  if (!draft.ok) {
    const refusal = { code: draft.code, field: draft.detail?.field as string | undefined };
    await ports.audit.record({
      schoolId: args.schoolId,
      actorId: actor.userId,
      actorRoles: [...actor.roles],
      action: 'signal.raise',
      correlationId: args.correlationId,
      outcome: 'refused',
      code: refusal.code,
      pupilId: args.input.pupilId,
    });
    return { ok: false, ...refusal };
  }
  const route = routeNewSignal(
    draft.value,
    pupil!,
    staff.filter((s) => !s.leftAt).map((s) => ({ ...s })),
    { notifyAttendanceOfficer: school?.notifyAttendanceOfficer ?? false, today: localDate(now) },
  );
  const result = await ports.signals.create(
    args.schoolId,
    args.submissionId,
    year,
    (id, seq) => {
      const signal: Signal = { ...draft.value, id, reference: formatReference(year, seq) };
      return { signal, messages: newSignalMessages(signal, route) };
    },
    now,
  );
  if (result.status === 'duplicate') {
    const existing = result.existing.doc;
    if (existing.reporterId !== actor.userId) {
      await ports.audit.record({
        schoolId: args.schoolId,
        actorId: actor.userId,
        actorRoles: [...actor.roles],
        action: 'signal.raise',
        correlationId: args.correlationId,
        outcome: 'refused',
        code: 'forged',
        signalId: existing.id,
      });
      return { ok: false, code: 'forged', forged: true };
    }
    // The reporter's card again: a double click, or the client's retry of a turn that stored the
    // signal and then failed before its audit entry was written (issue 18: found by the store-faults
    // test). The raise is audited once either way.
    await ports.audit.recordOnce(raisedEntry(actor, args, existing));
    const again = routeNewSignal(
      existing,
      pupil ?? { id: existing.pupilId, schoolId: existing.schoolId, classId: '' },
      staff.map((s) => ({ ...s })),
      { notifyAttendanceOfficer: school?.notifyAttendanceOfficer ?? false, today: localDate(now) },
    );
    return {
      ok: true,
      signal: existing,
      duplicate: true,
      preventionWorkers: again.preventionWorkers,
      duoAbsenceReminder: again.duoAbsenceReminder,
      pupil,
    };
  }
  await ports.audit.record(raisedEntry(actor, args, result.signal));
  return {
    ok: true,
    signal: result.signal,
    duplicate: false,
    preventionWorkers: route.preventionWorkers,
    duoAbsenceReminder: route.duoAbsenceReminder,
    pupil,
  };
}

/** The audit entry of a raised signal. */
const raisedEntry = (
  actor: { userId: string; roles: readonly string[] },
  args: { schoolId: string; correlationId?: string },
  signal: Signal,
) => ({
  schoolId: args.schoolId,
  actorId: actor.userId,
  actorRoles: [...actor.roles],
  action: 'signal.raise',
  correlationId: args.correlationId,
  outcome: 'ok' as const,
  pupilId: signal.pupilId,
  signalId: signal.id,
});

export { toActor };
