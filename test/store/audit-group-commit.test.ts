import { randomUUID } from 'node:crypto';
import { fixedClock } from '../../src/domain/clock';
import { openRepositories, type Repositories } from '../../src/store';

const now = new Date('2026-11-23T08:00:00Z');
const entry = (schoolId: string, i: number) => ({ schoolId, actorId: `t${i}`, actorRoles: ['teacher'], action: 'pupil.search', outcome: 'ok' as const });

describe('audit entries written together under load (group commit) on the embedded Cosmos server', () => {
  let repos: Repositories;
  beforeAll(async () => {
    repos = await openRepositories({ databaseId: `audit-${randomUUID().slice(0, 6)}`, clock: fixedClock(now) });
  });
  afterAll(async () => repos.close());

  it('stores every one of 30 concurrent entries of a school, in far fewer store requests than entries', async () => {
    repos.cosmos.meter.reset();
    await Promise.all(Array.from({ length: 30 }, (_, i) => repos.audit.record(entry('g1', i))));
    expect(await repos.audit.forSchool('g1')).toHaveLength(30);
    const writes = repos.cosmos.meter.snapshot().byKind;
    expect((writes['docs:create'] ?? 0) + (writes['docs:batch'] ?? 0)).toBeLessThanOrEqual(3);
  });

  it('writes a lone entry by itself, at once', async () => {
    repos.cosmos.meter.reset();
    await repos.audit.record(entry('g2', 0));
    expect(repos.cosmos.meter.snapshot().byKind['docs:create']).toBe(1);
    expect(await repos.audit.forSchool('g2')).toHaveLength(1);
  });

  it('fails every caller of a group whose write fails, and stores none of that group', async () => {
    const first = repos.audit.record(entry('g3', 0));
    const batch = jest.spyOn(repos.audit['store'], 'batch').mockResolvedValueOnce({ ok: false, index: 0, status: 503 });
    const group = [1, 2, 3].map((i) => repos.audit.record(entry('g3', i)));
    await first;
    const settled = await Promise.allSettled(group);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    batch.mockRestore();
    expect(await repos.audit.forSchool('g3')).toHaveLength(1);
  });
});
