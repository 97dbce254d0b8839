import type { RosterPort, RosterPupilDoc, RosterStaffDoc } from './roster-port';

/** The parts of the directory repository a roster import can work with (`DirectoryRepository` has them). */
export interface DirectoryRosterAccess {
  listStaff(schoolId: string): Promise<RosterStaffDoc[]>;
  listPupils(schoolId: string): Promise<RosterPupilDoc[]>;
  upsertStaff(doc: RosterStaffDoc): Promise<void>;
  upsertPupil(doc: RosterPupilDoc): Promise<void>;
  invalidatePupils(schoolId: string): void;
}

/**
 * A roster port over plain per-document upserts: no ETags and no transaction, so a concurrent
 * writer could be overwritten. Good enough for seeding the demo school at start-up, when
 * nothing else writes; real imports use `RosterRepository` (batched, guarded).
 */
export function directoryRosterPort(directory: DirectoryRosterAccess, concurrency = 8): RosterPort {
  return {
    listStaff: async (schoolId) => (await directory.listStaff(schoolId)).map((doc) => ({ doc })),
    listPupils: async (schoolId) => {
      directory.invalidatePupils(schoolId); // its list is cached: read the current state
      return (await directory.listPupils(schoolId)).map((doc) => ({ doc }));
    },
    writeBatch: async (schoolId, writes) => {
      let next = 0;
      const worker = async () => {
        while (next < writes.length) {
          const { doc } = writes[next++];
          await (doc.type === 'staff' ? directory.upsertStaff(doc) : directory.upsertPupil(doc));
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, writes.length) }, worker));
      directory.invalidatePupils(schoolId);
      return 'ok';
    },
  };
}
