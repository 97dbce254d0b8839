import type { PupilRecord, StaffRecord } from '../core/ports';

/**
 * What the roster import needs from storage. `src/store/roster-repository.ts` implements it on
 * Cosmos (transactional batches, ETag-guarded); `directoryRosterPort` adapts the plain
 * directory repository (one upsert per document) for start-up seeding.
 *
 * The document shapes mirror the `directory` container's staff and pupil documents
 * (`src/store/schemas/directory-docs.ts`); the ids follow the same rule (`staff:<userId>`,
 * `pupil:<pupilNumber>`), checked by a test.
 */
export interface RosterStaffDoc extends StaffRecord {
  id: string;
  type: 'staff';
}

export interface RosterPupilDoc extends PupilRecord {
  type: 'pupil';
  updatedAt?: string;
}

export type RosterDoc = RosterStaffDoc | RosterPupilDoc;

/** A document as read, with its ETag when the store has them. */
export interface StoredRosterDoc<T extends RosterDoc> {
  doc: T;
  etag?: string;
}

/** `create` fails if the document exists; `replace` with an ETag fails if it changed since it was read. */
export type RosterWrite = { op: 'create'; doc: RosterDoc } | { op: 'replace'; doc: RosterDoc; etag?: string };

export interface RosterPort {
  /** Every staff document of the school, those marked as left included. */
  listStaff(schoolId: string): Promise<StoredRosterDoc<RosterStaffDoc>[]>;
  /** Every pupil document of the school, those marked as left included. */
  listPupils(schoolId: string): Promise<StoredRosterDoc<RosterPupilDoc>[]>;
  /**
   * Writes at most `ROSTER_BATCH_SIZE` documents of one school, all or nothing where the store
   * can. 'conflict' when a create met an existing document or a guarded replace a changed one.
   */
  writeBatch(schoolId: string, writes: RosterWrite[]): Promise<'ok' | 'conflict'>;
}

/** Cosmos DB caps a transactional batch at 100 operations. */
export const ROSTER_BATCH_SIZE = 100;

export const rosterStaffId = (userId: string): string => `staff:${userId}`;
export const rosterPupilId = (pupilNumber: string): string => `pupil:${pupilNumber}`;
