import type { DocStore } from '../../src/store/doc-store';
import { DirectoryRepository } from '../../src/store/directory-repository';

/** A store whose pupil query answers what `roster` holds at the time, counting the queries. */
function fakeStore() {
  const state = { roster: ['a'], queries: 0, release: [] as (() => void)[] };
  const store = {
    query: async () => {
      state.queries++;
      const names = [...state.roster];
      await new Promise<void>((r) => state.release.push(r));
      return names.map((n) => ({ id: n, schoolId: 's', type: 'pupil' }));
    },
  } as unknown as DocStore;
  const settle = async () => {
    while (state.release.length) state.release.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { state, store, settle };
}

describe('the cached pupil list of a school (type-ahead search)', () => {
  it('answers a list up to three times the cache time old while one background query rereads it, then the new list', async () => {
    let now = 0;
    const { state, store, settle } = fakeStore();
    const dir = new DirectoryRepository(store, 10_000, () => now);
    const first = dir.listPupils('s');
    await settle();
    expect((await first).map((p) => p.id)).toEqual(['a']);

    state.roster = ['a', 'b'];
    now = 15_000;
    const stale = await Promise.all([dir.listPupils('s'), dir.listPupils('s')]);
    expect(stale.map((l) => l.map((p) => p.id))).toEqual([['a'], ['a']]);
    expect(state.queries).toBe(2); // one reread for both
    await settle();
    expect((await dir.listPupils('s')).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('waits for a fresh read when the list is older than three times the cache time', async () => {
    let now = 0;
    const { state, store, settle } = fakeStore();
    const dir = new DirectoryRepository(store, 10_000, () => now);
    const first = dir.listPupils('s');
    await settle();
    await first;
    state.roster = ['b'];
    now = 31_000;
    const late = dir.listPupils('s');
    await settle();
    expect((await late).map((p) => p.id)).toEqual(['b']);
  });

  it('drops a background reread that started before the list was cleared by a roster change', async () => {
    let now = 0;
    const { state, store, settle } = fakeStore();
    const dir = new DirectoryRepository(store, 10_000, () => now);
    const first = dir.listPupils('s');
    await settle();
    await first;
    now = 15_000;
    await dir.listPupils('s'); // starts the reread of ['a']
    dir.invalidatePupils('s');
    state.roster = ['c'];
    await settle();
    const after = dir.listPupils('s');
    await settle();
    expect((await after).map((p) => p.id)).toEqual(['c']);
  });
});
