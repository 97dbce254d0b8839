import { randomUUID } from 'node:crypto';
import { fixedClock } from '../../src/domain/clock';
import { openRepositories } from '../../src/store';
import { OutboxRunner } from '../../src/jobs/outbox-runner';
import type { OutboxDoc } from '../../src/store/schemas/outbox-doc';
import { withEmbeddedRepositories } from '../support/embedded-repositories';
import { STORE_NOW, storeSignal } from '../support/store-signal';

const now = STORE_NOW;
const signalAt = storeSignal;

describe('repositories on the embedded Cosmos server', () => {
  const db = withEmbeddedRepositories('store', now);

  it('refuses an update decided on an old version (ETag conflict), never last-write-wins', async () => {
    const created = await db.repos.signals.create(
      's1',
      randomUUID(),
      2026,
      (id, seq) => ({ signal: signalAt(id, seq), messages: [] }),
      now,
    );
    expect(created.status).toBe('created');
    const id = created.status === 'created' ? created.signal.id : '';
    const a = (await db.repos.signals.get('s1', id))!;
    const b = (await db.repos.signals.get('s1', id))!;
    expect(await db.repos.signals.update({ ...a.doc, state: 'claimed', ownerId: 'w1' }, a.etag, [], now)).toBe('ok');
    expect(await db.repos.signals.update({ ...b.doc, state: 'claimed', ownerId: 'w2' }, b.etag, [], now)).toBe(
      'conflict',
    );
    expect((await db.repos.signals.get('s1', id))!.doc.ownerId).toBe('w1');
  });

  it('creates one signal for one submission id, with consecutive reference numbers per year', async () => {
    const submission = randomUUID();
    const build = (id: string, seq: number) => ({
      signal: signalAt(id, seq),
      messages: [
        {
          key: `${id}:m`,
          target: { kind: 'user' as const, userId: 'w1' },
          payload: { kind: 'signalCard', signalId: id, params: {} },
        },
      ],
    });
    const results = await Promise.all([1, 2, 3].map(() => db.repos.signals.create('s1', submission, 2026, build, now)));
    expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
    const other = await db.repos.signals.create('s1', randomUUID(), 2026, build, now);
    const refs = [results.find((r) => r.status === 'created'), other].map((r) =>
      r!.status === 'created' ? r!.signal.reference : '',
    );
    expect(Number(refs[1].slice(-4))).toBe(Number(refs[0].slice(-4)) + 1);
    const outbox = await db.repos.cases.queryValues<number>(
      "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'outbox' AND STARTSWITH(c.id, @p)",
      { p: `outbox:signal:${submission}` },
      's1',
    );
    expect(outbox[0]).toBe(1);
  });

  it('writes nothing of a batch when one of its operations fails', async () => {
    const id = `probe-${randomUUID()}`;
    await db.repos.cases.create({ id, schoolId: 's1', type: 'probe' });
    const res = await db.repos.cases.batch('s1', [
      { operationType: 'Create', resourceBody: { id: `${id}-new`, schoolId: 's1', type: 'probe' } },
      { operationType: 'Create', resourceBody: { id, schoolId: 's1', type: 'probe' } },
    ]);
    expect(res.ok).toBe(false);
    const left = await db.repos.cases.queryValues<number>(
      'SELECT VALUE COUNT(1) FROM c WHERE c.id = @id',
      { id: `${id}-new` },
      's1',
    );
    expect(left[0]).toBe(0);
  });

  it('delivers an outbox message written before a restart exactly once, by whichever runner gets it', async () => {
    await db.repos.outbox.enqueue(
      's2',
      [{ key: 'restart-probe', target: { kind: 'user', userId: 'w9' }, payload: { kind: 'notice', params: {} } }],
      now,
    );
    const delivered: string[] = [];
    const deliver = async (doc: OutboxDoc) => {
      delivered.push(doc.id);
      await new Promise((r) => setTimeout(r, 20));
      return { status: 'sent' as const, conversationId: 'c', activityId: 'a' };
    };
    // two "processes" started after the restart, over the same store
    const mk = () =>
      new OutboxRunner({
        outbox: db.repos.outbox,
        directory: db.repos.directory,
        deliver,
        now: () => new Date(now.getTime() + 1000),
        pollMs: 1000,
      });
    await Promise.all([mk().runOnce(), mk().runOnce()]);
    expect(delivered.filter((d) => d === 'outbox:restart-probe')).toHaveLength(1);
    const doc = await db.repos.outbox.get('s2', 'outbox:restart-probe');
    expect(doc!.doc.status).toBe('sent');
  });
});

describe('school partitions on the embedded server', () => {
  it('lists only the asked school’s staff, even though the embedded server ignores the partition key', async () => {
    const repos = await openRepositories({ databaseId: `scope-${randomUUID().slice(0, 6)}`, clock: fixedClock(now) });
    try {
      for (const schoolId of ['a', 'b'])
        await repos.directory.upsertStaff({
          id: `staff:${schoolId}1`,
          type: 'staff',
          schoolId,
          userId: `${schoolId}1`,
          displayName: 'X',
          roles: ['teacher'],
          classIds: [],
        });
      expect((await repos.directory.listStaff('a')).map((s) => s.schoolId)).toEqual(['a']);
    } finally {
      await repos.close();
    }
  });
});
