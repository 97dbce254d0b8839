import { localDate } from '../../domain/amsterdam-time';
import type { RefusalCode } from '../../domain/refusal-codes';
import { hasRole } from '../../domain/roles';
import { duoPartners, isAway, parseLeaveDate, startLeave, type StaffLeave } from '../../domain/staff-leave';
import { actorAt, allRoles, type Person } from '../core/actors';
import type { OutboxMessage } from '../core/ports';
import {
  HANDOVER_NOTIFY,
  LEAVE_AUDIT_ACTION,
  type AbsenceNoticeRole,
  type HandoverDeps,
  type StaffRecordDoc,
} from './handover-ports';

export type LeaveRequest = { kind: 'set'; untilText: string } | { kind: 'end' };

export type LeaveOutcome =
  { ok: true; leave?: StaffLeave; changed: boolean; partners: string[] } | { ok: false; code: RefusalCode };

/** Her absence as it stands today (undefined once its last day has passed), with the record's ETag. */
export async function readLeave(
  deps: HandoverDeps,
  schoolId: string,
  userId: string,
): Promise<{ leave?: StaffLeave; etag: string; staff: StaffRecordDoc } | undefined> {
  const found = await deps.staff.getStaff(schoolId, userId);
  if (!found) return undefined;
  const today = localDate(deps.ports.clock.now());
  const leave = found.doc.leave && isAway(found.doc, today) ? found.doc.leave : undefined;
  return { leave, etag: found.etag, staff: found.doc };
}

/**
 * A prevention worker sets herself away until a date, or ends it (issue 16). Stored on her staff
 * record, ETag-guarded (`expectedEtag`: the version her card was drawn on; a typed command
 * re-reads on a race). Audited old → new last day. She and her duo partners are told through
 * the outbox (another container than the staff record, so not in one batch): the keys are
 * deterministic, and the same leave set again queues them again, so a turn that failed between
 * the two writes is made whole by its retry and nobody is told twice.
 */
export async function setLeave(
  deps: HandoverDeps,
  person: Person,
  args: { schoolId: string; request: LeaveRequest; expectedEtag?: string; correlationId?: string },
): Promise<LeaveOutcome> {
  const actor = actorAt(person, args.schoolId);
  const audit = (outcome: 'ok' | 'refused', code?: RefusalCode, from = '', to = '') =>
    deps.audit.record({
      schoolId: args.schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: actor ? [...actor.roles] : allRoles(person),
      action: LEAVE_AUDIT_ACTION,
      outcome,
      ...(code ? { code } : {}),
      ...(outcome === 'ok' ? { changes: [{ field: 'afwezigTot', from, to }] } : {}),
      ...(args.correlationId ? { correlationId: args.correlationId } : {}),
    });
  const refused = async (code: RefusalCode): Promise<LeaveOutcome> => {
    await audit('refused', code);
    return { ok: false, code };
  };
  if (!actor) return refused('not-staff');
  if (!hasRole(actor, 'preventionWorker')) return refused('leave-not-prevention-worker');
  const now = deps.ports.clock.now();
  const today = localDate(now);
  let until: string | undefined;
  if (args.request.kind === 'set') {
    const parsed = parseLeaveDate(args.request.untilText, today);
    if (!parsed.ok) return refused(parsed.code);
    until = parsed.value;
  }
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await readLeave(deps, args.schoolId, actor.userId);
    if (!current) return refused('not-staff');
    if (args.expectedEtag !== undefined && args.expectedEtag !== current.etag) return refused('stale');
    const staff = await deps.ports.directory.listStaff(args.schoolId);
    const partners = duoPartners(staff, actor.userId, today).map((s) => s.userId);
    const before = current.leave;
    if (until === undefined && !before) return { ok: true, changed: false, partners };
    if (until !== undefined && before?.until === until) {
      // the same leave again (a retried turn whose notices may not have been queued): the same keys, no repeats
      await deps.outbox.enqueue(args.schoolId, leaveMessages(actor.userId, partners, today, before, undefined), now);
      return { ok: true, leave: before, changed: false, partners };
    }
    const leave = until === undefined ? undefined : startLeave(until, before?.since ?? today, actor.userId);
    const next: StaffRecordDoc = { ...current.staff };
    if (leave) next.leave = leave;
    else delete next.leave;
    const written = await deps.staff.replaceStaff(next, current.etag);
    if (written === 'conflict') {
      if (args.expectedEtag !== undefined) return refused('stale');
      continue;
    }
    await audit('ok', undefined, before?.until ?? '', leave?.until ?? '');
    await deps.outbox.enqueue(args.schoolId, leaveMessages(actor.userId, partners, today, leave, before), now);
    return { ok: true, leave, changed: true, partners };
  }
  return refused('busy');
}

/** She hears her absence is set; her partners that she is away (or back, when she ends it early). */
function leaveMessages(
  userId: string,
  partners: string[],
  today: string,
  leave: StaffLeave | undefined,
  before: StaffLeave | undefined,
): OutboxMessage[] {
  const message = (to: string, role: AbsenceNoticeRole, until: string): OutboxMessage => ({
    key: `leave:${userId}:${role}:${leave ? `${leave.since}:${until}` : `${until}:${today}`}:${to}`,
    target: { kind: 'user', userId: to },
    payload: { kind: HANDOVER_NOTIFY.absenceNotice, params: { userId, until, role } },
  });
  if (!leave) return partners.map((p) => message(p, 'partnerBack', before?.until ?? today));
  return [message(userId, 'self', leave.until), ...partners.map((p) => message(p, 'partner', leave.until))];
}
