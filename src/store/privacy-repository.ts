import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ExportGrant, PrivacyPort } from '../app/privacy/privacy-ports';
import type { Signal } from '../domain/signal';
import { DocStore } from './doc-store';
import { AuditDocSchema, type AuditDoc } from './schemas/audit-doc';
import {
  DeliveryDocSchema,
  OutboxDocSchema,
  outboxDoc,
  type DeliveryDoc,
  type NewOutboxMessage,
} from './schemas/outbox-doc';
import { SignalDocSchema, type SignalDoc } from './schemas/signal-doc';

/** The outbox kind of a neutral update (kept in step with PRIVACY_NOTIFY.messageRemoved in src/app). */
const MESSAGE_REMOVED_KIND = 'privacy.messageRemoved';

const grantFields = {
  id: z.string(),
  type: z.literal('exportGrant'),
  schoolId: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().optional(),
  ttl: z.number().int().optional(),
};
/** A pupil's export (no `kind`: written before the bespreeklijst existed) or a bespreeklijst. */
const ExportGrantDocSchema = z.union([
  z.object({
    ...grantFields,
    kind: z.literal('pupilExport').optional(),
    pupilId: z.string(),
    coordinatorId: z.string(),
  }),
  z.object({ ...grantFields, kind: z.literal('meetingAgenda'), requesterId: z.string() }),
]);
type ExportGrantDoc = z.infer<typeof ExportGrantDocSchema>;

const AnyDocSchema = z.object({ id: z.string(), type: z.string(), schoolId: z.string() }).passthrough();
type AnyDoc = z.infer<typeof AnyDocSchema>;

const fromSignalDoc = (d: SignalDoc): Signal => {
  const {
    type: _t,
    ttl: _ttl,
    submissionId: _s,
    _rid,
    _self,
    _etag,
    _attachments,
    _ts,
    ...rest
  } = d as SignalDoc & Record<string, unknown>;
  return rest as unknown as Signal; // the signal schema checks the envelope only (see signal-repository)
};
const toDelivery = (d: DeliveryDoc) => ({
  id: d.id,
  subjectId: d.subjectId,
  target: d.target,
  conversationId: d.conversationId,
  activityId: d.activityId,
  at: d.at,
});
const toAudit = (d: AuditDoc) => ({
  id: d.id,
  schoolId: d.schoolId,
  at: d.at,
  actorId: d.actorId,
  actorRoles: d.actorRoles,
  action: d.action,
  outcome: d.outcome,
  code: d.code,
  pupilId: d.pupilId,
  signalId: d.signalId,
  subject: d.subject,
});
const grantId = (token: string) => `export:${createHash('sha256').update(token).digest('hex')}`;
const COSMOS_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'];

/**
 * A shared round page may hold entries of several pupils: arrays of objects with a `pupilId`, or
 * maps keyed by pupil id. These helpers find and remove one pupil's entries in such a doc without
 * knowing its exact shape (the rounds capability owns it).
 */
function pupilEntries(doc: AnyDoc, pupilId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (COSMOS_FIELDS.includes(k)) continue;
    if (Array.isArray(v)) {
      const mine = v.filter((e) => e && typeof e === 'object' && (e as { pupilId?: unknown }).pupilId === pupilId);
      if (mine.length) out[k] = mine;
    } else if (v && typeof v === 'object' && pupilId in v) {
      out[k] = { [pupilId]: (v as Record<string, unknown>)[pupilId] };
    }
  }
  return out;
}
function withoutPupil(doc: AnyDoc, pupilId: string): AnyDoc {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (COSMOS_FIELDS.includes(k)) continue;
    if (Array.isArray(v))
      out[k] = v.filter((e) => !(e && typeof e === 'object' && (e as { pupilId?: unknown }).pupilId === pupilId));
    else if (v && typeof v === 'object' && pupilId in v) {
      const { [pupilId]: _gone, ...rest } = v as Record<string, unknown>;
      out[k] = rest;
    } else out[k] = v;
  }
  return out as AnyDoc;
}

/**
 * The store side of retention and erasure (src/app/privacy/privacy-ports.ts): the only place that
 * deletes signals, pupil records and audit entries. Works across the `cases`, `directory`,
 * `audit` and `leases` containers, always within one school's partition.
 */
export class PrivacyRepository implements PrivacyPort {
  constructor(
    private readonly stores: { cases: DocStore; directory: DocStore; audit: DocStore; leases: DocStore },
    private readonly onPupilRemoved: (schoolId: string) => void = () => undefined,
  ) {}

  async signalsOfPupil(schoolId: string, pupilId: string): Promise<Signal[]> {
    const rows = await this.stores.cases.query(
      SignalDocSchema,
      "SELECT * FROM c WHERE c.type = 'signal' AND c.pupilId = @p ORDER BY c.createdAt ASC",
      { p: pupilId },
      schoolId,
    );
    return rows.map(fromSignalDoc);
  }

  async closedSignalsBefore(schoolId: string, cutoffIso: string): Promise<Signal[]> {
    const rows = await this.stores.cases.query(
      SignalDocSchema,
      "SELECT * FROM c WHERE c.type = 'signal' AND c.state = 'closed' AND c.closedAt < @cut",
      { cut: cutoffIso },
      schoolId,
    );
    return rows.map(fromSignalDoc);
  }

  async deliveriesAbout(schoolId: string, signalId: string) {
    // The signal card's copies are recorded under the signal id; other capabilities record theirs
    // under a key containing it (e.g. an escalation post).
    const rows = await this.stores.cases.query(
      DeliveryDocSchema,
      "SELECT * FROM c WHERE c.type = 'delivery' AND (c.subjectId = @s OR CONTAINS(c.subjectId, @s))",
      { s: signalId },
      schoolId,
    );
    return rows.map(toDelivery);
  }

  async removeSignal(
    schoolId: string,
    signalId: string,
    neutralUpdates: NewOutboxMessage[],
    now: Date,
  ): Promise<{ outbox: number; deliveries: number; signal: boolean }> {
    const outbox = await this.stores.cases.query(
      OutboxDocSchema,
      "SELECT * FROM c WHERE c.type = 'outbox' AND c.payload.kind != @k AND (c.payload.signalId = @s OR CONTAINS(c.payload.updateOf, @s))",
      { s: signalId, k: MESSAGE_REMOVED_KIND },
      schoolId,
    );
    for (const d of outbox) await this.stores.cases.delete(d.id, schoolId);
    // The neutral updates carry where each copy lives, so the delivery records can go now.
    for (const [i, m] of neutralUpdates.entries()) await this.stores.cases.create(outboxDoc(schoolId, m, now, i));
    const deliveries = await this.deliveriesAbout(schoolId, signalId);
    for (const d of deliveries) await this.stores.cases.delete(d.id, schoolId);
    const existed = !!(await this.stores.cases.read(AnyDocSchema, signalId, schoolId));
    await this.stores.cases.delete(signalId, schoolId);
    return { outbox: outbox.length, deliveries: deliveries.length, signal: existed };
  }

  /** Documents of one pupil other than signals (round scores…), and the pupil's entries of shared round pages. */
  async scoreDocsOfPupil(schoolId: string, pupilId: string): Promise<AnyDoc[]> {
    const own = await this.stores.cases.query(
      AnyDocSchema,
      "SELECT * FROM c WHERE c.pupilId = @p AND c.type != 'signal'",
      { p: pupilId },
      schoolId,
    );
    const pages = await this.stores.cases.query(
      AnyDocSchema,
      "SELECT * FROM c WHERE c.type = 'roundPage'",
      {},
      schoolId,
    );
    const shared = pages
      .map((d) => ({ d, mine: pupilEntries(d, pupilId) }))
      .filter((x) => Object.keys(x.mine).length > 0)
      .map((x) => ({
        id: x.d.id,
        type: x.d.type,
        schoolId,
        ...(typeof x.d.roundId === 'string' ? { roundId: x.d.roundId } : {}),
        ...x.mine,
      }));
    return [
      ...own.map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !COSMOS_FIELDS.includes(k))) as AnyDoc),
      ...shared,
    ];
  }

  async removeScoresOfPupil(schoolId: string, pupilId: string): Promise<number> {
    let n = 0;
    const own = await this.stores.cases.query(
      AnyDocSchema,
      "SELECT * FROM c WHERE c.pupilId = @p AND c.type != 'signal'",
      { p: pupilId },
      schoolId,
    );
    for (const d of own) {
      await this.stores.cases.delete(d.id, schoolId);
      n++;
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const pages = await this.stores.cases.queryValues<AnyDoc & { _etag: string }>(
        "SELECT * FROM c WHERE c.type = 'roundPage'",
        {},
        schoolId,
      );
      const touched = pages.filter((d) => Object.keys(pupilEntries(d, pupilId)).length > 0);
      let conflicts = 0;
      for (const d of touched) {
        const outcome = await this.stores.cases.replace(withoutPupil(d, pupilId), d._etag);
        if (outcome === 'ok') n++;
        else if (outcome === 'precondition-failed') conflicts++;
      }
      if (conflicts === 0) break;
    }
    return n;
  }

  async auditAbout(schoolId: string, pupilId: string, signalIds: string[]) {
    const rows = await this.stores.audit.query(
      AuditDocSchema,
      "SELECT * FROM c WHERE c.type = 'audit' AND (c.pupilId = @p OR ARRAY_CONTAINS(@ids, c.signalId))",
      { p: pupilId, ids: signalIds },
      schoolId,
    );
    return rows.map(toAudit);
  }

  async auditBefore(schoolId: string, cutoffIso: string, keepActions: string[]) {
    const rows = await this.stores.audit.query(
      AuditDocSchema,
      "SELECT * FROM c WHERE c.type = 'audit' AND c.at < @cut AND NOT ARRAY_CONTAINS(@keep, c.action)",
      { cut: cutoffIso, keep: keepActions },
      schoolId,
    );
    return rows.map(toAudit);
  }

  /** Deletes audit entries: only retention and erasure call this (the log is append-only otherwise). */
  async removeAuditEntries(schoolId: string, ids: string[]): Promise<number> {
    for (const id of ids) await this.stores.audit.delete(id, schoolId);
    return ids.length;
  }

  async removePupil(schoolId: string, pupilId: string): Promise<boolean> {
    const existed = !!(await this.stores.directory.read(AnyDocSchema, pupilId, schoolId));
    await this.stores.directory.delete(pupilId, schoolId);
    this.onPupilRemoved(schoolId);
    return existed;
  }

  async createExportGrant(grant: ExportGrant, now: Date): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const ttl = Math.max(60, Math.ceil((new Date(grant.expiresAt).getTime() - now.getTime()) / 1000) + 300);
    const doc: ExportGrantDoc = { id: grantId(token), type: 'exportGrant', ...grant, ttl };
    await this.stores.leases.create(doc);
    return token;
  }

  async redeemExportGrant(token: string, now: Date): Promise<ExportGrant | undefined> {
    const rows = await this.stores.leases.queryValues<ExportGrantDoc & { _etag: string }>(
      "SELECT * FROM c WHERE c.type = 'exportGrant' AND c.id = @id",
      { id: grantId(token) },
    );
    const raw = rows[0];
    if (!raw) return undefined;
    const doc = this.stores.leases.parse(ExportGrantDocSchema, raw.id, raw);
    if (doc.usedAt || doc.expiresAt <= now.toISOString()) return undefined;
    const used = await this.stores.leases.replace({ ...doc, usedAt: now.toISOString() }, raw._etag);
    if (used !== 'ok') return undefined;
    return 'requesterId' in doc
      ? { kind: 'meetingAgenda', schoolId: doc.schoolId, requesterId: doc.requesterId, expiresAt: doc.expiresAt }
      : {
          kind: 'pupilExport',
          schoolId: doc.schoolId,
          pupilId: doc.pupilId,
          coordinatorId: doc.coordinatorId,
          expiresAt: doc.expiresAt,
        };
  }

  async removeDigestSnapshotsBefore(schoolId: string, cutoffIso: string): Promise<number> {
    const rows = await this.stores.cases.query(
      AnyDocSchema,
      "SELECT c.id, c.type, c.schoolId FROM c WHERE c.type = 'digestSnapshot' AND c.until < @cut",
      { cut: cutoffIso },
      schoolId,
    );
    for (const d of rows) await this.stores.cases.delete(d.id, schoolId);
    return rows.length;
  }

  async removeExportGrants(schoolId: string, pupilId: string | undefined, expiredBeforeIso?: string): Promise<number> {
    const rows = pupilId
      ? await this.stores.leases.query(
          ExportGrantDocSchema,
          "SELECT * FROM c WHERE c.type = 'exportGrant' AND c.pupilId = @p",
          { p: pupilId },
          schoolId,
        )
      : await this.stores.leases.query(
          ExportGrantDocSchema,
          "SELECT * FROM c WHERE c.type = 'exportGrant' AND (c.expiresAt < @cut OR IS_DEFINED(c.usedAt))",
          { cut: expiredBeforeIso ?? '' },
          schoolId,
        );
    for (const d of rows) await this.stores.leases.delete(d.id, schoolId);
    return rows.length;
  }
}
