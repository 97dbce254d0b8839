import { dateRange, daysBetween, schoolYearStartOf, weekdayOf } from '../../src/domain/calendar-date';
import {
  checkRoundWindows,
  defaultRoundWindows,
  parseRoundId,
  roundId,
  type RoundWindow,
} from '../../src/domain/rounds';

describe('default round windows', () => {
  it('spreads four two-week rounds over school year 2026/27', () => {
    expect(defaultRoundWindows(2026)).toEqual([
      { roundNo: 1, opensOn: '2026-10-01', deadline: '2026-10-15' },
      { roundNo: 2, opensOn: '2026-12-01', deadline: '2026-12-15' },
      { roundNo: 3, opensOn: '2027-03-15', deadline: '2027-03-29' },
      { roundNo: 4, opensOn: '2027-06-01', deadline: '2027-06-15' },
    ]);
  });

  it('moves an opening that falls in a weekend to the Monday after', () => {
    // 15 March 2025 is a Saturday; 1 December 2024 a Sunday.
    const w = defaultRoundWindows(2024);
    expect(w[1]).toEqual({ roundNo: 2, opensOn: '2024-12-02', deadline: '2024-12-16' });
    expect(w[2]).toEqual({ roundNo: 3, opensOn: '2025-03-17', deadline: '2025-03-31' });
  });

  it('moves opening and deadline past the school’s holidays', () => {
    const holidays = dateRange('2026-10-01', '2026-10-02');
    expect(defaultRoundWindows(2026, holidays)[0]).toEqual({
      roundNo: 1,
      opensOn: '2026-10-05',
      deadline: '2026-10-19',
    });
  });

  const years = Array.from({ length: 16 }, (_, i) => 2020 + i);
  it.each(years)('keeps the rounds of %i on school days, in order, outside the summer holiday', (year) => {
    const windows = defaultRoundWindows(year);
    expect(windows.map((w) => w.roundNo)).toEqual([1, 2, 3, 4]);
    for (const w of windows) {
      for (const d of [w.opensOn, w.deadline]) {
        expect([1, 2, 3, 4, 5]).toContain(weekdayOf(d));
        expect(schoolYearStartOf(d)).toBe(year);
        expect(['07', '08']).not.toContain(d.slice(5, 7));
      }
      expect(daysBetween(w.opensOn, w.deadline)).toBe(14);
    }
    for (let i = 1; i < 4; i++) expect(windows[i].opensOn > windows[i - 1].deadline).toBe(true);
    expect(checkRoundWindows(windows).ok).toBe(true);
  });
});

describe('round ids', () => {
  it('names round 1 of 2026/27 "2026-1" and reads it back', () => {
    expect(roundId(2026, 1)).toBe('2026-1');
    expect(parseRoundId('2026-1')).toEqual({ schoolYearStart: 2026, roundNo: 1 });
    expect(parseRoundId('2026-5')).toBeUndefined();
  });
});

describe('checkRoundWindows', () => {
  const good = defaultRoundWindows(2026);
  const change = (i: number, w: Partial<RoundWindow>) => good.map((x, j) => (j === i ? { ...x, ...w } : x));
  it.each([
    { name: 'three rounds', windows: good.slice(0, 3), code: 'round-count' },
    { name: 'round 2 twice', windows: change(2, { roundNo: 2 }), code: 'round-count' },
    { name: 'a date that does not exist', windows: change(1, { deadline: '2026-11-31' }), code: 'invalid-date' },
    {
      name: 'a deadline before the opening',
      windows: change(0, { deadline: '2026-09-30' }),
      code: 'deadline-before-open',
    },
    {
      name: 'a round opening before the last one closed',
      windows: change(1, { opensOn: '2026-10-15' }),
      code: 'rounds-overlap',
    },
    {
      name: 'a round in the next school year',
      windows: change(3, { opensOn: '2027-08-20', deadline: '2027-09-03' }),
      code: 'other-school-year',
    },
  ])('refuses $name', ({ windows, code }) => {
    expect(checkRoundWindows(windows)).toMatchObject({ ok: false, code });
  });

  it('accepts the rounds in any order and returns them sorted', () => {
    expect(checkRoundWindows([...good].reverse())).toEqual({ ok: true, value: good });
  });
});
