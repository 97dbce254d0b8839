import { HeldBack } from '../../src/store/outbox-repository';
import type { OutboxDoc } from '../../src/store/schemas/outbox-doc';

const msg = (id: string, userId: string, createdAt: string, seq = 0, schoolId = 's1'): OutboxDoc =>
  ({
    id,
    type: 'outbox',
    schoolId,
    key: id,
    target: { kind: 'user', userId },
    payload: { kind: 'notice', params: {} },
    status: 'pending',
    attempts: 1,
    createdAt,
    dueAt: '2026-11-23T09:00:00Z',
    seq,
  }) as unknown as OutboxDoc;

describe('pending messages held back (backoff or claimed), as the outbox runner checks them once per pass', () => {
  const held = new HeldBack([msg('m1', 'w1', '2026-11-23T08:00:00Z', 0), msg('m9', 'w2', '2026-11-23T08:05:00Z')]);

  it('holds a later message to the same person behind an earlier one', () => {
    expect(held.hasEarlier(msg('m2', 'w1', '2026-11-23T08:01:00Z'))).toBe(true);
    expect(held.hasEarlier(msg('m1b', 'w1', '2026-11-23T08:00:00Z', 1))).toBe(true);
  });

  it('lets an earlier message, another person’s and another school’s go', () => {
    expect(held.hasEarlier(msg('m0', 'w1', '2026-11-23T07:59:00Z'))).toBe(false);
    expect(held.hasEarlier(msg('m3', 'w2', '2026-11-23T08:01:00Z'))).toBe(false);
    expect(held.hasEarlier(msg('m4', 'w1', '2026-11-23T08:01:00Z', 0, 's2'))).toBe(false);
  });

  it('does not hold a message behind itself', () => {
    expect(held.hasEarlier(msg('m1', 'w1', '2026-11-23T08:00:00Z', 0))).toBe(false);
  });
});
