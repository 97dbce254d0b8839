import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { DocStore } from '../../src/store/doc-store';
import { SignalRepository } from '../../src/store/signal-repository';
import { withEmbeddedRepositories } from '../support/embedded-repositories';
import { STORE_NOW, storeSignal } from '../support/store-signal';

const now = STORE_NOW;
const later = new Date('2026-11-23T08:05:00Z');
const signalAt = (id: string, seq: number): Signal =>
  storeSignal(id, seq, [{ at: now.toISOString(), actorId: 'u1', action: 'created', visibility: 'all' }]);
const build = (id: string, seq: number) => ({ signal: signalAt(id, seq), messages: [] });
const claimed = (s: Signal): Signal => ({
  ...s,
  state: 'claimed',
  ownerId: 'pw1',
  updatedAt: later.toISOString(),
  lastChangeBy: 'pw1',
  history: [...s.history, { at: later.toISOString(), actorId: 'pw1', action: 'claim', visibility: 'all' }],
});

/** The store writes the batch, but the answer never arrives (a connection dropped after the write). */
const landsUnseen = (store: DocStore) => {
  const real = store.batch.bind(store);
  return jest
    .spyOn(store, 'batch')
    .mockImplementationOnce(async (...args) => (await real(...args), { ok: false, index: -1, status: 500 }));
};

describe('a signal write whose answer the store lost (issue 19, store faults)', () => {
  const db = withEmbeddedRepositories('unseen', now);
  const fresh = () => {
    const store = new DocStore(db.repos.cosmos.containers.cases);
    return { store, signals: new SignalRepository(store) };
  };

  it('answers a create that landed unseen as created, once, and a later resubmit of the card as the duplicate', async () => {
    const { store, signals } = fresh();
    const submission = randomUUID();
    const spy = landsUnseen(store);
    const first = await signals.create('s1', submission, 2031, build, now);
    spy.mockRestore();
    expect(first.status).toBe('created');
    expect(first.status === 'created' && first.signal.reference).toBe('S-2026-0001');
    expect((await signals.create('s1', submission, 2031, build, later)).status).toBe('duplicate');
    expect(
      await signals.listByReporter('s1', 'u1').then((all) => all.filter((s) => s.id === `signal:${submission}`)),
    ).toHaveLength(1);
  });

  it('answers an update that landed unseen as written, and writes an update that did not land again', async () => {
    const { store, signals } = fresh();
    const created = await signals.create('s1', randomUUID(), 2032, build, now);
    const s = created.status === 'created' ? created.signal : undefined;
    const v1 = (await signals.get('s1', s!.id))!;
    const spy = landsUnseen(store);
    expect(await signals.update(claimed(v1.doc), v1.etag, [], later)).toBe('ok');
    const v2 = (await signals.get('s1', s!.id))!;
    expect(v2.doc.history.map((h) => h.action)).toEqual(['created', 'claim']);
    spy.mockResolvedValueOnce({ ok: false, index: -1, status: 503 });
    const closed: Signal = {
      ...v2.doc,
      state: 'closed',
      updatedAt: new Date(later.getTime() + 1000).toISOString(),
      history: [
        ...v2.doc.history,
        { at: new Date(later.getTime() + 1000).toISOString(), actorId: 'pw1', action: 'close', visibility: 'all' },
      ],
    };
    expect(await signals.update(closed, v2.etag, [], later)).toBe('ok');
    spy.mockRestore();
    expect((await signals.get('s1', s!.id))!.doc.history.map((h) => h.action)).toEqual(['created', 'claim', 'close']);
  });

  it('still reports a conflict when someone else changed the signal while the answer was lost', async () => {
    const { store, signals } = fresh();
    const created = await signals.create('s1', randomUUID(), 2033, build, now);
    const v1 = (await signals.get('s1', created.status === 'created' ? created.signal.id : '?'))!;
    // another instance's change lands first; ours then fails its ETag, and its answer is lost
    expect(
      await signals.update(
        {
          ...v1.doc,
          updatedAt: later.toISOString(),
          lastChangeBy: 'pw2',
          history: [...v1.doc.history, { at: later.toISOString(), actorId: 'pw2', action: 'claim', visibility: 'all' }],
        },
        v1.etag,
        [],
        later,
      ),
    ).toBe('ok');
    const spy = jest.spyOn(store, 'batch').mockResolvedValueOnce({ ok: false, index: -1, status: 503 });
    expect(await signals.update(claimed(v1.doc), v1.etag, [], later)).toBe('conflict');
    spy.mockRestore();
  });
});
