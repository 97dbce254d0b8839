import { DEFAULT_DIGEST_SCHEDULE, digestDue, latestSlot } from '../../src/domain/digest-schedule';

describe('digest schedule (Europe/Amsterdam)', () => {
  it('finds Monday 08:00 as the latest slot from Monday 08:00 until the next Monday 08:00', () => {
    expect(latestSlot(new Date('2026-11-23T07:00:00Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual({
      key: '2026-11-23',
      at: new Date('2026-11-23T07:00:00Z'),
    });
    expect(latestSlot(new Date('2026-11-23T06:59:59Z'), DEFAULT_DIGEST_SCHEDULE).key).toBe('2026-11-16');
    expect(latestSlot(new Date('2026-11-29T22:00:00Z'), DEFAULT_DIGEST_SCHEDULE).key).toBe('2026-11-23');
  });

  it('keeps the wall-clock time across the summer-time change', () => {
    expect(latestSlot(new Date('2026-03-30T06:00:00Z'), DEFAULT_DIGEST_SCHEDULE).at.toISOString()).toBe(
      '2026-03-30T06:00:00.000Z',
    ); // 08:00 CEST
    expect(latestSlot(new Date('2026-03-23T07:00:00Z'), DEFAULT_DIGEST_SCHEDULE).at.toISOString()).toBe(
      '2026-03-23T07:00:00.000Z',
    ); // 08:00 CET
  });

  it('starts a school without a digest with a baseline instead of a digest of the past', () => {
    expect(digestDue(new Date('2026-11-25T10:00:00Z'), DEFAULT_DIGEST_SCHEDULE, undefined)).toEqual({
      kind: 'baseline',
      slot: expect.objectContaining({ key: '2026-11-23' }),
    });
  });

  it('is due once per slot, on time, from the end of the last digest', () => {
    const mark = { lastSlot: '2026-11-16', coveredUntil: '2026-11-16T07:01:00.000Z' };
    const due = digestDue(new Date('2026-11-23T07:01:00Z'), DEFAULT_DIGEST_SCHEDULE, mark);
    expect(due).toEqual({
      kind: 'due',
      slot: expect.objectContaining({ key: '2026-11-23' }),
      since: new Date(mark.coveredUntil),
      slotsCovered: 1,
      late: false,
    });
    expect(
      digestDue(new Date('2026-11-23T09:00:00Z'), DEFAULT_DIGEST_SCHEDULE, { ...mark, lastSlot: '2026-11-23' }),
    ).toEqual({ kind: 'none' });
  });

  it('turns slots missed while the bot was down into one late digest over the whole period', () => {
    const due = digestDue(new Date('2026-12-09T10:00:00Z'), DEFAULT_DIGEST_SCHEDULE, {
      lastSlot: '2026-11-23',
      coveredUntil: '2026-11-23T07:00:00.000Z',
    });
    expect(due).toEqual(
      expect.objectContaining({
        kind: 'due',
        slotsCovered: 2,
        late: true,
        slot: expect.objectContaining({ key: '2026-12-07' }),
      }),
    );
  });

  it('calls a digest of its own slot late when posted more than an hour after it', () => {
    const due = digestDue(new Date('2026-11-23T09:00:00Z'), DEFAULT_DIGEST_SCHEDULE, {
      lastSlot: '2026-11-16',
      coveredUntil: '2026-11-16T07:00:00.000Z',
    });
    expect(due).toEqual(expect.objectContaining({ kind: 'due', slotsCovered: 1, late: true }));
  });
});
