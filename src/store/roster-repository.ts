import type { z } from 'zod';
import type { CosmosStore } from './cosmos';
import { DocStore, type BatchOp } from './doc-store';
import type { RosterDoc, RosterPort, RosterWrite, StoredRosterDoc } from '../app/roster/roster-port';
import { PupilDocSchema, StaffDocSchema, type PupilDoc, type StaffDoc } from './schemas/directory-docs';

/**
 * Staff and pupils of the `directory` container for the roster import: read a whole school at
 * once (with ETags), write in transactional batches of at most 100 documents, each create
 * refusing an existing document and each replace guarded by the ETag it was planned on.
 * Implements the import's `RosterPort` (src/app/roster/roster-port.ts).
 */
export class RosterRepository implements RosterPort {
  constructor(private readonly store: DocStore) {}

  /** On the `directory` container of an opened store (e.g. `openRepositories(...).cosmos`). */
  static on(cosmos: Pick<CosmosStore, 'containers'>): RosterRepository {
    return new RosterRepository(new DocStore(cosmos.containers.directory));
  }

  listStaff(schoolId: string): Promise<StoredRosterDoc<StaffDoc>[]> {
    return this.listVersioned(StaffDocSchema, 'staff', schoolId);
  }

  listPupils(schoolId: string): Promise<StoredRosterDoc<PupilDoc>[]> {
    return this.listVersioned(PupilDocSchema, 'pupil', schoolId);
  }

  async writeBatch(schoolId: string, writes: RosterWrite[]): Promise<'ok' | 'conflict'> {
    if (writes.length === 0) return 'ok';
    const ops: BatchOp[] = writes.map((w) => {
      const doc =
        w.doc.type === 'staff'
          ? this.store.parse(StaffDocSchema, w.doc.id, w.doc)
          : this.store.parse(PupilDocSchema, w.doc.id, w.doc);
      if (doc.schoolId !== schoolId) throw new Error(`Roster document ${doc.id} belongs to another school partition`);
      if (w.op === 'create') return { operationType: 'Create', resourceBody: doc };
      return w.etag
        ? { operationType: 'Replace', id: doc.id, resourceBody: doc, ifMatch: w.etag }
        : { operationType: 'Upsert', resourceBody: doc };
    });
    const res = await this.store.batch(schoolId, ops);
    if (res.ok) return 'ok';
    // 409: created meanwhile; 412: changed since read; 404: removed since read.
    if (res.status === 409 || res.status === 412 || res.status === 404) return 'conflict';
    throw new Error(`Roster batch failed with status ${res.status} at operation ${res.index}`);
  }

  private async listVersioned<T extends RosterDoc>(
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    type: 'staff' | 'pupil',
    schoolId: string,
  ): Promise<StoredRosterDoc<T>[]> {
    // The schoolId condition is redundant on Cosmos DB, but the embedded server ignores the
    // partition key of a query and would answer with every school's documents.
    const raw = await this.store.queryValues<{ id?: string; _etag?: string }>(
      'SELECT * FROM c WHERE c.type = @type AND c.schoolId = @schoolId',
      { type, schoolId },
      schoolId,
    );
    return raw.map((r) => ({ doc: this.store.parse(schema, String(r.id ?? '?'), r), etag: r._etag }));
  }
}
