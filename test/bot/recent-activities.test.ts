import { RecentActivities } from '../../src/bot/core/recent-activities';

describe('the activities this process handled recently', () => {
  it('says first time once per key, and not again for a redelivery within the time limit', () => {
    let now = 0;
    const recent = new RecentActivities(100, 60_000, () => now);
    expect(recent.firstTime('a')).toBe(true);
    now = 59_000;
    expect(recent.firstTime('a')).toBe(false);
    expect(recent.firstTime('b')).toBe(true);
  });

  it('forgets a key after the time limit, so a much later activity with a reused id is handled', () => {
    let now = 0;
    const recent = new RecentActivities(100, 60_000, () => now);
    recent.firstTime('a');
    now = 60_000;
    expect(recent.firstTime('a')).toBe(true);
  });

  it('keeps at most its bound of keys, dropping the oldest first', () => {
    const recent = new RecentActivities(3, 60_000, () => 0);
    for (const k of ['a', 'b', 'c', 'd']) recent.firstTime(k);
    expect(recent.size).toBe(3);
    expect(recent.firstTime('a')).toBe(true); // dropped: handled as new
    expect(recent.firstTime('d')).toBe(false);
  });
});
