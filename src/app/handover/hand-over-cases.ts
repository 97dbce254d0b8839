import { casesOf, checkHandover } from '../../domain/handover';
import type { RefusalCode } from '../../domain/refusal-codes';
import type { Signal } from '../../domain/signal';
import { actorAt, allRoles, type Person } from '../core/actors';
import type { OutboxMessage, StaffRecord } from '../core/ports';
import { actOnSignal } from '../signals/act-on-signal';
import { HANDOVER_AUDIT_ACTION, HANDOVER_NOTIFY, type HandoverDeps } from './handover-ports';

export type HandoverOutcome =
  | {
      ok: true;
      /** references handed over now */
      moved: string[];
      /** references that changed meanwhile (or could not be written): still with `from`; run again */
      failed: { reference: string; code: string }[];
    }
  | { ok: false; code: RefusalCode };

const activeWorker = (staff: StaffRecord[], userId: string) =>
  staff.some((s) => s.userId === userId && !s.leftAt && s.roles.includes('preventionWorker'));

/**
 * A coordinator hands every open case of one prevention worker to another, at one school
 * (issue 16). Each case goes through the reassign of the lifecycle (`actOnSignal`): its own
 * ETag-guarded batch with its notifications (card copies updated, the new casushouder gets the
 * card, coordinators and the previous one are told), pinned to the version listed here, so a
 * case changed meanwhile is left alone and reported. The reporter hears who handles it now.
 * Every case's reason is audited. Running it again hands over what is still hers: idempotent.
 */
export async function handOverCases(
  deps: HandoverDeps,
  person: Person,
  args: { schoolId: string; fromId: string; toId: string; reason: string | undefined; correlationId?: string },
): Promise<HandoverOutcome> {
  const actor = actorAt(person, args.schoolId);
  const base = {
    schoolId: args.schoolId,
    actorId: person.userId || 'unknown',
    actorRoles: actor ? [...actor.roles] : allRoles(person),
    action: HANDOVER_AUDIT_ACTION,
    ...(args.correlationId ? { correlationId: args.correlationId } : {}),
  };
  if (!actor) {
    await deps.audit.record({ ...base, outcome: 'refused', code: 'handover-not-coordinator' });
    return { ok: false, code: 'handover-not-coordinator' };
  }
  const staff = await deps.ports.directory.listStaff(args.schoolId);
  const checked = checkHandover({
    actor,
    fromId: args.fromId,
    toId: args.toId,
    reason: args.reason,
    isWorker: (id) => activeWorker(staff, id),
  });
  if (!checked.ok) {
    await deps.audit.record({ ...base, outcome: 'refused', code: checked.code });
    return { ok: false, code: checked.code };
  }
  const reason = checked.value.reason;
  const cases = casesOf(await deps.ports.signals.listOpen(args.schoolId), args.fromId);
  const moved: string[] = [];
  const failed: { reference: string; code: string }[] = [];
  for (const signal of cases) {
    const outcome = await actOnSignal(deps.ports, person, {
      schoolId: args.schoolId,
      signalId: signal.id,
      action: { type: 'reassign', toUserId: args.toId, toIsPreventionWorker: true },
      expectedVersion: signal.updatedAt,
      extraMessages: (after, staffNow) => reporterNotice(after, staffNow),
      correlationId: args.correlationId,
    });
    await deps.audit.record({
      ...base,
      outcome: outcome.ok ? 'ok' : 'failed',
      ...(outcome.ok ? {} : { code: outcome.code }),
      signalId: signal.id,
      pupilId: signal.pupilId,
      subject: args.toId,
      reason,
    });
    if (outcome.ok) moved.push(signal.reference);
    else failed.push({ reference: signal.reference, code: outcome.code });
  }
  return { ok: true, moved, failed };
}

/** The reporter (not a prevention worker, who sees the card itself) hears who the casushouder is now. */
function reporterNotice(after: Signal, staff: StaffRecord[]): OutboxMessage[] {
  if (activeWorker(staff, after.reporterId)) return [];
  return [
    {
      key: `${after.id}:${after.history.length}:${after.reporterId}:handover`,
      target: { kind: 'user', userId: after.reporterId },
      payload: { kind: HANDOVER_NOTIFY.handoverNotice, signalId: after.id, params: { ownerId: after.ownerId ?? '' } },
    },
  ];
}
