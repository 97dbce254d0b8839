import type { RefusalCode } from '../../domain/refusal-codes';
import type { Person } from '../core/actors';
import type { AppPorts, PupilRecord } from '../core/ports';
import { coordinatorPupil, pupilSubject } from './coordinator-pupil';
import { auditEntriesOfPupil } from './pupil-audit-trail';
import { PRIVACY_ACTIONS, type PrivacyPort } from './privacy-ports';
import { retireSignal } from './retire-signal';

export interface ErasureCounts {
  signals: number;
  scores: number;
  deliveries: number;
  audit: number;
}

export type ErasePreviewOutcome =
  { ok: true; pupil: PupilRecord; counts: ErasureCounts } | { ok: false; code: RefusalCode };

async function countsFor(ports: AppPorts, privacy: PrivacyPort, pupil: PupilRecord): Promise<ErasureCounts> {
  const signals = await privacy.signalsOfPupil(pupil.schoolId, pupil.id);
  const [scores, audit, deliveries] = await Promise.all([
    privacy.scoreDocsOfPupil(pupil.schoolId, pupil.id),
    auditEntriesOfPupil(ports, privacy, pupil.schoolId, pupil.id),
    Promise.all(signals.map((s) => privacy.deliveriesAbout(pupil.schoolId, s.id))),
  ]);
  return { signals: signals.length, scores: scores.length, deliveries: deliveries.flat().length, audit: audit.length };
}

/** /vergeet <leerlingnummer>: what an erasure would remove, for the confirmation card. */
export async function previewErasure(
  ports: AppPorts,
  privacy: PrivacyPort,
  person: Person,
  pupilNumber: string,
  correlationId?: string,
): Promise<ErasePreviewOutcome> {
  const who = await coordinatorPupil(ports, person, pupilNumber, PRIVACY_ACTIONS.erasePreview, correlationId);
  if (!who.ok) return who;
  const counts = await countsFor(ports, privacy, who.pupil);
  await ports.audit.record({
    schoolId: who.pupil.schoolId,
    actorId: who.actorId,
    actorRoles: who.actorRoles,
    action: PRIVACY_ACTIONS.erasePreview,
    outcome: 'ok',
    pupilId: who.pupil.id,
    correlationId,
  });
  return { ok: true, pupil: who.pupil, counts };
}

export type EraseOutcome =
  | { ok: true; counts: ErasureCounts; subject: string }
  | {
      ok: false;
      code: 'not-coordinator' | 'pupil-erased' | 'erase-confirmation-mismatch';
      pupil?: PupilRecord;
      counts?: ErasureCounts;
    };

/**
 * Vergetelheid (AVG art. 17): erases a pupil across every container — the pupil record, the
 * signals about the pupil with their outbox messages and delivery records (the Teams copies get a
 * neutral text), the pupil's round scores, open export links, and every audit entry about the
 * pupil — and then writes one audit entry of the erasure that names no one (a pseudonymous subject
 * and the counts). Conversation references belong to staff and stay. The pupil record goes last,
 * so a run that stops halfway can be repeated with the same command.
 */
export async function erasePupil(
  ports: AppPorts,
  privacy: PrivacyPort,
  person: Person,
  args: { schoolId: string; pupilId: string; typedNumber: string; correlationId?: string },
): Promise<EraseOutcome> {
  const actor = person.actors.find((a) => a.schoolId === args.schoolId);
  const actorId = person.userId || 'unknown';
  const pupil = actor ? await ports.directory.getPupil(args.schoolId, args.pupilId) : undefined;
  if (!actor || !actor.roles.includes('coordinator')) {
    await ports.audit.record({
      schoolId: args.schoolId,
      actorId,
      actorRoles: actor ? [...actor.roles] : [],
      action: PRIVACY_ACTIONS.erase,
      correlationId: args.correlationId,
      outcome: 'refused',
      code: 'not-coordinator',
      pupilId: pupil?.id,
    });
    return { ok: false, code: 'not-coordinator' };
  }
  if (!pupil) return { ok: false, code: 'pupil-erased' };
  if (args.typedNumber.trim() !== pupil.pupilNumber) {
    return { ok: false, code: 'erase-confirmation-mismatch', pupil, counts: await countsFor(ports, privacy, pupil) };
  }
  const now = ports.clock.now();
  const signals = await privacy.signalsOfPupil(pupil.schoolId, pupil.id);
  const signalIds = signals.map((s) => s.id);
  // The audit entries to erase are found before the signals go (entries may name only a signal).
  const auditIds = (await privacy.auditAbout(pupil.schoolId, pupil.id, signalIds)).map((a) => a.id);
  let deliveries = 0;
  for (const s of signals) deliveries += (await retireSignal(privacy, pupil.schoolId, s.id, 'erasure', now)).deliveries;
  const scores = await privacy.removeScoresOfPupil(pupil.schoolId, pupil.id);
  await privacy.removeExportGrants(pupil.schoolId, pupil.id);
  // Entries written meanwhile (e.g. a view just before the erasure) are caught by a second look.
  const lateIds = (await privacy.auditAbout(pupil.schoolId, pupil.id, signalIds)).map((a) => a.id);
  const audit = await privacy.removeAuditEntries(pupil.schoolId, [...new Set([...auditIds, ...lateIds])]);
  await privacy.removePupil(pupil.schoolId, pupil.id);
  const counts: ErasureCounts = { signals: signals.length, scores, deliveries, audit };
  const subject = pupilSubject(pupil.schoolId, pupil.pupilNumber);
  await ports.audit.record({
    schoolId: pupil.schoolId,
    actorId: actor.userId,
    actorRoles: [...actor.roles],
    action: PRIVACY_ACTIONS.erase,
    correlationId: args.correlationId,
    outcome: 'ok',
    subject,
    code: `signals=${counts.signals};scores=${counts.scores};deliveries=${counts.deliveries};audit=${counts.audit}`,
  });
  return { ok: true, counts, subject };
}
