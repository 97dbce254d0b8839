import { randomUUID } from 'node:crypto';
import { DocStore } from '../../src/store/doc-store';
import { SignalRepository } from '../../src/store/signal-repository';
import { withEmbeddedRepositories } from '../support/embedded-repositories';
import { STORE_NOW, storeSignal } from '../support/store-signal';

const now = STORE_NOW;
const signalAt = storeSignal;
const build = (id: string, seq: number) => ({ signal: signalAt(id, seq), messages: [] });
const seqOf = (r: Awaited<ReturnType<SignalRepository['create']>>) =>
  r.status === 'created' ? Number(r.signal.reference.slice(-4)) : NaN;

describe('signal reference numbers (the counter an instance remembers between creates)', () => {
  const db = withEmbeddedRepositories('counter', now);

  it('never hands out a number twice when two instances create signals in turn on one store', async () => {
    const a = new SignalRepository(new DocStore(db.repos.cosmos.containers.cases));
    const b = new SignalRepository(new DocStore(db.repos.cosmos.containers.cases));
    const seqs: number[] = [];
    for (const repo of [a, a, b, a, b, b, a]) seqs.push(seqOf(await repo.create('s1', randomUUID(), 2026, build, now)));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('answers the first signal for a resubmitted card without taking a number, also after other creates', async () => {
    const submission = randomUUID();
    const first = await db.repos.signals.create('s1', submission, 2027, build, now);
    await db.repos.signals.create('s1', randomUUID(), 2027, build, now);
    const again = await db.repos.signals.create('s1', submission, 2027, build, now);
    expect(again.status).toBe('duplicate');
    expect(again.status === 'duplicate' && again.existing.doc.id).toBe(
      first.status === 'created' ? first.signal.id : '?',
    );
    expect(seqOf(await db.repos.signals.create('s1', randomUUID(), 2027, build, now))).toBe(3);
  });

  it('costs one round trip to the store per create after the first (no reads of signal or counter)', async () => {
    await db.repos.signals.create('s1', randomUUID(), 2028, build, now);
    db.repos.cosmos.meter.reset();
    await db.repos.signals.create('s1', randomUUID(), 2028, build, now);
    expect(db.repos.cosmos.meter.snapshot().byKind).toEqual({ 'docs:batch': 1 });
  });

  it('gives 30 concurrent creates in one school 30 consecutive numbers, written in far fewer batches than creates', async () => {
    await db.repos.signals.create('s1', randomUUID(), 2029, build, now);
    db.repos.cosmos.meter.reset();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () => db.repos.signals.create('s1', randomUUID(), 2029, build, now)),
    );
    expect(outcomes.map(seqOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    expect(db.repos.cosmos.meter.snapshot().byKind['docs:batch']).toBeLessThanOrEqual(5);
  });

  it('answers a resubmitted card among concurrent creates as the duplicate it is, and creates the others once', async () => {
    const first = await db.repos.signals.create('s1', randomUUID(), 2030, build, now);
    const resubmitted = first.status === 'created' ? first.signal.id.replace(/^signal:/, '') : '?';
    const outcomes = await Promise.all([
      db.repos.signals.create('s1', randomUUID(), 2030, build, now),
      db.repos.signals.create('s1', randomUUID(), 2030, build, now),
      db.repos.signals.create('s1', resubmitted, 2030, build, now),
      db.repos.signals.create('s1', randomUUID(), 2030, build, now),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'created', 'duplicate', 'created']);
    expect(
      outcomes
        .filter((o) => o.status === 'created')
        .map(seqOf)
        .sort(),
    ).toEqual([2, 3, 4]);
  });

  it('refuses only the create whose build refuses, and gives the others consecutive numbers', async () => {
    await db.repos.signals.create('s1', randomUUID(), 2031, build, now);
    const refusing = () => {
      throw new Error('refused while building');
    };
    const outcomes = await Promise.allSettled([
      db.repos.signals.create('s1', randomUUID(), 2031, build, now),
      db.repos.signals.create('s1', randomUUID(), 2031, refusing, now),
      db.repos.signals.create('s1', randomUUID(), 2031, build, now),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [seqOf(o.value)] : [])).sort()).toEqual([2, 3]);
  });

  it('never hands out a number twice when two instances each write groups of concurrent creates at once', async () => {
    const a = new SignalRepository(new DocStore(db.repos.cosmos.containers.cases));
    const b = new SignalRepository(new DocStore(db.repos.cosmos.containers.cases));
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i % 2 ? a : b).create('s1', randomUUID(), 2032, build, now)),
    );
    expect(outcomes.map(seqOf).sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });
});
