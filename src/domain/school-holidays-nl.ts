/**
 * The official Dutch school holidays (primary and secondary schools) per holiday region, as data.
 *
 * Source: Rijksoverheid, "Overzicht schoolvakanties per schooljaar"
 * (https://www.rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar),
 * retrieved 2026-12-05. The Ministry of OCW fixes the summer holiday, the Christmas holiday and one week
 * of May holiday (compulsory); the autumn and spring holidays are advisory dates a school may move
 * (`status: 'advies'`). Periods run Saturday to Sunday, as Rijksoverheid publishes them.
 *
 * National public holidays that fall on a school day outside these periods are listed per school year
 * (`publicHolidays`). Decisions, documented here once:
 * - Tweede Paasdag, Koningsdag, Hemelvaartsdag and Tweede Pinksterdag are closed days everywhere.
 * - Christmas, Boxing Day and New Year's Day always fall in the Christmas holiday.
 * - Bevrijdingsdag (5 May) is a closed day only in lustrum years (2025, 2030, ...): the education CAOs
 *   give it off by default only then, so it is not listed for 2026-2029; a school that closes on it adds it
 *   to its own closed days. The same holds for Goede Vrijdag, the Friday after Ascension Day and a second
 *   week of May holiday (OCW only advises one).
 *
 * Gaps: for 2026-2027 the Rijksoverheid page itself could not be retrieved; every period of that year
 * names its own sources (an open data set that transcribed the Rijksoverheid overview, cross-checked
 * against schools of the region). Where those disagree or are broken, the holiday stays out of the data
 * and is listed in `gaps` for the regions concerned. Never add a date here without a source.
 */
export const HOLIDAY_REGIONS = ['noord', 'midden', 'zuid'] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

export type HolidayName = 'herfstvakantie' | 'kerstvakantie' | 'voorjaarsvakantie' | 'meivakantie' | 'zomervakantie';

export interface HolidayPeriod {
  name: HolidayName;
  /** First and last day, inclusive ('YYYY-MM-DD'). */
  from: string;
  to: string;
  /** 'verplicht': fixed by OCW; 'advies': advisory dates a school may deviate from. */
  status: 'verplicht' | 'advies';
  /** Where the dates come from, when not the school year's own source. */
  source?: string;
}

export interface PublicHoliday {
  name: string;
  date: string;
}

/** A holiday that is not in the data for some regions, and why. */
export interface HolidayGap {
  name: HolidayName;
  regions: readonly HolidayRegion[];
  reason: string;
}

export interface SchoolYearHolidays {
  /** '2026-2027' */
  schoolYear: string;
  source: { url: string; retrieved: string };
  regions: Record<HolidayRegion, readonly HolidayPeriod[]>;
  /** National public holidays on a school day outside the holiday periods, for every region. */
  publicHolidays: readonly PublicHoliday[];
  /** Holidays of this school year that are not in the data for some regions (no reliable source found). */
  gaps: readonly HolidayGap[];
}

const ROOT = 'https://www.rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar';
const RETRIEVED = '2026-12-05';

const period = (name: HolidayName, from: string, to: string, source?: string): HolidayPeriod => ({
  name,
  from,
  to,
  status: name === 'herfstvakantie' || name === 'voorjaarsvakantie' ? 'advies' : 'verplicht',
  ...(source ? { source } : {}),
});

/** The same period in every region. */
const everywhere = (p: HolidayPeriod): Record<HolidayRegion, HolidayPeriod> => ({ noord: p, midden: p, zuid: p });

const AUTUMN_2026 =
  'https://schoolvakanties.org/herfstvakanties-nederland/ (adviesdata Rijksoverheid), retrieved 2026-12-05';
const CHRISTMAS_2026 =
  'https://www.schoolvakanties-nederland.nl/kerstvakantie-2023.html ("Bron vakantie data: Ministerie van OCW"), retrieved 2026-12-05';
const kerst2026 = everywhere(period('kerstvakantie', '2026-12-19', '2027-01-03', CHRISTMAS_2026));
/** Open data set (OpenHolidays) whose 2026-2027 rows cite Rijksoverheid's preliminary overview of that year. */
const OPEN_HOLIDAYS_2027 =
  'https://github.com/openpotato/openholidaysapi.data/blob/dd3dfa81f691d89964b42d30de582e935ec87a6e/src/nl/holidays/holidays.school.csv (source: Rijksoverheid, "Voorlopig overzicht schoolvakanties 2026-2027")';
const SCHOOL_NOORD_2027 =
  'https://www.ckcderegenboog.nl/mijn-kind-leerling/vakanties-onderwijs (school in regio noord; lists the school days)';
const SCHOOLS_MIDDEN_2027 =
  'https://deschelp.csgdewaard.nl/onze-school/schoolvakanties and https://mariaschool.wsko.nl/nl/vakanties-en-vrije-dagen (schools in regio midden)';
const checked = (...sources: string[]): string => `${sources.join('; ')}, retrieved ${RETRIEVED}`;
const NOORD_2027 = checked(OPEN_HOLIDAYS_2027, SCHOOL_NOORD_2027);
const MIDDEN_2027 = checked(OPEN_HOLIDAYS_2027, SCHOOLS_MIDDEN_2027);
const mei2027 = everywhere(
  period(
    'meivakantie',
    '2027-04-24',
    '2027-05-02',
    checked(
      OPEN_HOLIDAYS_2027,
      'the schools above close 24 April t/m 9 May 2027, this week plus the optional second week',
    ),
  ),
);
type Range = readonly [from: string, to: string];
/** A region's 2026-2027 holidays; spring and summer only where their sources agree. */
const year2027 = (autumn: Range, confirmed?: { spring: Range; summer: Range; source: string }): HolidayPeriod[] => {
  const [herfst, kerst, mei] = [period('herfstvakantie', ...autumn, AUTUMN_2026), kerst2026.noord, mei2027.noord]; // kerst and mei: national
  if (!confirmed) return [herfst, kerst, mei];
  const { spring, summer, source } = confirmed;
  return [
    herfst,
    kerst,
    period('voorjaarsvakantie', ...spring, source),
    mei,
    period('zomervakantie', ...summer, source),
  ];
};
const mei2028 = everywhere(period('meivakantie', '2028-04-29', '2028-05-07'));
const kerst2027 = everywhere(period('kerstvakantie', '2027-12-25', '2028-01-09'));
const kerst2028 = everywhere(period('kerstvakantie', '2028-12-23', '2029-01-07'));
const mei2029 = everywhere(period('meivakantie', '2029-04-28', '2029-05-06'));

export const NL_SCHOOL_HOLIDAYS: readonly SchoolYearHolidays[] = [
  {
    schoolYear: '2026-2027',
    source: { url: `${ROOT}/overzicht-schoolvakanties-2026-2027`, retrieved: RETRIEVED },
    regions: {
      noord: year2027(['2026-10-10', '2026-10-18'], {
        spring: ['2027-02-20', '2027-02-28'],
        summer: ['2027-07-10', '2027-08-22'],
        source: NOORD_2027,
      }),
      midden: year2027(['2026-10-17', '2026-10-25'], {
        spring: ['2027-02-20', '2027-02-28'],
        summer: ['2027-07-17', '2027-08-29'],
        source: MIDDEN_2027,
      }),
      zuid: year2027(['2026-10-17', '2026-10-25']),
    },
    // Koningsdag (27 April 2027) falls in the May holiday.
    publicHolidays: [
      { name: 'Tweede Paasdag', date: '2027-03-29' },
      { name: 'Hemelvaartsdag', date: '2027-05-06' },
      { name: 'Tweede Pinksterdag', date: '2027-05-17' },
    ],
    gaps: [
      {
        name: 'voorjaarsvakantie',
        regions: ['zuid'],
        reason:
          'the open data set gives 13 February t/m 21 March 2027 (a broken row) and no second source names the advisory week',
      },
      {
        name: 'zomervakantie',
        regions: ['zuid'],
        reason:
          'the open data set gives 24 July t/m 5 September 2027, a school in regio zuid (montessoricollege.nl) 17 July t/m 29 August 2027',
      },
    ],
  },
  {
    schoolYear: '2027-2028',
    source: { url: `${ROOT}/overzicht-schoolvakanties-2027-2028`, retrieved: RETRIEVED },
    regions: {
      noord: [
        period('herfstvakantie', '2027-10-16', '2027-10-24'),
        kerst2027.noord,
        period('voorjaarsvakantie', '2028-02-19', '2028-02-27'),
        mei2028.noord,
        period('zomervakantie', '2028-07-15', '2028-08-27'),
      ],
      midden: [
        period('herfstvakantie', '2027-10-16', '2027-10-24'),
        kerst2027.midden,
        period('voorjaarsvakantie', '2028-02-26', '2028-03-05'),
        mei2028.midden,
        period('zomervakantie', '2028-07-08', '2028-08-20'),
      ],
      zuid: [
        period('herfstvakantie', '2027-10-23', '2027-10-31'),
        kerst2027.zuid,
        period('voorjaarsvakantie', '2028-02-26', '2028-03-05'),
        mei2028.zuid,
        period('zomervakantie', '2028-07-22', '2028-09-03'),
      ],
    },
    publicHolidays: [
      { name: 'Tweede Paasdag', date: '2028-04-17' },
      { name: 'Koningsdag', date: '2028-04-27' },
      { name: 'Hemelvaartsdag', date: '2028-05-25' },
      { name: 'Tweede Pinksterdag', date: '2028-06-05' },
    ],
    gaps: [],
  },
  {
    schoolYear: '2028-2029',
    source: { url: `${ROOT}/overzicht-schoolvakanties-2028-2029`, retrieved: RETRIEVED },
    regions: {
      noord: [
        period('herfstvakantie', '2028-10-14', '2028-10-22'),
        kerst2028.noord,
        period('voorjaarsvakantie', '2029-02-17', '2029-02-25'),
        mei2029.noord,
        period('zomervakantie', '2029-07-21', '2029-09-02'),
      ],
      midden: [
        period('herfstvakantie', '2028-10-21', '2028-10-29'),
        kerst2028.midden,
        period('voorjaarsvakantie', '2029-02-17', '2029-02-25'),
        mei2029.midden,
        period('zomervakantie', '2029-07-07', '2029-08-19'),
      ],
      zuid: [
        period('herfstvakantie', '2028-10-21', '2028-10-29'),
        kerst2028.zuid,
        period('voorjaarsvakantie', '2029-02-10', '2029-02-18'),
        mei2029.zuid,
        period('zomervakantie', '2029-07-14', '2029-08-26'),
      ],
    },
    publicHolidays: [
      { name: 'Tweede Paasdag', date: '2029-04-02' },
      { name: 'Koningsdag', date: '2029-04-27' },
      { name: 'Hemelvaartsdag', date: '2029-05-10' },
      { name: 'Tweede Pinksterdag', date: '2029-05-21' },
    ],
    gaps: [],
  },
];
