import type { z } from 'zod';
import type { DirectoryRepository } from './directory-repository';
import type { Versioned } from '../app/core/ports';
import type { StaffBindingPort, UnboundStaff } from '../app/school/school-ports';
import { type BatchOp, type DocStore } from './doc-store';
import { PupilDocSchema, StaffDocSchema, staffDocId, type PupilDoc, type StaffDoc } from './schemas/directory-docs';
import { OutboxDocSchema, type OutboxDoc } from './schemas/outbox-doc';

const BATCH_MAX = 100;

/**
 * Re-keys a staff record imported with only a UPN (`staff:upn:<upn>`) to the person's Entra id
 * (`staff:<entraId>`), so that ids stay what `staffDocId` says everywhere. Implements the app's
 * `StaffBindingPort` (src/app/school/school-ports.ts).
 *
 * One transactional batch in the school's partition: create the new document (fails if the Entra
 * id is already staff there), delete the old one if its ETag still matches, and point up to 98 of
 * the school's pupils whose mentor was `upn:<upn>` at the Entra id, each ETag-guarded. A mentor
 * of more pupils than fit gets the rest in follow-up writes, each guarded and repeated on a race
 * until the pupil no longer names the old id (safe to repeat; a later pupils import, which
 * resolves mentors by UPN against the stored staff, sets the same id too).
 */
export class StaffBindingRepository implements StaffBindingPort {
  constructor(
    private readonly store: DocStore,
    private readonly directory: Pick<DirectoryRepository, 'invalidateStaff' | 'invalidatePupils'>,
    /** the `cases` container: messages waiting for the person under the old id follow them */
    private readonly cases?: DocStore,
  ) {}

  async findUnbound(upns: string[]): Promise<(UnboundStaff & { staff: StaffDoc })[]> {
    if (upns.length === 0) return [];
    const params = Object.fromEntries(upns.slice(0, 8).map((u, i) => [`u${i}`, u]));
    const where = Object.keys(params)
      .map((k) => `c.upn = @${k}`)
      .join(' OR ');
    const found = await this.store.queryVersioned(
      StaffDocSchema,
      `SELECT * FROM c WHERE c.type = 'staff' AND (${where})`,
      params,
    );
    return found.filter((v) => v.doc.userId.startsWith('upn:')).map((v) => ({ staff: v.doc, etag: v.etag }));
  }

  async bind(record: UnboundStaff, entraId: string): Promise<'ok' | 'conflict'> {
    const { schoolId, userId: oldId } = record.staff;
    const old = this.store.parse(StaffDocSchema, record.staff.id, record.staff);
    const staffOps: BatchOp[] = [
      { operationType: 'Create', resourceBody: { ...old, id: staffDocId(entraId), userId: entraId } },
      { operationType: 'Delete', id: old.id, ifMatch: record.etag },
    ];
    const mentored = () =>
      this.store.queryVersioned(
        PupilDocSchema,
        "SELECT * FROM c WHERE c.type = 'pupil' AND c.mentorId = @m",
        { m: oldId },
        schoolId,
      );
    try {
      const pupils = await mentored();
      const inBatch = pupils.slice(0, BATCH_MAX - staffOps.length);
      let res = await this.store.batch(schoolId, [
        ...staffOps,
        ...inBatch.map((p): BatchOp => ({
          operationType: 'Replace',
          id: p.doc.id,
          resourceBody: { ...p.doc, mentorId: entraId },
          ifMatch: p.etag,
        })),
      ]);
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
      await this.retargetWaiting(schoolId, oldId, entraId);
      return 'ok';
    } finally {
      this.directory.invalidateStaff();
      this.directory.invalidatePupils(schoolId);
    }
  }

  /**
   * Messages decided for the person before they were bound (a signal card for a prevention worker
   * known only by UPN) wait for a conversation under the old id: they now wait under the Entra id,
   * so the turn that bound them releases them. Only those still waiting for the old id are touched.
   */
  private async retargetWaiting(schoolId: string, oldId: string, entraId: string): Promise<void> {
    if (!this.cases) return;
    const query =
      "SELECT * FROM c WHERE c.type = 'outbox' AND c.status = 'waiting' AND c.target.kind = 'user' AND c.target.userId = @u";
    const stillOld = (d: OutboxDoc) => d.status === 'waiting' && d.target.kind === 'user' && d.target.userId === oldId;
    for (const m of await this.cases.queryVersioned(OutboxDocSchema, query, { u: oldId }, schoolId)) {
      await guardedChange(this.cases, OutboxDocSchema, m, stillOld, (d): OutboxDoc => ({
        ...d,
        target: { kind: 'user', userId: entraId },
      }));
    }
  }

  /** Points one pupil's mentor at the Entra id while it still names the old id. */
  private repointPupil(found: Versioned<PupilDoc>, oldId: string, entraId: string): Promise<void> {
    return guardedChange(
      this.store,
      PupilDocSchema,
      found,
      (d) => d.mentorId === oldId,
      (d) => ({ ...d, mentorId: entraId }),
    );
  }
}

/** Writes `change(doc)` ETag-guarded while `applies(doc)` holds, re-reading after a race (a few times): safe to repeat. */
async function guardedChange<S extends z.ZodType<{ id: string; schoolId: string }>>(
  store: DocStore,
  schema: S,
  found: Versioned<z.infer<S>>,
  applies: (d: z.infer<S>) => boolean,
  change: (d: z.infer<S>) => z.infer<S>,
): Promise<void> {
  let current: Versioned<z.infer<S>> | undefined = found;
  for (let attempt = 0; attempt < 5 && current && applies(current.doc); attempt++) {
    if ((await store.replace(change(current.doc), current.etag)) !== 'precondition-failed') return;
    current = await store.read(schema, found.doc.id, found.doc.schoolId);
  }
}
