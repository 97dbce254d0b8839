import type { DigestSchool, DigestSnapshot, DigestState, DigestStorePort } from '../app/digest/digest-ports';
import { schoolClosedDays } from '../domain/school-closed-days';
import type { Signal } from '../domain/signal';
import type { DirectoryRepository } from './directory-repository';
import type { DocStore, BatchOp } from './doc-store';
import {
  DIGEST_STATE_ID,
  DigestSnapshotDocSchema,
  DigestStateDocSchema,
  type DigestSnapshotDoc,
  type DigestStateDoc,
} from './schemas/digest-docs';
import type { SchoolDoc } from './schemas/directory-docs';
import { outboxDoc, type NewOutboxMessage } from './schemas/outbox-doc';
import { SignalDocSchema } from './schemas/signal-doc';
import { signalFromDoc, type SignalRepository } from './signal-repository';

const schoolRow = (s: SchoolDoc): DigestSchool => ({
  schoolId: s.schoolId,
  name: s.name,
  region: s.region,
  holidays: schoolClosedDays(s),
  limits: s.limits,
  digest: s.digest,
});
/** Cosmos TTL as a second line behind the retention purge (DIGEST_SNAPSHOT_DAYS after the period, plus a week). */
const SNAPSHOT_TTL_SECONDS = (90 + 7) * 86_400;
const snapshotDoc = (s: DigestSnapshot): DigestSnapshotDoc =>
  ({
    id: s.snapshotId,
    type: 'digestSnapshot',
    ...withoutId(s),
    ttl: SNAPSHOT_TTL_SECONDS,
  }) as unknown as DigestSnapshotDoc; // SchoolDigest is an interface: no index signature for the passthrough schema
const withoutId = ({ snapshotId: _id, ...rest }: DigestSnapshot) => rest;

/**
 * The digest's reads and writes. Reads: the open signals (SignalRepository.listOpen) and the
 * closed signals created since a date — both bounded by what is current, not by history.
 * Writes: state and snapshot docs in `cases`, with the outbox message in one batch.
 */
export class DigestRepository implements DigestStorePort {
  constructor(
    private readonly cases: DocStore,
    private readonly signals: SignalRepository,
    private readonly directory: DirectoryRepository,
  ) {}

  async listSchools(): Promise<DigestSchool[]> {
    return (await this.directory.listSchools()).map(schoolRow);
  }

  async getSchool(schoolId: string): Promise<DigestSchool | undefined> {
    const s = await this.directory.getSchool(schoolId);
    return s && schoolRow(s.doc);
  }

  listOpen(schoolId: string): Promise<Signal[]> {
    return this.signals.listOpen(schoolId);
  }

  /** Closed signals raised at or after `since`; open ones are read by listOpen, so none is read twice. */
  async listClosedCreatedSince(schoolId: string, since: Date): Promise<Signal[]> {
    const rows = await this.cases.query(
      SignalDocSchema,
      "SELECT * FROM c WHERE c.type = 'signal' AND c.state = 'closed' AND c.createdAt >= @since",
      { since: since.toISOString() },
      schoolId,
    );
    return rows.map(signalFromDoc);
  }

  async getState(schoolId: string): Promise<{ state: DigestState; etag: string } | undefined> {
    const v = await this.cases.read(DigestStateDocSchema, DIGEST_STATE_ID, schoolId);
    return (
      v && {
        state: {
          lastSlot: v.doc.lastSlot,
          coveredUntil: v.doc.coveredUntil,
          postedAt: v.doc.postedAt,
          ...(v.doc.baseline ? { baseline: true } : {}),
        },
        etag: v.etag,
      }
    );
  }

  async saveBaseline(schoolId: string, state: DigestState): Promise<boolean> {
    const doc: DigestStateDoc = { id: DIGEST_STATE_ID, type: 'digestState', schoolId, ...state };
    return (await this.cases.create(doc)) === 'ok';
  }

  async recordScheduled(
    snapshot: DigestSnapshot,
    message: NewOutboxMessage,
    state: DigestState,
    stateEtag: string,
    now: Date,
  ): Promise<'ok' | 'already-posted' | 'conflict'> {
    const stateDoc: DigestStateDoc = {
      id: DIGEST_STATE_ID,
      type: 'digestState',
      schoolId: snapshot.schoolId,
      ...state,
    };
    const ops: BatchOp[] = [
      { operationType: 'Create', resourceBody: snapshotDoc(snapshot) },
      { operationType: 'Replace', id: DIGEST_STATE_ID, resourceBody: stateDoc, ifMatch: stateEtag },
      { operationType: 'Create', resourceBody: outboxDoc(snapshot.schoolId, message, now, 0) },
    ];
    const res = await this.cases.batch(snapshot.schoolId, ops);
    if (res.ok) return 'ok';
    if (res.index === 0 && res.status === 409) return 'already-posted';
    if (res.status === 412 || res.status === 409) return 'conflict';
    throw new Error(`Digest write failed with status ${res.status}`);
  }

  async recordManual(
    snapshot: DigestSnapshot,
    message: NewOutboxMessage,
    now: Date,
  ): Promise<'ok' | 'already-posted' | 'conflict'> {
    const res = await this.cases.batch(snapshot.schoolId, [
      { operationType: 'Create', resourceBody: snapshotDoc(snapshot) },
      { operationType: 'Create', resourceBody: outboxDoc(snapshot.schoolId, message, now, 0) },
    ]);
    if (res.ok) return 'ok';
    if (res.status === 409) return 'already-posted';
    throw new Error(`Digest write failed with status ${res.status}`);
  }

  async getSnapshot(schoolId: string, snapshotId: string): Promise<DigestSnapshot | undefined> {
    const v = await this.cases.read(DigestSnapshotDocSchema, snapshotId, schoolId);
    if (!v) return undefined;
    const { id, type: _t, ttl: _ttl, ...rest } = v.doc as DigestSnapshotDoc & Record<string, unknown>;
    const { _rid, _self, _etag, _attachments, _ts, ...clean } = rest as Record<string, unknown>;
    return { snapshotId: id, ...(clean as Omit<DigestSnapshot, 'snapshotId'>) };
  }
}
