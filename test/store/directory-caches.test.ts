import type { DocStore } from '../../src/store/doc-store';
import { DirectoryRepository } from '../../src/store/directory-repository';

/** A store that answers pupils and a school from memory and counts what it was asked. */
function countingStore() {
  const calls = { query: 0, read: [] as string[], replace: 0 };
  const school = { id: 'school', type: 'school', schoolId: 's', name: 'De Linde', notifyAttendanceOfficer: false };
  const store = {
    query: async () => (
      calls.query++,
      [
        { id: 'pupil:1', schoolId: 's', type: 'pupil', roles: [], classIds: [] },
        { id: 'pupil:2', schoolId: 's', type: 'pupil', roles: [], classIds: [] },
      ]
    ),
    read: async (_schema: unknown, id: string) => (
      calls.read.push(id),
      id === 'school' ? { doc: { ...school }, etag: 'e1' } : { doc: { id, schoolId: 's', type: 'pupil' }, etag: 'e' }
    ),
    replace: async () => (calls.replace++, 'ok'),
    upsert: async () => 'ok',
  } as unknown as DocStore;
  return { calls, store };
}

describe('the directory’s short-lived caches (issue 9: reads per signal)', () => {
  it('finds a pupil in the school’s list read a moment ago, without a point read', async () => {
    let now = 0;
    const { calls, store } = countingStore();
    const dir = new DirectoryRepository(store, 10_000, () => now);
    await dir.listPupils('s');
    now = 5_000;
    expect((await dir.getPupil('s', 'pupil:2'))?.id).toBe('pupil:2');
    expect(calls.read).toEqual([]);
  });

  it('reads the pupil itself when the list is older than the cache time, or does not hold them', async () => {
    let now = 0;
    const { calls, store } = countingStore();
    const dir = new DirectoryRepository(store, 10_000, () => now);
    await dir.listPupils('s');
    expect((await dir.getPupil('s', 'pupil:3'))?.id).toBe('pupil:3');
    now = 10_000;
    await dir.getPupil('s', 'pupil:1');
    expect(calls.read).toEqual(['pupil:3', 'pupil:1']);
  });

  it('answers a school’s settings from one read for a few seconds, and reads again after a change through the repository', async () => {
    let now = 0;
    const { calls, store } = countingStore();
    const dir = new DirectoryRepository(store, 10_000, () => now, 5_000);
    await dir.schoolSettings('s');
    now = 4_000;
    await dir.schoolSettings('s');
    expect(calls.read).toEqual(['school']);
    const v = await dir.getSchool('s');
    await dir.saveSchool({ ...v!.doc, notifyAttendanceOfficer: true }, v!.etag);
    await dir.schoolSettings('s');
    expect(calls.read).toEqual(['school', 'school', 'school']);
    now = 10_000;
    await dir.schoolSettings('s');
    expect(calls.read).toHaveLength(4);
  });
});

describe('what the directory’s caches keep over time', () => {
  it('forgets the pupil lists, staff and schools of schools nobody asked about for three cache times', async () => {
    let now = 0;
    const { store } = countingStore();
    const dir = new DirectoryRepository(store, 10_000, () => now, 5_000);
    for (const school of ['a', 'b', 'c']) {
      await dir.listPupils(school);
      await dir.listStaff(school);
      await dir.schoolSettings(school);
    }
    expect(dir.cacheSizes()).toEqual({ pupilLists: 3, staff: 3, schools: 3 });
    now = 30_000;
    await dir.listPupils('a'); // school a is still in use: read again and kept
    expect(dir.cacheSizes()).toEqual({ pupilLists: 1, staff: 0, schools: 0 });
  });
});
