import { schoolDigest, toDigestSignal } from '../../src/domain/digest';
import { baseSignal } from './fixtures';
import { DIGEST_NOW, DIGEST_SINCE, SCHOOL_A_SIGNALS } from './digest-fixtures';

const digest = (over = {}) =>
  schoolDigest({ now: DIGEST_NOW, since: DIGEST_SINCE, signals: SCHOOL_A_SIGNALS, ...over });

describe('schoolDigest', () => {
  it('counts new signals since the last digest by category and level', () => {
    expect(digest().newSignals).toEqual({
      total: 4,
      byCategory: {
        verzuim: 2,
        leerprestaties: 0,
        gedrag: 1,
        'sociaal-emotioneel': 0,
        thuissituatie: 0,
        pesten: 1,
        middelengebruik: 0,
        veiligheid: 0,
        anders: 1,
      },
      byLevel: { 1: 1, 2: 2, 3: 1 },
    });
  });

  it('lists open signals oldest first with their age in school days and flags the overdue ones', () => {
    const open = digest().open;
    expect(open.total).toBe(7);
    expect(open.byState).toEqual({ new: 3, claimed: 0, inProgress: 1, escalated: 2, watch: 1, aftercare: 0 });
    expect(open.overdue).toBe(3);
    expect(open.items.map((i) => [i.reference, i.state, i.ageSchoolDays, i.overdueReason ?? '-'])).toEqual([
      ['S-2026-000G', 'watch', 29, '-'],
      ['S-2026-000C', 'escalated', 16, 'escalationUnclaimed'],
      ['S-2026-000D', 'escalated', 10, '-'],
      ['S-2026-000I', 'new', 5, 'unclaimed'],
      ['S-2026-000E', 'inProgress', 5, '-'],
      ['S-2026-000A', 'new', 3, 'unclaimed'],
      ['S-2026-000B', 'new', 1, '-'],
    ]);
  });

  it('counts escalations open, unclaimed, and unclaimed past the limit', () => {
    expect(digest().escalations).toEqual({ open: 2, unclaimed: 1, overdueUnclaimed: 1 });
  });

  it('counts each signal once as an item of the school', () => {
    expect(digest().signalCount).toBe(8);
  });

  it('does not count a holiday towards the age', () => {
    const items = digest({ holidays: ['2026-10-09'] }).open.items;
    expect(items.find((i) => i.reference === 'S-2026-000A')).toMatchObject({ ageSchoolDays: 2, overdue: false });
  });

  it('honours a school’s own limits', () => {
    expect(digest({ limits: { unclaimedSchoolDays: 5, escalationUnclaimedSchoolDays: 4 } }).open.overdue).toBe(0);
  });

  it('shows round completion per prevention worker', () => {
    const rounds = digest({
      roundPages: [
        { workerId: 'pw-2', classId: '1a', total: 20, done: 5 },
        { workerId: 'pw-1', classId: '2b', total: 25, done: 25 },
      ],
    }).rounds;
    expect(rounds).toEqual({
      perWorker: [
        { workerId: 'pw-1', done: 25, total: 25, percent: 100 },
        { workerId: 'pw-2', done: 5, total: 20, percent: 25 },
      ],
      overall: { done: 30, total: 45, percent: 66 },
    });
  });

  it('compares the 1-2-3 distribution with the previous round', () => {
    const d = digest({
      distribution: { current: { 1: 300, 2: 40, 3: 6 }, previous: { 1: 310, 2: 33, 3: 3 } },
    }).distribution;
    expect(d).toEqual({
      current: { 1: 300, 2: 40, 3: 6 },
      currentTotal: 346,
      previous: { 1: 310, 2: 33, 3: 3 },
      previousTotal: 346,
      delta: { 1: -10, 2: 7, 3: 3 },
    });
  });

  it('leaves out rounds and distribution when none are given', () => {
    const d = digest();
    expect(d.rounds).toBeUndefined();
    expect(d.distribution).toBeUndefined();
  });

  it('projects a signal to what the digest needs, with the worker’s level winning', () => {
    expect(toDigestSignal(baseSignal({ workerLevel: 3, categories: ['pesten'] }))).toEqual({
      id: 'sig-1',
      reference: 'S-2026-0042',
      state: 'new',
      categories: ['pesten'],
      level: 3,
      createdAt: '2026-10-05T08:00:00.000Z',
    });
  });
});
