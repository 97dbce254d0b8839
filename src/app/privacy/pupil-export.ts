import type { Signal } from '../../domain/signal';
import type { RefusalCode } from '../../domain/refusal-codes';
import type { Person } from '../core/actors';
import type { AppPorts, PupilRecord, StaffRecord } from '../core/ports';
import { coordinatorPupil } from './coordinator-pupil';
import { auditEntriesOfPupil } from './pupil-audit-trail';
import {
  PRIVACY_ACTIONS,
  type AuditRecord,
  type DeliveryRecord,
  type ExportGrant,
  type PrivacyPort,
  type PupilExportGrant,
  type ScoreDocument,
} from './privacy-ports';

/** Everything Waakvlam holds about one pupil (inzage, AVG art. 15). */
export interface PupilExport {
  generatedAt: string;
  schoolName: string;
  pupil: PupilRecord;
  signals: { signal: Signal; deliveries: DeliveryRecord[] }[];
  scores: ScoreDocument[];
  audit: AuditRecord[];
  staff: StaffRecord[];
}

export const EXPORT_GRANT_MINUTES = 10;

/** Gathers the export. Reading it is audited by the caller (request and download separately). */
export async function collectPupilExport(
  ports: AppPorts,
  privacy: PrivacyPort,
  schoolId: string,
  pupilId: string,
): Promise<PupilExport | undefined> {
  const pupil = await ports.directory.getPupil(schoolId, pupilId);
  if (!pupil) return undefined;
  const [signals, scores, audit, staff, school] = await Promise.all([
    privacy.signalsOfPupil(schoolId, pupilId),
    privacy.scoreDocsOfPupil(schoolId, pupilId),
    auditEntriesOfPupil(ports, privacy, schoolId, pupilId),
    ports.directory.listStaff(schoolId),
    ports.directory.getSchool(schoolId),
  ]);
  const withDeliveries = await Promise.all(
    signals.map(async (signal) => ({ signal, deliveries: await privacy.deliveriesAbout(schoolId, signal.id) })),
  );
  return {
    generatedAt: ports.clock.now().toISOString(),
    schoolName: school?.doc.name ?? schoolId,
    pupil,
    signals: withDeliveries,
    scores,
    audit,
    staff,
  };
}

export type ExportRequestOutcome =
  { ok: true; export: PupilExport; token: string; expiresAt: string } | { ok: false; code: RefusalCode };

/**
 * /inzage <leerlingnummer>: a coordinator of the pupil's school gets a summary and a one-time
 * download link (10 minutes, bound to them). The export itself is rendered again at download
 * time from current state, so no copy of the pupil's data is stored for the link.
 */
export async function requestPupilExport(
  ports: AppPorts,
  privacy: PrivacyPort,
  person: Person,
  pupilNumber: string,
  correlationId?: string,
): Promise<ExportRequestOutcome> {
  const who = await coordinatorPupil(ports, person, pupilNumber, PRIVACY_ACTIONS.exportRequest, correlationId);
  if (!who.ok) return who;
  const now = ports.clock.now();
  const data = await collectPupilExport(ports, privacy, who.pupil.schoolId, who.pupil.id);
  if (!data) return { ok: false, code: 'pupil-number-unknown' };
  const expiresAt = new Date(now.getTime() + EXPORT_GRANT_MINUTES * 60_000).toISOString();
  const token = await privacy.createExportGrant(
    { kind: 'pupilExport', schoolId: who.pupil.schoolId, pupilId: who.pupil.id, coordinatorId: who.actorId, expiresAt },
    now,
  );
  await ports.audit.record({
    schoolId: who.pupil.schoolId,
    actorId: who.actorId,
    actorRoles: who.actorRoles,
    action: PRIVACY_ACTIONS.exportRequest,
    outcome: 'ok',
    pupilId: who.pupil.id,
    correlationId,
  });
  return { ok: true, export: data, token, expiresAt };
}

/**
 * GET /export/<token>: redeems a one-time token (once; unknown, used or expired ones are refused
 * and audited). What it stands for is rendered by the caller from current state.
 */
export async function redeemDownload(
  ports: AppPorts,
  privacy: PrivacyPort,
  token: string,
): Promise<{ ok: true; grant: ExportGrant } | { ok: false; code: 'export-link-invalid' }> {
  const now = ports.clock.now();
  const grant = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await privacy.redeemExportGrant(token, now) : undefined;
  if (!grant) {
    await ports.audit.record({
      schoolId: '_export',
      actorId: 'unknown',
      actorRoles: [],
      action: PRIVACY_ACTIONS.exportDownload,
      outcome: 'refused',
      code: 'export-link-invalid',
    });
    return { ok: false, code: 'export-link-invalid' };
  }
  return { ok: true, grant };
}

/** A redeemed inzage link: the export, if the coordinator still is one; audited either way. */
export async function pupilExportOfGrant(
  ports: AppPorts,
  privacy: PrivacyPort,
  grant: PupilExportGrant,
): Promise<{ ok: true; export: PupilExport } | { ok: false; code: 'pupil-unknown' }> {
  const staff = (await ports.directory.listStaff(grant.schoolId)).find(
    (s) => s.userId === grant.coordinatorId && !s.leftAt,
  );
  const data = staff?.roles.includes('coordinator')
    ? await collectPupilExport(ports, privacy, grant.schoolId, grant.pupilId)
    : undefined;
  await ports.audit.record({
    schoolId: grant.schoolId,
    actorId: grant.coordinatorId,
    actorRoles: staff ? [...staff.roles] : [],
    action: PRIVACY_ACTIONS.exportDownload,
    outcome: data ? 'ok' : 'refused',
    code: data ? undefined : staff?.roles.includes('coordinator') ? 'pupil-unknown' : 'not-coordinator',
    pupilId: data ? grant.pupilId : undefined,
  });
  return data ? { ok: true, export: data } : { ok: false, code: 'pupil-unknown' };
}
