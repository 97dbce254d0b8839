import { needsReannouncement } from '../../src/domain/signal-reminders';
import { regionHolidayDates, schoolClosedDays } from '../../src/domain/school-closed-days';
import { addSchoolDays, isSchoolDay, nextSchoolDay, schoolDaysBetween } from '../../src/domain/school-days';
import { dueRoundSteps, defaultRoundWindows } from '../../src/domain/rounds';
import { baseSignal } from './fixtures';

const at = (iso: string) => new Date(iso);

describe('schoolClosedDays', () => {
  it('joins the region’s holidays, the school’s own closed days and the legacy holidays, sorted and once each', () => {
    const days = schoolClosedDays({
      holidayRegion: 'midden',
      closedDays: ['2026-11-25', '2026-12-21'],
      holidays: ['2026-11-24', '2026-11-25'],
    });
    expect(days).toEqual(
      expect.arrayContaining([
        '2026-11-24',
        '2026-11-25',
        '2026-12-21',
        '2026-12-25',
        '2027-01-01',
        '2026-10-19',
        '2027-03-29',
      ]),
    );
    expect(days).toEqual([...new Set(days)].sort());
    expect(days).not.toContain('2026-10-12'); // noord's autumn holiday, not midden's
    expect(schoolClosedDays({ holidayRegion: 'noord' })).toContain('2026-10-12');
  });

  it('is only the school’s own days when it has no region, and nothing for a bare school', () => {
    expect(schoolClosedDays({ closedDays: ['2026-11-25'], holidays: [] })).toEqual(['2026-11-25']);
    expect(schoolClosedDays({})).toEqual([]);
  });

  it('ignores an entry that is not a calendar date instead of failing', () => {
    expect(schoolClosedDays({ holidays: ['kerst', '2026-02-30', '2026-11-25'] })).toEqual(['2026-11-25']);
  });

  it('expands a region once and hands out the same frozen list for the same settings', () => {
    expect(regionHolidayDates('zuid')).toBe(regionHolidayDates('zuid'));
    const a = schoolClosedDays({ holidayRegion: 'zuid', closedDays: ['2026-11-25'] });
    expect(schoolClosedDays({ holidayRegion: 'zuid', closedDays: ['2026-11-25'] })).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(schoolClosedDays({ holidayRegion: 'zuid', closedDays: ['2026-11-26'] })).not.toBe(a);
  });

  it('makes every school day count skip the Christmas holiday', () => {
    const midden = schoolClosedDays({ holidayRegion: 'midden' });
    expect(isSchoolDay('2026-12-18', midden)).toBe(true);
    expect(isSchoolDay('2026-12-21', midden)).toBe(false);
    expect(nextSchoolDay('2026-12-19', midden)).toBe('2027-01-04');
    expect(addSchoolDays('2026-12-18', 2, midden)).toBe('2027-01-05');
    // Friday 18 December (last school day) to Tuesday 5 January: Monday 4 and Tuesday 5 January
    expect(schoolDaysBetween(at('2026-12-18T10:00:00Z'), at('2027-01-05T10:00:00Z'), midden)).toBe(2);
    expect(schoolDaysBetween(at('2026-12-18T10:00:00Z'), at('2027-01-05T10:00:00Z'))).toBe(12);
  });

  it('re-announces a signal raised on the last school day before Christmas only after the second school day after it', () => {
    const midden = schoolClosedDays({ holidayRegion: 'midden' });
    const s = baseSignal({ state: 'new', createdAt: '2026-12-18T10:00:00.000Z' });
    expect(needsReannouncement(s, at('2026-12-23T10:00:00Z'), 2)).toBe(true); // without the holidays
    expect(needsReannouncement(s, at('2026-12-31T10:00:00Z'), 2, midden)).toBe(false);
    expect(needsReannouncement(s, at('2027-01-05T10:00:00Z'), 2, midden)).toBe(false);
    expect(needsReannouncement(s, at('2027-01-06T08:00:00Z'), 2, midden)).toBe(true);
  });

  it('counts a school’s extra closed day as no school day', () => {
    const s = baseSignal({ state: 'new', createdAt: '2026-11-20T10:00:00.000Z' }); // a Friday
    expect(needsReannouncement(s, at('2026-11-25T10:00:00Z'), 2, schoolClosedDays({ holidayRegion: 'midden' }))).toBe(
      true,
    );
    expect(
      needsReannouncement(
        s,
        at('2026-11-25T10:00:00Z'),
        2,
        schoolClosedDays({ holidayRegion: 'midden', closedDays: ['2026-11-24'] }),
      ),
    ).toBe(false);
  });

  it('moves round reminders before a deadline across the Christmas holiday', () => {
    const midden = schoolClosedDays({ holidayRegion: 'midden' });
    const windows = [{ roundNo: 2 as const, opensOn: '2026-12-14', deadline: '2027-01-08' }];
    const remindersOn = (holidays: readonly string[]) =>
      dueRoundSteps(windows, at('2027-01-09T00:00:00Z'), new Set(['2026-2:open', '2026-2:close']), { holidays }).map(
        (s) => s.dueAt,
      );
    // without holidays: 5 school days before Friday 8 January is Friday 1 January
    expect(remindersOn([])).toEqual([expect.stringMatching(/^2027-01-01T/), expect.stringMatching(/^2027-01-07T/)]);
    // with them: Thursday 7 … Monday 4 January are four, the fifth is Friday 18 December
    expect(remindersOn(midden)).toEqual([expect.stringMatching(/^2026-12-18T/), expect.stringMatching(/^2027-01-07T/)]);
  });

  it('lets the default rounds open on the first school day after a closed day', () => {
    expect(
      defaultRoundWindows(2027, schoolClosedDays({ holidayRegion: 'zuid', closedDays: ['2027-10-01'] }))[0].opensOn,
    ).toBe('2027-10-04');
  });
});
