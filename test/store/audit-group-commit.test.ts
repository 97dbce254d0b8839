import { withEmbeddedRepositories } from '../support/embedded-repositories';

const now = new Date('2026-11-23T08:00:00Z');
const entry = (schoolId: string, i: number) => ({
  schoolId,
  actorId: `t${i}`,
  actorRoles: ['teacher'],
  action: 'pupil.search',
  outcome: 'ok' as const,
});

describe('audit entries written together under load (group commit) on the embedded Cosmos server', () => {
  const db = withEmbeddedRepositories('audit', now);

  it('stores every one of 30 concurrent entries of a school, in far fewer store requests than entries', async () => {
    db.repos.cosmos.meter.reset();
    await Promise.all(Array.from({ length: 30 }, (_, i) => db.repos.audit.record(entry('g1', i))));
    expect(await db.repos.audit.forSchool('g1')).toHaveLength(30);
    const writes = db.repos.cosmos.meter.snapshot().byKind;
    expect((writes['docs:create'] ?? 0) + (writes['docs:batch'] ?? 0)).toBeLessThanOrEqual(3);
  });

  it('writes a lone entry by itself, at once', async () => {
    db.repos.cosmos.meter.reset();
    await db.repos.audit.record(entry('g2', 0));
    expect(db.repos.cosmos.meter.snapshot().byKind['docs:create']).toBe(1);
    expect(await db.repos.audit.forSchool('g2')).toHaveLength(1);
  });

  it('fails every caller of a group whose write keeps failing, and stores none of that group', async () => {
    const first = db.repos.audit.record(entry('g3', 0));
    const batch = jest.spyOn(db.repos.audit['store'], 'batch').mockResolvedValue({ ok: false, index: -1, status: 503 });
    const group = [1, 2, 3].map((i) => db.repos.audit.record(entry('g3', i)));
    await first;
    const settled = await Promise.allSettled(group);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    batch.mockRestore();
    expect(await db.repos.audit.forSchool('g3')).toHaveLength(1);
  });

  it('writes a group again after a store fault, and once only when the failed try had landed unseen', async () => {
    const store = db.repos.audit['store'];
    const real = store.batch.bind(store);
    const first = db.repos.audit.record(entry('g4', 0));
    // the first group's write lands, but its answer is lost (a dropped connection): Cosmos' 409 on the next try means "landed"
    const batch = jest
      .spyOn(store, 'batch')
      .mockImplementationOnce(async (...args) => (await real(...args), { ok: false, index: -1, status: 500 }));
    const group = [1, 2, 3].map((i) => db.repos.audit.record(entry('g4', i)));
    await first;
    expect((await Promise.allSettled(group)).map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    // a 503: nothing landed, the next try writes it
    batch.mockResolvedValueOnce({ ok: false, index: -1, status: 503 });
    const next = db.repos.audit.record(entry('g4', 4));
    await Promise.all([next, ...[5, 6].map((i) => db.repos.audit.record(entry('g4', i)))]);
    batch.mockRestore();
    expect((await db.repos.audit.forSchool('g4')).map((a) => a.actorId).sort()).toEqual([
      't0',
      't1',
      't2',
      't3',
      't4',
      't5',
      't6',
    ]);
  });
});
