import { levelCounts, progress, shouldOffer, trend } from '../../src/domain/rounds';
import type { Level } from '../../src/domain/signal';

describe('shouldOffer', () => {
  it.each<[Level, Level | undefined, boolean]>([
    [3, undefined, true],
    [3, 1, true],
    [3, 2, true],
    [3, 3, true],
    [2, 1, false],
    [2, undefined, false],
    [1, 3, false],
    [1, undefined, false],
  ])('offers a signal for %s after %s: %s', (current, previous, offer) => {
    expect(shouldOffer(current, previous)).toBe(offer);
  });
});

describe('trend', () => {
  it.each<[Level[], string]>([
    [[1, 2, 2], '1 → 2 → 2'],
    [[3], '3'],
    [[], ''],
  ])('writes %p as %p', (levels, text) => {
    expect(trend(levels)).toBe(text);
  });
});

describe('progress', () => {
  it('adds up pages per class, per worker and overall', () => {
    const p = progress([
      { workerId: 'pw-1', classId: '1a', total: 25, done: 25 },
      { workerId: 'pw-1', classId: '1a', total: 5, done: 2 },
      { workerId: 'pw-2', classId: '2b', total: 28, done: 7 },
      { workerId: 'pw-1', classId: '2b', total: 2, done: 0 },
    ]);
    expect(p).toEqual({
      perClass: [
        { classId: '1a', done: 27, total: 30, percent: 90 },
        { classId: '2b', done: 7, total: 30, percent: 23 },
      ],
      perWorker: [
        { workerId: 'pw-1', done: 27, total: 32, percent: 84 },
        { workerId: 'pw-2', done: 7, total: 28, percent: 25 },
      ],
      overall: { done: 34, total: 60, percent: 56 },
    });
  });

  it('never counts more done than there is, and calls nothing to do complete', () => {
    expect(progress([{ workerId: 'w', classId: 'c', total: 3, done: 9 }]).overall).toEqual({
      done: 3,
      total: 3,
      percent: 100,
    });
    expect(progress([]).overall).toEqual({ done: 0, total: 0, percent: 100 });
  });

  it('shows 99% until the last pupil is done', () => {
    expect(progress([{ workerId: 'w', classId: 'c', total: 200, done: 199 }]).overall.percent).toBe(99);
  });
});

describe('levelCounts', () => {
  it('counts scores per level', () => {
    expect(levelCounts([1, 1, 2, 3, 1])).toEqual({ 1: 3, 2: 1, 3: 1 });
  });
});
