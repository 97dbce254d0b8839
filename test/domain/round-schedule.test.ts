import {
  currentRound,
  dueRoundSteps,
  isLateSubmission,
  previousRound,
  type RoundWindow,
} from '../../src/domain/rounds';

const windows: RoundWindow[] = [
  { roundNo: 1, opensOn: '2026-10-01', deadline: '2026-10-15' },
  { roundNo: 2, opensOn: '2026-12-01', deadline: '2026-12-15' },
];
const at = (iso: string) => new Date(iso);
const due = (now: string, done: string[] = [], options = {}) =>
  dueRoundSteps(windows, at(now), new Set(done), options).map((s) => `${s.key}${s.superseded ? ' (superseded)' : ''}`);

describe('dueRoundSteps', () => {
  it.each([
    ['nothing before 08:00 on the opening day', '2026-10-01T05:59:59Z', [], []],
    ['the opening at 08:00 Amsterdam summer time', '2026-10-01T06:00:00Z', [], ['2026-1:open']],
    ['nothing again once the opening is done', '2026-10-07T10:00:00Z', ['2026-1:open'], []],
    ['the reminder five school days before the deadline', '2026-10-08T06:00:00Z', ['2026-1:open'], ['2026-1:remind5']],
    [
      'the reminder one school day before the deadline',
      '2026-10-14T06:00:00Z',
      ['2026-1:open', '2026-1:remind5'],
      ['2026-1:remind1'],
    ],
    [
      'the close once the deadline day is over',
      '2026-10-15T22:00:00Z',
      ['2026-1:open', '2026-1:remind5', '2026-1:remind1'],
      ['2026-1:close'],
    ],
    [
      'no close while the deadline day lasts',
      '2026-10-15T21:59:59Z',
      ['2026-1:open', '2026-1:remind5', '2026-1:remind1'],
      [],
    ],
    [
      'the December opening at 08:00 winter time',
      '2026-12-01T07:00:00Z',
      ['2026-1:open', '2026-1:remind5', '2026-1:remind1', '2026-1:close'],
      ['2026-2:open'],
    ],
  ])('returns %s', (_name, now, done, want) => {
    expect(due(now, done)).toEqual(want);
  });

  it('catches up after a restart mid-round, sending only the latest reminder', () => {
    expect(due('2026-10-14T08:00:00Z')).toEqual(['2026-1:open', '2026-1:remind5 (superseded)', '2026-1:remind1']);
  });

  it('catches up after the whole round was missed: forms still go out, reminders do not', () => {
    expect(due('2026-10-20T08:00:00Z')).toEqual([
      '2026-1:open',
      '2026-1:remind5 (superseded)',
      '2026-1:remind1 (superseded)',
      '2026-1:close',
    ]);
  });

  it('supersedes a reminder that would come before a short round opens', () => {
    const short: RoundWindow[] = [{ roundNo: 1, opensOn: '2026-10-12', deadline: '2026-10-15' }];
    const steps = dueRoundSteps(short, at('2026-10-12T06:00:00Z'), new Set());
    expect(steps.map((s) => [s.step, s.superseded])).toEqual([
      ['remind5', true],
      ['open', false],
    ]);
  });

  it('moves reminders before the school’s holidays and honours other reminder days', () => {
    const holidays = ['2026-10-14'];
    const steps = dueRoundSteps(windows, at('2026-10-13T06:00:00Z'), new Set(['2026-1:open', '2026-1:remind5']), {
      holidays,
    });
    expect(steps.map((s) => s.key)).toEqual(['2026-1:remind1']);
    const custom = dueRoundSteps(windows, at('2026-10-12T06:00:00Z'), new Set(['2026-1:open']), {
      reminderDays: { remind5: 3, remind1: 1 },
    });
    expect(custom.map((s) => [s.key, s.dueAt])).toEqual([['2026-1:remind5', '2026-10-12T06:00:00.000Z']]);
  });
});

describe('currentRound and friends', () => {
  it.each([
    ['2026-09-30T12:00:00Z', undefined],
    ['2026-10-01T00:30:00Z', { roundId: '2026-1', schoolDaysLeft: 10 }],
    ['2026-10-07T10:00:00Z', { roundId: '2026-1', schoolDaysLeft: 6 }],
    ['2026-10-15T21:00:00Z', { roundId: '2026-1', schoolDaysLeft: 0 }],
    ['2026-10-15T22:30:00Z', undefined],
    ['2026-12-10T10:00:00Z', { roundId: '2026-2', schoolDaysLeft: 3 }],
  ])('at %s the current round is %o', (now, want) => {
    const r = currentRound(windows, at(now));
    if (want === undefined) expect(r).toBeUndefined();
    else expect(r).toMatchObject(want);
  });

  it('knows the previous round once its deadline has passed', () => {
    expect(previousRound(windows, at('2026-10-07T10:00:00Z'))).toBeUndefined();
    expect(previousRound(windows, at('2026-11-01T10:00:00Z'))?.roundNo).toBe(1);
    expect(previousRound(windows, at('2027-01-10T10:00:00Z'))?.roundNo).toBe(2);
  });

  it.each([
    ['2026-10-15T21:30:00Z', false],
    ['2026-10-15T22:30:00Z', true],
  ])('marks a page handed in at %s late: %s', (when, late) => {
    expect(isLateSubmission(windows[0], at(when))).toBe(late);
  });
});
