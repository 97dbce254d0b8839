import { withEmbeddedRepositories } from '../support/embedded-repositories';

const now = new Date('2026-11-23T08:00:00Z');
const entry = (schoolId: string, i: number) => ({ schoolId, actorId: `t${i}`, actorRoles: ['teacher'], action: 'pupil.search', outcome: 'ok' as const });

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

  it('fails every caller of a group whose write fails, and stores none of that group', async () => {
    const first = db.repos.audit.record(entry('g3', 0));
    const batch = jest.spyOn(db.repos.audit['store'], 'batch').mockResolvedValueOnce({ ok: false, index: 0, status: 503 });
    const group = [1, 2, 3].map((i) => db.repos.audit.record(entry('g3', i)));
    await first;
    const settled = await Promise.allSettled(group);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    batch.mockRestore();
    expect(await db.repos.audit.forSchool('g3')).toHaveLength(1);
  });
});
