import type { DirectoryRepository } from './directory-repository';
import { type BatchOp, type DocStore, type Versioned } from './doc-store';
import { PupilDocSchema, StaffDocSchema, staffDocId, type PupilDoc, type StaffDoc } from './schemas/directory-docs';

const BATCH_MAX = 100;

/**
 * Re-keys a staff record imported with only a UPN (`staff:upn:<upn>`) to the person's Entra id
 * (`staff:<entraId>`), so that ids stay what `staffDocId` says everywhere. Implements the app's
 * `StaffBindingPort` (src/app/bind-staff.ts) structurally.
 *
 * One transactional batch in the school's partition: create the new document (fails if the Entra
 * id is already staff there), delete the old one if its ETag still matches, and point up to 98 of
 * the school's pupils whose mentor was `upn:<upn>` at the Entra id, each ETag-guarded. A mentor
 * of more pupils than fit gets the rest in follow-up writes, each guarded and repeated on a race
 * until the pupil no longer names the old id (safe to repeat; a later pupils import, which
 * resolves mentors by UPN against the stored staff, sets the same id too).
 */
export class StaffBindingRepository {
  constructor(private readonly store: DocStore, private readonly directory: Pick<DirectoryRepository, 'invalidateStaff' | 'invalidatePupils'>) {}

  async findUnbound(upns: string[]): Promise<{ staff: StaffDoc; etag: string }[]> {
    if (upns.length === 0) return [];
    const params = Object.fromEntries(upns.slice(0, 8).map((u, i) => [`u${i}`, u]));
    const where = Object.keys(params).map((k) => `c.upn = @${k}`).join(' OR ');
    const found = await this.store.queryVersioned(StaffDocSchema, `SELECT * FROM c WHERE c.type = 'staff' AND (${where})`, params);
    return found.filter((v) => v.doc.userId.startsWith('upn:')).map((v) => ({ staff: v.doc, etag: v.etag }));
  }

  async bind(record: { staff: { id: string; schoolId: string; userId: string }; etag: string }, entraId: string): Promise<'ok' | 'conflict'> {
    const { schoolId, userId: oldId } = record.staff;
    const old = this.store.parse(StaffDocSchema, record.staff.id, record.staff);
    const staffOps: BatchOp[] = [
      { operationType: 'Create', resourceBody: { ...old, id: staffDocId(entraId), userId: entraId } },
      { operationType: 'Delete', id: old.id, ifMatch: record.etag },
    ];
    const mentored = () => this.store.queryVersioned(PupilDocSchema, "SELECT * FROM c WHERE c.type = 'pupil' AND c.mentorId = @m", { m: oldId }, schoolId);
    try {
      const pupils = await mentored();
      const inBatch = pupils.slice(0, BATCH_MAX - staffOps.length);
      let res = await this.store.batch(schoolId, [...staffOps, ...inBatch.map((p): BatchOp => ({ operationType: 'Replace', id: p.doc.id, resourceBody: { ...p.doc, mentorId: entraId }, ifMatch: p.etag }))]);
      let rest = pupils.slice(inBatch.length);
      if (!res.ok && res.index >= staffOps.length && res.status === 412) {
        // A pupil changed between the query and the batch (an import under way): bind the record
        // alone, then re-point the pupils one by one.
        res = await this.store.batch(schoolId, staffOps);
        rest = res.ok ? await mentored() : [];
      }
      if (!res.ok) {
        if (res.status === 409 || res.status === 412 || res.status === 404) return 'conflict';
        throw new Error(`Staff binding batch failed with status ${res.status} at operation ${res.index}`);
      }
      for (const p of rest) await this.repointPupil(p, oldId, entraId);
      return 'ok';
    } finally {
      this.directory.invalidateStaff();
      this.directory.invalidatePupils(schoolId);
    }
  }

  /** Points one pupil's mentor at the Entra id while it still names the old id; re-read on a race. */
  private async repointPupil(found: Versioned<PupilDoc>, oldId: string, entraId: string): Promise<void> {
    let current: Versioned<PupilDoc> | undefined = found;
    for (let attempt = 0; attempt < 5 && current && current.doc.mentorId === oldId; attempt++) {
      const outcome = await this.store.replace({ ...current.doc, mentorId: entraId }, current.etag);
      if (outcome !== 'precondition-failed') return;
      current = await this.store.read(PupilDocSchema, found.doc.id, found.doc.schoolId);
    }
  }
}
