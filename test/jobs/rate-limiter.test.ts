import { SlidingLimiter } from '../../src/jobs/rate-limiter';

describe('pacing sends within Teams’ windows', () => {
  it('lets 50 sends through per second and the 51st only a second after the first returned', () => {
    const limiter = new SlidingLimiter([{ count: 50, ms: 1000 }], 50);
    const settle = Array.from({ length: 50 }, () => limiter.take('tenant', 0));
    expect(limiter.waitMs('tenant', 0)).toBeGreaterThan(0);
    // all returned 80 ms after they were sent: Teams counted them by then at the latest
    settle.forEach((s) => s(80));
    expect(limiter.waitMs('tenant', 1000)).toBe(81);
    expect(limiter.waitMs('tenant', 1081)).toBe(0);
  });

  it('counts a send still under way from when it was taken, plus a margin', () => {
    const limiter = new SlidingLimiter([{ count: 1, ms: 1000 }], 50);
    limiter.take('c', 0);
    expect(limiter.waitMs('c', 1000)).toBe(51);
    expect(limiter.waitMs('c', 1051)).toBe(0);
  });

  it('keeps the limits of one conversation apart from another’s', () => {
    const limiter = new SlidingLimiter(
      [
        { count: 7, ms: 1000 },
        { count: 8, ms: 2000 },
      ],
      0,
    );
    for (let i = 0; i < 7; i++) limiter.take('a', i)(i);
    expect(limiter.waitMs('a', 10)).toBe(991);
    expect(limiter.waitMs('b', 10)).toBe(0);
    limiter.take('a', 1001)(1001);
    expect(limiter.waitMs('a', 1002)).toBe(999); // 8 in 2 s: the next when the first leaves the 2 s window
  });
});
