import { OutboxRunner, type DeliveryResult } from '../../src/jobs/outbox-runner';
import { SlidingLimiter } from '../../src/jobs/rate-limiter';
import { SchoolDocSchema } from '../../src/store/schemas/directory-docs';
import type { OutboxDoc } from '../../src/store/schemas/outbox-doc';
import { withEmbeddedRepositories } from '../support/embedded-repositories';

const now = new Date('2026-11-23T08:00:00Z');
const BOARD_TENANT = '6b1f0c8e-0000-4000-8000-00000000b0a2';

/**
 * Teams allows a bot about 50 messages per second per tenant. A school board runs several schools
 * in one tenant: their messages share that one window (issue 14).
 */
describe('the outbox runner paces Teams’ per-tenant limit per tenant, not per school', () => {
  const db = withEmbeddedRepositories('tenant-limit', now);
  const school = (schoolId: string, tenantId: string) =>
    SchoolDocSchema.parse({
      id: 'school',
      type: 'school',
      schoolId,
      name: `School ${schoolId}`,
      region: 'Test',
      tenantId,
    });
  const runner = (deliver: (doc: OutboxDoc) => Promise<DeliveryResult>) =>
    new OutboxRunner({
      outbox: db.repos.outbox,
      directory: db.repos.directory,
      deliver,
      now: () => now,
      pollMs: 60_000,
      teamsRateLimits: true,
    });

  beforeAll(async () => {
    await db.repos.directory.saveSchool(school('board-a', BOARD_TENANT));
    await db.repos.directory.saveSchool(school('board-b', BOARD_TENANT));
    await db.repos.directory.saveSchool(school('elsewhere', '0c2a9b55-7d4e-4d7a-9f0e-000000000bad'));
  });
  afterEach(() => jest.restoreAllMocks());

  it('keys two schools of one tenant by that tenant, a school of another tenant apart, and a school without a doc by itself', async () => {
    const r = runner(async () => ({ status: 'sent', conversationId: 'c', activityId: 'a' }));
    expect(await r.tenantKeyOf('board-a')).toBe(`tenant:${BOARD_TENANT}`);
    expect(await r.tenantKeyOf('board-b')).toBe(`tenant:${BOARD_TENANT}`);
    expect(await r.tenantKeyOf('elsewhere')).not.toBe(`tenant:${BOARD_TENANT}`);
    expect(await r.tenantKeyOf('no-such-school')).toBe('school:no-such-school');
  });

  it('sends 50 messages of two schools of one tenant at once and the 51st only a second after the first (no 51 in any second)', async () => {
    // 50 to different people at each school: per school every message would fit in one second
    for (const schoolId of ['board-a', 'board-b']) {
      await db.repos.outbox.enqueue(
        schoolId,
        Array.from({ length: 50 }, (_, i) => ({
          key: `fan-${schoolId}-${i}`,
          target: { kind: 'user' as const, userId: `${schoolId}-w${i}` },
          payload: { kind: 'notice', params: {} },
        })),
        now,
      );
    }
    // which key each send takes a slot of the per-tenant window under
    const tenantKeys = new Set<string>();
    const originalTake = SlidingLimiter.prototype.take;
    jest.spyOn(SlidingLimiter.prototype, 'take').mockImplementation(function (
      this: SlidingLimiter,
      key: string,
      at: number,
    ) {
      if (key.startsWith('tenant:') || key.startsWith('school:')) tenantKeys.add(key);
      return originalTake.call(this, key, at);
    });
    const sentAt: number[] = [];
    const r = runner(async () => {
      sentAt.push(Date.now());
      return { status: 'sent', conversationId: 'c', activityId: 'a' };
    });
    while (sentAt.length < 100) if ((await r.runOnce()) === 0) break;
    expect(sentAt).toHaveLength(100);
    expect([...tenantKeys]).toEqual([`tenant:${BOARD_TENANT}`]);
    sentAt.sort((a, b) => a - b);
    // the limiter counts a send from when its call returned, which is after it reached Teams: so
    // the 51st starts a full second after the first was sent, and so on for every later one
    for (let i = 50; i < sentAt.length; i++) expect(sentAt[i] - sentAt[i - 50]).toBeGreaterThanOrEqual(1000);
  });
});
