import { schoolClosedDays } from '../../src/domain/school-closed-days';
import {
  DEFAULT_URGENT_UNCLAIMED_WORKING_HOURS,
  addWorkingHours,
  isUrgent,
  urgentUnclaimedDue,
} from '../../src/domain/urgent-signals';
import type { Signal } from '../../src/domain/signal';

/** Issue 16, point 5: working hours are 08:00–17:00 Europe/Amsterdam on school days. */
const at = (iso: string) => new Date(iso);
const due = (from: string, hours = 3, closed: readonly string[] = []) =>
  addWorkingHours(at(from), hours, closed).toISOString();

const signal = (over: Partial<Signal> = {}) => ({
  id: 'sig-1',
  state: 'new' as Signal['state'],
  urgency: 'today' as Signal['urgency'],
  reporterLevel: 2 as Signal['reporterLevel'],
  createdAt: '2026-11-23T08:00:00.000Z', // Monday 09:00 in Amsterdam
  ...over,
});

describe('addWorkingHours', () => {
  it('puts a signal raised on Monday at 09:00 due at 12:00 the same day', () => {
    expect(due('2026-11-23T09:00:00+01:00')).toBe(at('2026-11-23T12:00:00+01:00').toISOString());
  });

  it('keeps a deadline that lands exactly on 17:00 on that day', () => {
    expect(due('2026-11-23T14:00:00+01:00')).toBe(at('2026-11-23T17:00:00+01:00').toISOString());
  });

  it('rolls what is left after 17:00 into the next school morning (16:00 + 3 → 10:00 next day)', () => {
    expect(due('2026-11-24T16:00:00+01:00')).toBe(at('2026-11-25T10:00:00+01:00').toISOString());
  });

  it('skips the weekend: raised Friday 15:30, due Monday 09:30', () => {
    expect(due('2026-11-27T15:30:00+01:00')).toBe(at('2026-11-30T09:30:00+01:00').toISOString());
  });

  it('counts from 08:00 for a signal raised before the working day or in the evening', () => {
    expect(due('2026-11-23T06:45:00+01:00')).toBe(at('2026-11-23T11:00:00+01:00').toISOString());
    expect(due('2026-11-23T21:10:00+01:00')).toBe(at('2026-11-24T11:00:00+01:00').toISOString());
    expect(due('2026-11-28T10:00:00+01:00')).toBe(at('2026-11-30T11:00:00+01:00').toISOString()); // Saturday
  });

  it('skips the Christmas holiday of the school’s region: raised Friday 18 December 15:00, due Monday 4 January 09:00', () => {
    const closed = schoolClosedDays({ holidayRegion: 'midden' });
    expect(due('2026-12-18T15:00:00+01:00', 3, closed)).toBe(at('2027-01-04T09:00:00+01:00').toISOString());
  });

  it('skips a closed day of the school’s own', () => {
    expect(due('2026-11-24T15:00:00+01:00', 3, ['2026-11-25'])).toBe(at('2026-11-26T09:00:00+01:00').toISOString());
  });

  it('counts wall-clock hours across the change to summer time', () => {
    // Friday 26 March 2027 16:00 CET; clocks go forward on Sunday 28 March
    expect(due('2027-03-26T16:00:00+01:00')).toBe(at('2027-03-29T10:00:00+02:00').toISOString());
  });

  it('spans several days for a long setting (20 hours from Monday 09:00 → Wednesday 11:00)', () => {
    expect(due('2026-11-23T09:00:00+01:00', 20)).toBe(at('2026-11-25T11:00:00+01:00').toISOString());
  });
});

describe('urgentUnclaimedDue', () => {
  it('counts "vandaag nog" and a reporter’s level 3 as urgent, nothing else', () => {
    expect(isUrgent({ urgency: 'today', reporterLevel: 2 })).toBe(true);
    expect(isUrgent({ urgency: 'normal', reporterLevel: 3 })).toBe(true);
    expect(isUrgent({ urgency: 'soon', reporterLevel: 2 })).toBe(false);
  });

  it('is not due before the working hours have run out, and due from then on with a once-key per signal', () => {
    expect(urgentUnclaimedDue(signal(), at('2026-11-23T11:59:00+01:00'), undefined)).toBeUndefined();
    const d = urgentUnclaimedDue(signal(), at('2026-11-23T12:00:00+01:00'), undefined);
    expect(d?.dueAt.toISOString()).toBe(at('2026-11-23T12:00:00+01:00').toISOString());
    expect(d?.onceKey).toBe('urgent-unclaimed:sig-1');
    expect(DEFAULT_URGENT_UNCLAIMED_WORKING_HOURS).toBe(3);
  });

  it('follows the school’s number of working hours', () => {
    expect(urgentUnclaimedDue(signal(), at('2026-11-23T12:00:00+01:00'), 5)).toBeUndefined();
    expect(urgentUnclaimedDue(signal(), at('2026-11-23T14:00:00+01:00'), 5)).toBeDefined();
  });

  it('is never due for a claimed signal or one without urgency', () => {
    const late = at('2026-11-30T12:00:00+01:00');
    expect(urgentUnclaimedDue(signal({ state: 'claimed' }), late, 3)).toBeUndefined();
    expect(urgentUnclaimedDue(signal({ urgency: 'normal' }), late, 3)).toBeUndefined();
    expect(urgentUnclaimedDue(signal({ urgency: 'normal', reporterLevel: 3 }), late, 3)).toBeDefined();
  });
});
