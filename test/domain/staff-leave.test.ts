import { routeNewSignal, type StaffMember } from '../../src/domain/routing';
import { casesOf, checkHandover } from '../../src/domain/handover';
import type { Actor } from '../../src/domain/roles';
import type { PupilRef } from '../../src/domain/signal';
import { colleaguesAway, handlersOf, isAway, parseLeaveDate, workersAtWork } from '../../src/domain/staff-leave';
import { baseSignal } from './fixtures';

const TODAY = '2026-11-23';

describe('parseLeaveDate', () => {
  it.each([
    ['2026-12-12', '2026-12-12'],
    ['12-12', '2026-12-12'],
    ['12-12-2026', '2026-12-12'],
    ['12/12', '2026-12-12'],
    ['12 december', '2026-12-12'],
    ['tot 12 dec', '2026-12-12'],
    ['t/m 1 januari', '2027-01-01'],
    ['tot en met 3 maart 2027', '2027-03-03'],
    ['23-11', TODAY],
  ])('reads %s as %s', (text, date) => {
    expect(parseLeaveDate(text, TODAY)).toEqual({ ok: true, value: date });
  });

  it('takes a day-month without a year that has passed this year as next year', () => {
    expect(parseLeaveDate('1-2', TODAY)).toEqual({ ok: true, value: '2027-02-01' });
  });

  it('refuses a date with a year that has passed', () => {
    expect(parseLeaveDate('2026-11-20', TODAY)).toMatchObject({ ok: false, code: 'date-in-past' });
    expect(parseLeaveDate('20-11-2026', TODAY)).toMatchObject({ ok: false, code: 'date-in-past' });
  });

  it.each(['31-02', '2026-13-01', 'morgen', 'vrijdag', '', '12 smarch', '99'])('refuses %p as no date', (text) => {
    expect(parseLeaveDate(text, TODAY)).toMatchObject({ ok: false, code: 'invalid-date' });
  });

  it('refuses a date more than a year ahead', () => {
    expect(parseLeaveDate('2028-01-01', TODAY)).toMatchObject({ ok: false, code: 'leave-too-far' });
  });
});

const worker = (userId: string, until?: string) => ({
  userId,
  schoolId: 'school-a',
  roles: ['preventionWorker' as const],
  displayName: userId,
  ...(until ? { leave: { until } } : {}),
});

describe('who stands in for a prevention worker away', () => {
  const staff = [worker('pw-1', '2026-11-27'), worker('pw-2'), worker('pw-3', '2026-11-20')];

  it('counts her away up to and including her last day', () => {
    expect(isAway(staff[0], '2026-11-27')).toBe(true);
    expect(isAway(staff[0], '2026-11-28')).toBe(false);
  });

  it('offers new signals only to the workers at work, and to all when every one is away', () => {
    expect(workersAtWork(staff, TODAY)).toEqual(['pw-2', 'pw-3']);
    expect(workersAtWork([worker('pw-1', '2026-12-01'), worker('pw-2', '2026-12-01')], TODAY)).toEqual([
      'pw-1',
      'pw-2',
    ]);
  });

  it('sends a reminder about her case to her partners while she is away, and to her again after', () => {
    expect(handlersOf('pw-1', staff, TODAY)).toEqual(['pw-2', 'pw-3']);
    expect(handlersOf('pw-1', staff, '2026-11-28')).toEqual(['pw-1']);
    expect(handlersOf('pw-2', staff, TODAY)).toEqual(['pw-2']);
  });

  it('lists the colleagues away today for the partner, never herself', () => {
    expect(colleaguesAway(staff, 'pw-2', TODAY).map((s) => s.userId)).toEqual(['pw-1']);
    expect(colleaguesAway(staff, 'pw-1', TODAY)).toEqual([]);
  });

  it('routes a new signal to the partner only while a worker is away', () => {
    const members: StaffMember[] = [worker('pw-1', '2026-11-27'), worker('pw-2')];
    const pupil: PupilRef = { id: 'pupil-1', schoolId: 'school-a', classId: '2b' };
    const policy = { notifyAttendanceOfficer: false };
    expect(routeNewSignal(baseSignal(), pupil, members, { ...policy, today: TODAY }).preventionWorkers).toEqual([
      'pw-2',
    ]);
    expect(routeNewSignal(baseSignal(), pupil, members, { ...policy, today: '2026-11-28' }).preventionWorkers).toEqual([
      'pw-1',
      'pw-2',
    ]);
  });
});

describe('checkHandover', () => {
  const coordinator: Actor = { userId: 'c', schoolId: 'school-a', roles: ['coordinator'], displayName: 'C' };
  const isWorker = (id: string) => id === 'pw-1' || id === 'pw-2';

  it('refuses anyone but a coordinator', () => {
    const teacher: Actor = { ...coordinator, roles: ['teacher'] };
    expect(checkHandover({ actor: teacher, fromId: 'pw-1', toId: 'pw-2', reason: 'ziek', isWorker })).toMatchObject({
      code: 'handover-not-coordinator',
    });
  });

  it('requires a reason, two different prevention workers of the school', () => {
    const check = (fromId: string, toId: string, reason?: string) =>
      checkHandover({ actor: coordinator, fromId, toId, reason, isWorker });
    expect(check('pw-1', 'pw-2', '  ')).toMatchObject({ code: 'handover-reason-missing' });
    expect(check('pw-1', 'pw-1', 'ziek')).toMatchObject({ code: 'handover-same-worker' });
    expect(check('pw-1', 'teacher', 'ziek')).toMatchObject({ code: 'target-not-prevention-worker' });
    expect(check('pw-1', 'pw-2', ' ziek ')).toEqual({ ok: true, value: { reason: 'ziek' } });
  });

  it('moves only the open cases she is casushouder of', () => {
    const s = (id: string, ownerId: string | undefined, state: 'claimed' | 'closed' | 'new') => ({
      ...baseSignal(),
      id,
      reference: id,
      ownerId,
      state,
    });
    const open = [
      s('a', 'pw-1', 'claimed'),
      s('b', 'pw-2', 'claimed'),
      s('c', undefined, 'new'),
      s('d', 'pw-1', 'closed'),
    ];
    expect(casesOf(open, 'pw-1').map((x) => x.id)).toEqual(['a']);
  });
});
