import { schoolDigest, suppressCount, SMALL_NUMBER_THRESHOLD } from '../../src/domain/digest';
import { regionDigest } from '../../src/domain/region-digest';
import { DIGEST_NOW, DIGEST_SINCE, SCHOOL_A_SIGNALS, schoolBSignals, schoolCSignals } from './digest-fixtures';

const base = { now: DIGEST_NOW, since: DIGEST_SINCE };
const schools = [
  { schoolId: 'c', schoolName: 'Comenius', digest: schoolDigest({ ...base, signals: schoolCSignals() }) },
  {
    schoolId: 'a',
    schoolName: 'Atlas College',
    digest: schoolDigest({
      ...base,
      signals: SCHOOL_A_SIGNALS,
      distribution: { current: { 1: 300, 2: 40, 3: 6 }, previous: { 1: 310, 2: 33, 3: 3 } },
    }),
  },
  { schoolId: 'b', schoolName: 'Bonhoeffer', digest: schoolDigest({ ...base, signals: schoolBSignals() }) },
];

describe('small-number suppression', () => {
  it.each([
    [0, 0],
    [1, '<5'],
    [4, '<5'],
    [5, 5],
    [120, 120],
  ])('shows %i as %p', (n, shown) => {
    expect(SMALL_NUMBER_THRESHOLD).toBe(5);
    expect(suppressCount(n)).toBe(shown);
  });
});

describe('regionDigest', () => {
  const region = regionDigest(schools, DIGEST_NOW);

  it('adds up the schools and hides counts below five', () => {
    expect(region.schoolCount).toBe(3);
    expect(region.totals.newSignals).toEqual({
      total: 13,
      byCategory: {
        verzuim: '<5',
        leerprestaties: 0,
        gedrag: 7,
        'sociaal-emotioneel': 0,
        thuissituatie: 0,
        pesten: '<5',
        middelengebruik: 0,
        veiligheid: 0,
        anders: '<5',
      },
      byLevel: { 1: '<5', 2: 8, 3: '<5' },
    });
    expect(region.totals.open).toEqual({
      total: 16,
      byState: { new: 12, claimed: 0, inProgress: '<5', escalated: '<5', watch: '<5', aftercare: 0 },
      overdue: '<5',
    });
    expect(region.totals.escalations).toEqual({ open: '<5', unclaimed: '<5', overdueUnclaimed: '<5' });
  });

  it('hides a distribution delta where either round’s count is hidden', () => {
    expect(region.totals.distribution).toEqual({
      current: { 1: 300, 2: 40, 3: 6 },
      previous: { 1: 310, 2: 33, 3: '<5' },
      delta: { 1: -10, 2: 7, 3: null },
    });
  });

  it('shows a school with fewer than five signals only in the totals', () => {
    expect(region.schools.map((s) => [s.schoolName, s.shownInDetail])).toEqual([
      ['Atlas College', true],
      ['Bonhoeffer', false],
      ['Comenius', true],
    ]);
    expect(region.schools[1].figures).toBeUndefined();
    expect(region.schools[2].figures?.newSignals.byCategory.gedrag).toBe(6);
    expect(region.schools[0].figures?.newSignals.total).toBe('<5');
  });

  it('carries no reference or signal id of any pupil', () => {
    const text = JSON.stringify(region);
    expect(text).not.toMatch(/S-20\d\d-/);
    expect(text).not.toMatch(/"(000[A-I]|[BC]\d)"/);
  });

  it('gives zero totals for a region without schools', () => {
    expect(regionDigest([], DIGEST_NOW).totals.newSignals.total).toBe(0);
  });
});
