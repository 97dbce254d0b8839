import { addDays, isDateOnly, weekdayOf } from '../../src/domain/calendar-date';
import { HOLIDAY_REGIONS, NL_SCHOOL_HOLIDAYS } from '../../src/domain/school-holidays-nl';

const HOLIDAY_NAMES = ['herfstvakantie', 'kerstvakantie', 'voorjaarsvakantie', 'meivakantie', 'zomervakantie'];

/** Easter Sunday (anonymous Gregorian computus), to check the Easter-bound public holidays. */
const easterSunday = (y: number): string => {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const periodsOf = () =>
  NL_SCHOOL_HOLIDAYS.flatMap((y) =>
    HOLIDAY_REGIONS.flatMap((r) => y.regions[r].map((p) => ({ year: y, region: r, p }))),
  );

describe('the official Dutch school holidays (data)', () => {
  it('covers the school years 2026-2027, 2027-2028 and 2028-2029, each for noord, midden and zuid', () => {
    expect(NL_SCHOOL_HOLIDAYS.map((y) => y.schoolYear)).toEqual(['2026-2027', '2027-2028', '2028-2029']);
    for (const y of NL_SCHOOL_HOLIDAYS) expect(Object.keys(y.regions).sort()).toEqual([...HOLIDAY_REGIONS].sort());
  });

  it('names its source: a Rijksoverheid page per school year and the retrieval date', () => {
    for (const y of NL_SCHOOL_HOLIDAYS) {
      expect(y.source.url).toMatch(new RegExp(`^https://www\\.rijksoverheid\\.nl/.+-${y.schoolYear}$`));
      expect(isDateOnly(y.source.retrieved)).toBe(true);
    }
  });

  it('has well-formed periods, Saturday to Sunday, inside their school year', () => {
    for (const { year, p } of periodsOf()) {
      const start = Number(year.schoolYear.slice(0, 4));
      expect([isDateOnly(p.from), isDateOnly(p.to)]).toEqual([true, true]);
      expect(p.from <= p.to).toBe(true);
      expect([weekdayOf(p.from), weekdayOf(p.to)]).toEqual([6, 0]);
      expect(p.from >= `${start}-08-01`).toBe(true);
      expect(p.to <= `${start + 1}-09-15`).toBe(true);
    }
  });

  it('has every holiday once per region, except the ones it reports as gaps for that region, and marks only autumn and spring as advisory', () => {
    for (const y of NL_SCHOOL_HOLIDAYS) {
      for (const r of HOLIDAY_REGIONS) {
        const names = y.regions[r].map((p) => p.name);
        const missing = y.gaps.filter((g) => g.regions.includes(r)).map((g) => g.name);
        expect([...names, ...missing].sort()).toEqual([...HOLIDAY_NAMES].sort());
        const periods = [...y.regions[r]].sort((a, b) => (a.from < b.from ? -1 : 1));
        periods.slice(1).forEach((p, i) => expect(p.from > periods[i].to).toBe(true));
      }
    }
    for (const { p } of periodsOf())
      expect(p.status).toBe(p.name === 'herfstvakantie' || p.name === 'voorjaarsvakantie' ? 'advies' : 'verplicht');
  });

  it('lets the Christmas holiday cover Christmas Day and New Year’s Day in every region', () => {
    for (const y of NL_SCHOOL_HOLIDAYS) {
      const start = Number(y.schoolYear.slice(0, 4));
      for (const r of HOLIDAY_REGIONS) {
        const kerst = y.regions[r].find((p) => p.name === 'kerstvakantie')!;
        expect(kerst.from <= `${start}-12-25` && `${start}-12-25` <= kerst.to).toBe(true);
        expect(kerst.from <= `${start + 1}-01-01` && `${start + 1}-01-01` <= kerst.to).toBe(true);
      }
    }
  });

  it('lists Tweede Paasdag, Koningsdag, Hemelvaartsdag and Tweede Pinksterdag on the right weekdays, unless a holiday of every region covers them', () => {
    const inHolidayEverywhere = (y: (typeof NL_SCHOOL_HOLIDAYS)[number], date: string) =>
      HOLIDAY_REGIONS.every((r) => y.regions[r].some((p) => p.from <= date && date <= p.to));
    for (const y of NL_SCHOOL_HOLIDAYS) {
      const spring = Number(y.schoolYear.slice(5));
      const easter = easterSunday(spring);
      const koningsdag = weekdayOf(`${spring}-04-27`) === 0 ? `${spring}-04-26` : `${spring}-04-27`;
      const expected: Record<string, string> = {
        'Tweede Paasdag': addDays(easter, 1),
        Koningsdag: koningsdag,
        Hemelvaartsdag: addDays(easter, 39),
        'Tweede Pinksterdag': addDays(easter, 50),
      };
      const outside = Object.entries(expected).filter(([, date]) => !inHolidayEverywhere(y, date));
      expect(Object.fromEntries(y.publicHolidays.map((h) => [h.name, h.date]))).toEqual(Object.fromEntries(outside));
      for (const h of y.publicHolidays) {
        expect([1, 2, 3, 4, 5]).toContain(weekdayOf(h.date));
        for (const r of HOLIDAY_REGIONS)
          expect(y.regions[r].some((p) => p.from <= h.date && h.date <= p.to)).toBe(false);
      }
    }
  });

  it('ships the 2027 spring, May and summer holidays where two sources agree, and reports regio zuid’s spring and summer holiday as gaps', () => {
    const y = NL_SCHOOL_HOLIDAYS.find((s) => s.schoolYear === '2026-2027')!;
    const dates = (r: (typeof HOLIDAY_REGIONS)[number]) =>
      Object.fromEntries(y.regions[r].map((p) => [p.name, `${p.from}/${p.to}`]));
    expect(dates('noord')).toMatchObject({
      voorjaarsvakantie: '2027-02-20/2027-02-28',
      meivakantie: '2027-04-24/2027-05-02',
      zomervakantie: '2027-07-10/2027-08-22',
    });
    expect(dates('midden')).toMatchObject({
      voorjaarsvakantie: '2027-02-20/2027-02-28',
      meivakantie: '2027-04-24/2027-05-02',
      zomervakantie: '2027-07-17/2027-08-29',
    });
    expect(dates('zuid')).toMatchObject({ meivakantie: '2027-04-24/2027-05-02' });
    expect(y.gaps.map((g) => [g.name, g.regions])).toEqual([
      ['voorjaarsvakantie', ['zuid']],
      ['zomervakantie', ['zuid']],
    ]);
    for (const p of HOLIDAY_REGIONS.flatMap((r) => y.regions[r])) expect(p.source).toMatch(/retrieved 2026-12-05$/);
  });
});
