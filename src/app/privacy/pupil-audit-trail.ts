import type { RefusalCode } from '../../domain/refusal-codes';
import type { Person } from '../core/actors';
import type { AppPorts, PupilRecord } from '../core/ports';
import { coordinatorPupil } from './coordinator-pupil';
import { PRIVACY_ACTIONS, type AuditRecord, type PrivacyPort } from './privacy-ports';

export const AUDIT_TRAIL_MAX = 30;

export type AuditTrailOutcome =
  { ok: true; pupil: PupilRecord; entries: AuditRecord[]; total: number } | { ok: false; code: RefusalCode };

/** Every audit entry about a pupil: naming the pupil, or one of the pupil's signals; newest first. */
export async function auditEntriesOfPupil(
  ports: AppPorts,
  privacy: PrivacyPort,
  schoolId: string,
  pupilId: string,
): Promise<AuditRecord[]> {
  const signals = await privacy.signalsOfPupil(schoolId, pupilId);
  const entries = await privacy.auditAbout(
    schoolId,
    pupilId,
    signals.map((s) => s.id),
  );
  return entries.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}

/** /audit <leerlingnummer>: the ~30 most recent entries of the pupil's audit trail (coordinator only). */
export async function pupilAuditTrail(
  ports: AppPorts,
  privacy: PrivacyPort,
  person: Person,
  pupilNumber: string,
  correlationId?: string,
): Promise<AuditTrailOutcome> {
  const who = await coordinatorPupil(ports, person, pupilNumber, PRIVACY_ACTIONS.auditTrail, correlationId);
  if (!who.ok) return who;
  const all = await auditEntriesOfPupil(ports, privacy, who.pupil.schoolId, who.pupil.id);
  await ports.audit.record({
    schoolId: who.pupil.schoolId,
    actorId: who.actorId,
    actorRoles: who.actorRoles,
    action: PRIVACY_ACTIONS.auditTrail,
    outcome: 'ok',
    pupilId: who.pupil.id,
    correlationId,
  });
  return { ok: true, pupil: who.pupil, entries: all.slice(0, AUDIT_TRAIL_MAX), total: all.length };
}
