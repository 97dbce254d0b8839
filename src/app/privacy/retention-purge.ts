import type { AppPorts } from '../core/ports';
import { KEPT_AUDIT_ACTIONS, PRIVACY_ACTIONS, type PrivacyPort } from './privacy-ports';
import { retireSignal } from './retire-signal';

/** A school's retention, in months (SchoolDoc.retention; defaults 24 / 24 / 60). */
export interface Retention {
  closedSignalMonths: number;
  scoreMonthsAfterLeaving: number;
  auditMonths: number;
}

export const DEFAULT_RETENTION: Retention = { closedSignalMonths: 24, scoreMonthsAfterLeaving: 24, auditMonths: 60 };

/**
 * A posted digest is kept this long after the end of its period: long enough for a late delivery
 * and for a coordinator to look back a term, and no longer (it only repeats what the signals hold).
 */
export const DIGEST_SNAPSHOT_DAYS = 90;
const DAY_MS = 86_400_000;

/** The moment `months` calendar months before `now` (UTC; a day either way does not matter here). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export interface PurgeCounts {
  signals: number;
  deliveries: number;
  scores: number;
  audit: number;
  exportLinks: number;
  digests: number;
}

/**
 * S9: removes what a school's retention no longer allows it to keep — closed signals (with their
 * outbox messages and delivery records; the history is inside the signal) a retention period after
 * closing, round scores of pupils who left longer ago than the retention, audit entries older than
 * the audit retention (except the records of purges and erasures) — and writes one audit entry of
 * the purge with counts only, which is kept. Idempotent: a second run finds nothing to remove.
 */
export async function purgeSchool(
  ports: AppPorts,
  privacy: PrivacyPort,
  schoolId: string,
  retention: Retention,
  now: Date,
): Promise<PurgeCounts> {
  const counts: PurgeCounts = { signals: 0, deliveries: 0, scores: 0, audit: 0, exportLinks: 0, digests: 0 };
  const signalCutoff = monthsBefore(now, retention.closedSignalMonths).toISOString();
  for (const s of await privacy.closedSignalsBefore(schoolId, signalCutoff)) {
    const r = await retireSignal(privacy, schoolId, s.id, 'retention', now);
    if (r.signal) counts.signals++;
    counts.deliveries += r.deliveries;
  }
  const leftCutoff = monthsBefore(now, retention.scoreMonthsAfterLeaving).toISOString();
  for (const p of await ports.directory.listPupils(schoolId)) {
    if (p.leftAt && p.leftAt < leftCutoff) counts.scores += await privacy.removeScoresOfPupil(schoolId, p.id);
  }
  const auditCutoff = monthsBefore(now, retention.auditMonths).toISOString();
  const oldAudit = await privacy.auditBefore(schoolId, auditCutoff, KEPT_AUDIT_ACTIONS);
  counts.audit = await privacy.removeAuditEntries(
    schoolId,
    oldAudit.map((a) => a.id),
  );
  counts.exportLinks = await privacy.removeExportGrants(schoolId, undefined, now.toISOString());
  counts.digests = await privacy.removeDigestSnapshotsBefore(
    schoolId,
    new Date(now.getTime() - DIGEST_SNAPSHOT_DAYS * DAY_MS).toISOString(),
  );
  if (counts.signals + counts.scores + counts.audit + counts.digests > 0) {
    await ports.audit.record({
      schoolId,
      actorId: 'waakvlam:retention',
      actorRoles: [],
      action: PRIVACY_ACTIONS.retentionPurge,
      outcome: 'ok',
      code: `signals=${counts.signals};deliveries=${counts.deliveries};scores=${counts.scores};audit=${counts.audit};digests=${counts.digests}`,
    });
  }
  return counts;
}
