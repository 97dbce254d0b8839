import { amsterdamOffsetMinutes, atLocalTime, localParts } from '../../src/domain/amsterdam-time';
import { addSchoolDays, isOverdue, localDate, nextSchoolDay, schoolDaysBetween } from '../../src/domain/school-days';

const at = (iso: string) => new Date(iso);

describe('Amsterdam local dates', () => {
  it.each([
    ['2026-03-29T00:59:59Z', '2026-03-29', 1, 60], // last Sunday of March, just before summer time
    ['2026-03-29T01:00:00Z', '2026-03-29', 3, 120], // clocks jump from 02:00 to 03:00
    ['2026-06-30T22:30:00Z', '2026-07-01', 0, 120],
    ['2026-10-25T00:59:59Z', '2026-10-25', 2, 120], // last Sunday of October, still summer time
    ['2026-10-25T01:00:00Z', '2026-10-25', 2, 60], // clocks go back from 03:00 to 02:00
    ['2026-12-31T22:59:59Z', '2026-12-31', 23, 60],
    ['2026-12-31T23:00:00Z', '2027-01-01', 0, 60],
  ])('reads %s as %s, hour %i (offset %i minutes)', (iso, date, hour, offset) => {
    expect(localDate(at(iso))).toBe(date);
    expect(localParts(at(iso)).hour).toBe(hour);
    expect(amsterdamOffsetMinutes(at(iso))).toBe(offset);
  });

  it('agrees with the time-zone database on every hour from 2025 to 2028', () => {
    const tz = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const mismatches: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2029, 0, 1); t += 3_600_000) {
      const d = new Date(t + 30 * 60_000);
      if (localDate(d) !== tz.format(d)) mismatches.push(d.toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['2026-01-12', 8, '2026-01-12T07:00:00.000Z'],
    ['2026-07-13', 8, '2026-07-13T06:00:00.000Z'],
    ['2026-03-29', 2, '2026-03-29T01:00:00.000Z'], // 02:00 does not exist: 03:00 summer time
    ['2026-10-25', 2, '2026-10-25T00:00:00.000Z'], // 02:00 happens twice: the first
  ])('finds the instant of %s %i:00 in Amsterdam', (date, hour, iso) => {
    expect(atLocalTime(date, hour).toISOString()).toBe(iso);
  });
});

describe('school days', () => {
  // October 2026: Fri 2, Sat 3, Sun 4, Mon 5 … Fri 9, Mon 12. Herfstvakantie (noord) 17-25 Oct.
  const autumn = ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'];

  it.each([
    ['same day', '2026-10-05T07:00:00Z', '2026-10-05T15:00:00Z', 0],
    ['Friday to Monday', '2026-10-02T14:00:00Z', '2026-10-05T07:00:00Z', 1],
    ['Monday to Wednesday', '2026-10-05T07:00:00Z', '2026-10-07T07:00:00Z', 2],
    ['Friday to Saturday', '2026-10-02T14:00:00Z', '2026-10-03T10:00:00Z', 0],
    ['one full week', '2026-10-05T07:00:00Z', '2026-10-12T07:00:00Z', 5],
    ['backwards', '2026-10-07T07:00:00Z', '2026-10-05T07:00:00Z', 0],
    [
      'Friday evening late in Amsterdam (UTC still Friday) to Monday',
      '2026-10-02T22:30:00Z',
      '2026-10-05T08:00:00Z',
      1,
    ],
    ['Saturday to Monday across the end of summer time', '2026-10-24T10:00:00Z', '2026-10-26T08:00:00Z', 1],
  ])('counts %s', (_name, from, to, n) => {
    expect(schoolDaysBetween(at(from), at(to))).toBe(n);
  });

  it('skips the autumn holiday', () => {
    expect(schoolDaysBetween(at('2026-10-16T10:00:00Z'), at('2026-10-26T10:00:00Z'), autumn)).toBe(1);
    expect(schoolDaysBetween(at('2026-10-16T10:00:00Z'), at('2026-10-26T10:00:00Z'))).toBe(6);
  });

  it.each([
    ['2026-10-02', 1, '2026-10-05'],
    ['2026-10-05', 5, '2026-10-12'],
    ['2026-10-05', 0, '2026-10-05'],
    ['2026-10-12', -1, '2026-10-09'],
    ['2026-10-12', -5, '2026-10-05'],
    ['2026-10-03', 1, '2026-10-05'],
  ])('adds to %s %i school days giving %s', (date, n, want) => {
    expect(addSchoolDays(date, n)).toBe(want);
  });

  it('adds school days across a holiday week', () => {
    expect(addSchoolDays('2026-10-16', 1, autumn)).toBe('2026-10-26');
    expect(nextSchoolDay('2026-10-17', autumn)).toBe('2026-10-26');
  });

  it.each([
    ['two school days old is not overdue with a limit of 2', '2026-10-07T10:00:00Z', false],
    ['three school days old is overdue with a limit of 2', '2026-10-08T10:00:00Z', true],
  ])('%s', (_name, now, overdue) => {
    expect(isOverdue(at('2026-10-05T09:00:00Z'), at(now), 2)).toBe(overdue);
  });
});
